// The 'agentctl' i18n namespace (useTranslation('agentctl')): what the agent sees of the Agent
// API's call and state commands (src/agentctl/). English is the reference; the other
// languages must have exactly the same keys (the type checker refuses a missing one).
const en = {
  focus: {
    title: 'Placing call to {{number}}',
    hint: 'A call was started for you. The customer appears as soon as they answer.',
    ok: 'OK',
  },
  preview: {
    title: 'Preview: call this customer?',
    hint: 'Read the customer details, then dial or skip.',
    unknown: 'Unknown customer',
    dial: 'Dial {{number}}',
    dialAlt: 'Dial alternate {{number}}',
    dialAddress3: 'Dial address 3 {{number}}',
    skip: 'Skip',
    finish: 'Finish',
    finishHint: 'Close this customer without dialing',
    actions: 'Dial this customer',
    otherActions: 'Do not dial',
  },
  ingroups: {
    label: 'Queues',
    none: 'No inbound queues',
    blended: '+ outbound',
    hint: 'Inbound queues you take calls from',
  },
  toast: {
    region: 'Changes made to your session',
    close: 'Close',
  },
};
export type AgentctlMessages = typeof en;

const ptBR: AgentctlMessages = {
  focus: {
    title: 'Ligando para {{number}}',
    hint: 'Uma chamada foi iniciada para você. O cliente aparece assim que atender.',
    ok: 'OK',
  },
  preview: {
    title: 'Pré-visualização: ligar para este cliente?',
    hint: 'Leia os dados do cliente e depois ligue ou pule.',
    unknown: 'Cliente desconhecido',
    dial: 'Ligar para {{number}}',
    dialAlt: 'Ligar para o alternativo {{number}}',
    dialAddress3: 'Ligar para o endereço 3 {{number}}',
    skip: 'Pular',
    finish: 'Concluir',
    finishHint: 'Encerrar este cliente sem ligar',
    actions: 'Ligar para este cliente',
    otherActions: 'Não ligar',
  },
  ingroups: {
    label: 'Filas',
    none: 'Nenhuma fila de entrada',
    blended: '+ saída',
    hint: 'Filas de entrada das quais você recebe chamadas',
  },
  toast: {
    region: 'Alterações feitas na sua sessão',
    close: 'Fechar',
  },
};

const es: AgentctlMessages = {
  focus: {
    title: 'Llamando a {{number}}',
    hint: 'Se inició una llamada por usted. El cliente aparece en cuanto conteste.',
    ok: 'Aceptar',
  },
  preview: {
    title: 'Vista previa: ¿llamar a este cliente?',
    hint: 'Lea los datos del cliente y luego llame u omita.',
    unknown: 'Cliente desconocido',
    dial: 'Llamar al {{number}}',
    dialAlt: 'Llamar al alternativo {{number}}',
    dialAddress3: 'Llamar a la dirección 3 {{number}}',
    skip: 'Omitir',
    finish: 'Terminar',
    finishHint: 'Cerrar este cliente sin llamar',
    actions: 'Llamar a este cliente',
    otherActions: 'No llamar',
  },
  ingroups: {
    label: 'Colas',
    none: 'Sin colas de entrada',
    blended: '+ salientes',
    hint: 'Colas de entrada de las que recibe llamadas',
  },
  toast: {
    region: 'Cambios hechos en su sesión',
    close: 'Cerrar',
  },
};

export const agentctl = { en, 'pt-BR': ptBR, es };
