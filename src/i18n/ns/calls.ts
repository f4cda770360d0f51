// The 'calls' i18n namespace (useTranslation('calls')): English is the reference; the other
// languages must have exactly the same keys (the type checker refuses a missing one).
const en = {
  title: '',
};
export type CallsMessages = typeof en;

const ptBR: CallsMessages = {
  title: '',
};

const es: CallsMessages = {
  title: '',
};

export const calls = { en, 'pt-BR': ptBR, es };
