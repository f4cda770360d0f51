// The 'agentctl' i18n namespace (useTranslation('agentctl')): English is the reference; the other
// languages must have exactly the same keys (the type checker refuses a missing one).
const en = {
  title: '',
};
export type AgentctlMessages = typeof en;

const ptBR: AgentctlMessages = {
  title: '',
};

const es: AgentctlMessages = {
  title: '',
};

export const agentctl = { en, 'pt-BR': ptBR, es };
