// The 'effects' i18n namespace (useTranslation('effects')): English is the reference; the other
// languages must have exactly the same keys (the type checker refuses a missing one).
const en = {
  title: '',
};
export type EffectsMessages = typeof en;

const ptBR: EffectsMessages = {
  title: '',
};

const es: EffectsMessages = {
  title: '',
};

export const effects = { en, 'pt-BR': ptBR, es };
