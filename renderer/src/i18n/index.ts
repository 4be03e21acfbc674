/**
 * i18next set-up: Vietnamese first (the users' language), English from the language switch.
 * The choice is kept in localStorage so the app opens in the language last used.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../shared/text';

// Loaded through Vite (not a TypeScript JSON import) so the translation files need no tsconfig entry.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*.json', { eager: true });
const vi = files['./vi.json'].default;
const en = files['./en.json'].default;

export type Language = 'vi' | 'en';
const KEY = 'omi-importer.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18next.language;

/** Switches the UI language and remembers the choice. */
export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* private mode: the choice just is not remembered */
  }
}

/** Picks the sentence of a Bilingual for the current language. */
export function useBilingual(): (text: Bilingual | undefined | null) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (text) => (text ? text[lang] : '');
}

/** Same as useBilingual, outside React (stores, workers' answers). */
export function pick(text: Bilingual | undefined | null): string {
  if (!text) return '';
  return i18next.language === 'en' ? text.en : text.vi;
}

export default i18next;
