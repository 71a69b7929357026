import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';

/** Swedish is the default; English is a switch. The choice is kept in the browser. */
export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];
export type Messages = { sv: Record<string, unknown>; en: Record<string, unknown> };

const storageKey = 'trygghet.language';

/**
 * Every feature keeps its own texts in `features/<name>/messages.ts` (namespace = folder name),
 * so a feature's screens and its translations live side by side. A namespace loads with the
 * first screen that uses it, which keeps the residents' first download small.
 */
const featureMessages = import.meta.glob<{ messages: Messages }>('../features/*/messages.ts');

/** The namespaces that are there on the first paint (the start page's). */
export const initialNamespaces = ['common', 'events'];

export async function loadNamespace(namespace: string): Promise<Messages | undefined> {
  if (namespace === 'common') return common;
  if (namespace === 'map') return (await import('../shared/map/messages')).messages;
  const load = featureMessages[`../features/${namespace}/messages.ts`];
  return load ? (await load()).messages : undefined;
}

/** Every namespace, loaded: for tests that check that all texts are translated. */
export async function allNamespaces(): Promise<Record<string, Messages>> {
  const all: Record<string, Messages> = { common, map: (await import('../shared/map/messages')).messages };
  for (const [path, load] of Object.entries(featureMessages)) {
    const name = /features\/([^/]+)\/messages\.ts$/.exec(path)?.[1];
    if (name) all[name] = (await load()).messages;
  }
  return all;
}

const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    loadNamespace(namespace).then(
      (messages) => callback(null, (messages?.[language === 'en' ? 'en' : 'sv'] ?? {}) as ResourceKey),
      (error: Error) => callback(error, null),
    );
  },
};

export function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored === 'en' ? 'en' : 'sv';
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

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'sv';
}

export async function initI18n(language: Language = storedLanguage()) {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await i18next.use(backend).use(initReactI18next).init({
    lng: language,
    supportedLngs: ['sv', 'en'],
    ns: initialNamespaces,
    fallbackLng: 'sv',
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
