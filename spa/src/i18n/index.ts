import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';

/**
 * Swedish is the default. The resident pages speak the district's content languages (the API's `Content__Languages`):
 * English, easy-to-read Swedish, Finnish, Arabic and Somali as well; staff pages stay Swedish and English and show
 * Swedish for a text a namespace does not have in the chosen language. The choice is kept in the browser.
 */
export const languages = ['sv', 'en', 'sv-x-lattlast', 'fi', 'ar', 'so'] as const;
export type Language = (typeof languages)[number];
/** Swedish and English for every namespace; the other languages per namespace (the resident ones have them all). */
export type Messages = { sv: Record<string, unknown>; en: Record<string, unknown> } & Drafted;
/**
 * A namespace's machine-drafted languages, kept beside its `messages.ts` in `messages.drafted.ts` so that a page read in
 * Swedish or English never downloads them.
 */
export type Drafted = Partial<Record<Exclude<Language, 'sv' | 'en'>, Record<string, unknown>>>;

/** Each language named in itself, for the switches. */
export const languageNames: Record<Language, string> = {
  sv: 'Svenska',
  en: 'English',
  'sv-x-lattlast': 'Lättläst svenska',
  fi: 'Suomi',
  ar: 'العربية',
  so: 'Soomaali',
};

/** The writing direction of a language: Arabic right to left. */
export function directionOf(language: string): 'rtl' | 'ltr' {
  return language.split('-')[0] === 'ar' ? 'rtl' : 'ltr';
}

export function isLanguage(value: string | null | undefined): value is Language {
  return (languages as readonly string[]).includes(value ?? '');
}

const storageKey = 'trygghet.language';

/**
 * Every feature keeps its own texts in `features/<name>/messages.ts` (namespace = folder name),
 * so a feature's screens and its translations live side by side. A namespace loads with the
 * first screen that uses it, which keeps the residents' first download small.
 */
const featureMessages = import.meta.glob<{ messages: Messages }>('../features/*/messages.ts');

/** The namespaces that are there on the first paint (the start page's). */
export const initialNamespaces = ['common', 'events'];

const featureDrafts = import.meta.glob<{ drafted: Drafted }>('../features/*/messages.drafted.ts');

async function draftsOf(namespace: string): Promise<Drafted> {
  if (namespace === 'common') return (await import('./common.drafted')).drafted;
  if (namespace === 'map') return (await import('../shared/map/messages.drafted')).drafted;
  const load = featureDrafts[`../features/${namespace}/messages.drafted.ts`];
  return load ? (await load()).drafted : {};
}

/** A namespace's texts: Swedish and English, and with `drafted` its other languages too. */
export async function loadNamespace(namespace: string, drafted = true): Promise<Messages | undefined> {
  const messages = namespace === 'common'
    ? common
    : namespace === 'map'
      ? (await import('../shared/map/messages')).messages
      : await featureMessages[`../features/${namespace}/messages.ts`]?.().then((m) => m.messages);
  return messages && drafted ? { ...messages, ...(await draftsOf(namespace)) } : messages;
}

/** Every namespace, loaded: for tests that check that all texts are translated. */
export async function allNamespaces(): Promise<Record<string, Messages>> {
  const all: Record<string, Messages> = {};
  const names = ['common', 'map', ...Object.keys(featureMessages).map((path) => /features\/([^/]+)\/messages\.ts$/.exec(path)?.[1] ?? '')];
  for (const name of names.filter(Boolean)) {
    const messages = await loadNamespace(name);
    if (messages) all[name] = messages;
  }
  return all;
}

const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    loadNamespace(namespace, language !== 'sv' && language !== 'en').then(
      (messages) => callback(null, (messages?.[isLanguage(language) ? language : 'sv'] ?? {}) as ResourceKey),
      (error: Error) => callback(error, null),
    );
  },
};

export function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : 'sv';
  } catch {
    return 'sv';
  }
}

export function setLanguage(language: Language) {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18next.changeLanguage(language);
}

/** The page's language, any of the six. */
export function uiLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'sv';
}

/**
 * Swedish or English: the language of dates and numbers and of the API's own words (problems, categories). The
 * other languages read Swedish formats, as the district's pages do.
 */
export function currentLanguage(): 'sv' | 'en' {
  return i18next.language === 'en' ? 'en' : 'sv';
}

function applyToDocument(language: string) {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export async function initI18n(language: Language = storedLanguage()) {
  i18next.on('languageChanged', applyToDocument);
  await i18next.use(backend).use(initReactI18next).init({
    lng: language,
    supportedLngs: [...languages],
    ns: initialNamespaces,
    fallbackLng: 'sv',
    lowerCaseLng: true, // sv-x-lattlast as the API writes it
    load: 'currentOnly',
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  applyToDocument(language);
  return i18next;
}
