// The 'supervisor' i18n namespace (useTranslation('supervisor')): English is the reference; the other
// languages must have exactly the same keys (the type checker refuses a missing one).
const en = {
  title: '',
};
export type SupervisorMessages = typeof en;

const ptBR: SupervisorMessages = {
  title: '',
};

const es: SupervisorMessages = {
  title: '',
};

export const supervisor = { en, 'pt-BR': ptBR, es };
