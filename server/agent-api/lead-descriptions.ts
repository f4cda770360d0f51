// The lead fields (external_add_lead, update_fields) and the panel triggers (update_fields,
// refresh_panel) share one description each: the seed document lists them once per
// function with a shared note (AGENT_API.pt-BR.txt, "DADOS DO LEAD", "GATILHOS").
import type { ConsoleText } from '../../contract/supervisor.js';

type Labels = [en: string, pt: string, es: string];

/** Each field's name in words, from the seed's list (pt-BR) and its translations. */
export const LEAD_FIELD_LABELS: Record<string, Labels> = {
  address1: ['address 1', 'endereço1', 'dirección 1'],
  address2: ['address 2', 'endereço2', 'dirección 2'],
  address3: ['address 3', 'endereço3', 'dirección 3'],
  alt_phone: ['alternative phone', 'telefone alternativo', 'teléfono alternativo'],
  city: ['city', 'cidade', 'ciudad'],
  comments: ['comments', 'comentários', 'comentarios'],
  country_code: ['country code', 'código do país', 'código de país'],
  date_of_birth: ['date of birth (YYYY-MM-DD)', 'data de nascimento (AAAA-MM-DD)', 'fecha de nacimiento (AAAA-MM-DD)'],
  email: ['e-mail', 'e-mail', 'correo electrónico'],
  first_name: ['first name', 'primeiro nome', 'nombre'],
  gender: ['gender (M, F, U)', 'gênero (M, F, U)', 'género (M, F, U)'],
  gmt_offset_now: ['GMT offset now', 'gmt_offset_agora', 'desfase GMT actual'],
  last_name: ['last name', 'sobrenome', 'apellido'],
  middle_initial: ['middle initial', 'inicial do nome do meio', 'inicial del segundo nombre'],
  phone_number: ['phone number', 'número de telefone', 'número de teléfono'],
  phone_code: ['phone code', 'código do telefone', 'código telefónico'],
  postal_code: ['postal code', 'código postal', 'código postal'],
  province: ['province', 'província', 'provincia'],
  security_phrase: ['security phrase', 'frase de segurança', 'frase de seguridad'],
  source_id: ['source ID', 'id da fonte', 'ID de origen'],
  state: ['state', 'estado', 'estado'],
  title: ['title', 'título', 'título'],
  vendor_lead_code: ['vendor lead code', 'código do lead do fornecedor', 'código de lead del proveedor'],
  rank: ['rank', 'classificação', 'clasificación'],
  owner: ['owner', 'proprietário', 'propietario'],
};

/** "LEAD DATA (fill in at least one). NOTE: only the fields given in the API call are modified." */
export function leadField(name: string): ConsoleText {
  const [en, pt, es] = LEAD_FIELD_LABELS[name];
  return {
    en: `Lead data: ${en}. Fill in at least one field; only the fields given in the API call are modified`,
    'pt-BR': `Dados do lead: ${pt}. Deve preencher pelo menos um; somente os campos especificados na chamada da API serão modificados`,
    es: `Datos del lead: ${es}. Rellene al menos uno; solo se modifican los campos indicados en la llamada a la API`,
  };
}

const TRIGGERS: Record<string, Labels> = {
  formreload: ['reload the web form', 'recarregar o formulário web', 'recargar el formulario web'],
  scriptreload: ['reload the script', 'recarregar o script', 'recargar el guion'],
  script2reload: ['reload script 2', 'recarregar o script 2', 'recargar el guion 2'],
  emailreload: ['reload the e-mail panel', 'recarregar o e-mail', 'recargar el correo electrónico'],
  chatreload: ['reload the chat', 'recarregar o chat', 'recargar el chat'],
  callbacksreload: ['reload the callbacks', 'recarregar os retornos de chamada', 'recargar las rellamadas'],
};

/** An optional panel trigger: present means reload, whatever its value. */
export function trigger(name: string): ConsoleText | undefined {
  const labels = TRIGGERS[name];
  if (!labels) return undefined;
  const [en, pt, es] = labels;
  return {
    en: `Optional panel trigger: ${en} (sent = reload)`,
    'pt-BR': `Gatilho de painel opcional: ${pt} (enviado = recarregar)`,
    es: `Disparador de panel opcional: ${es} (enviado = recargar)`,
  };
}
