// i18next set-up: the language comes from the agent's choice (localStorage), else the
// browser's languages, else English.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { es } from './es.js';
import { ptBR } from './pt-BR.js';
import { effects } from './ns/effects.js';
import { calls } from './ns/calls.js';
import { agentctl } from './ns/agentctl.js';
import { supervisor } from './ns/supervisor.js';

export const LANGUAGES = ['en', 'pt-BR', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself: the same in every language file, so kept here. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'pt-BR': 'Português (Brasil)', es: 'Español' };

const STORAGE_KEY = 'agent.language';

// One namespace per feature (src/i18n/ns/): 'translation' is the core screen.
const feature = (lang: Language) => ({ effects: effects[lang], calls: calls[lang], agentctl: agentctl[lang], supervisor: supervisor[lang] });

export const resources = {
  en: { translation: en, ...feature('en') },
  'pt-BR': { translation: ptBR, ...feature('pt-BR') },
  es: { translation: es, ...feature('es') },
};

/** The first supported language among the browser's preferences (pt-PT → pt-BR, es-MX → es). */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('pt')) return 'pt-BR';
    if (lower.startsWith('es')) return 'es';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function initI18n(): typeof i18next {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  void i18next.use(initReactI18next).init({
    resources,
    lng: pickLanguage(storedLanguage(), browser),
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes; text is never rendered as HTML
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    document.title = i18next.t('app.title');
  });
  document.title = i18next.t('app.title');
  return i18next;
}

export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18next.changeLanguage(language);
}
