// Typed keys: t('state.paused') is checked against the English resources.
import 'i18next';
import type { Messages } from './en.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
