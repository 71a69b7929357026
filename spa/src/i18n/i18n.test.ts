import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { allNamespaces, directionOf, languages, setLanguage } from '.';

/**
 * The resident namespaces whose texts exist in all six languages. To be extended to events, areas, registrations,
 * questions, observations and map as their translations are drafted.
 */
const residentNamespacesInAllLanguages = ['common'];

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

/** i18next plural keys (count_one, count_other) differ by language only in which suffixes exist. */
const withoutPluralSuffix = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('translations', () => {
  it('say every text in both Swedish and English, under the same keys', async () => {
    const namespaces = await allNamespaces();
    expect(Object.keys(namespaces)).toContain('events');
    for (const [name, messages] of Object.entries(namespaces)) {
      const sv = new Set(keys(messages.sv).map(withoutPluralSuffix));
      const en = new Set(keys(messages.en).map(withoutPluralSuffix));
      expect([...sv].filter((k) => !en.has(k)), `${name}: Swedish keys without English`).toEqual([]);
      expect([...en].filter((k) => !sv.has(k)), `${name}: English keys without Swedish`).toEqual([]);
    }
  });

  it('say every text of the resident pages in every content language, under the same keys as Swedish', async () => {
    const namespaces = await allNamespaces();
    for (const name of residentNamespacesInAllLanguages) {
      const messages = namespaces[name];
      expect(messages, name).toBeDefined();
      if (!messages) continue;
      const sv = new Set(keys(messages.sv).map(withoutPluralSuffix));
      for (const language of languages.filter((l) => l !== 'sv' && l !== 'en')) {
        const texts = messages[language];
        expect(texts, `${name}/${language}`).toBeDefined();
        const other = new Set(keys(texts).map(withoutPluralSuffix));
        expect([...sv].filter((k) => !other.has(k)), `${name}/${language}: missing`).toEqual([]);
        expect([...other].filter((k) => !sv.has(k)), `${name}/${language}: unknown`).toEqual([]);
        const empty = [...other].filter((key) => {
          const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);
          return value !== undefined && (typeof value !== 'string' || value.trim() === '');
        });
        expect(empty, `${name}/${language}: empty`).toEqual([]);
      }
    }
  });

  it('leave no text empty', async () => {
    for (const [name, messages] of Object.entries(await allNamespaces())) {
      for (const language of ['sv', 'en'] as const) {
        const empty = keys(messages[language]).filter((key) => {
          const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages[language]);
          return typeof value !== 'string' || value.trim() === '';
        });
        expect(empty, `${name}/${language}`).toEqual([]);
      }
    }
  });

  it('set the page right to left in Arabic and back', async () => {
    setLanguage('ar');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(i18next.t('nav.areas')).toBe('الأحياء');
    setLanguage('sv');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.documentElement.dir).toBe('ltr');
    expect(directionOf('sv-x-lattlast')).toBe('ltr');
  });

  it('switch the language of the page and remember it', async () => {
    setLanguage('en');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.documentElement.lang).toBe('en');
    expect(i18next.t('nav.areas')).toBe('Neighbourhoods');
    expect(localStorage.getItem('trygghet.language')).toBe('en');
    setLanguage('sv');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(i18next.t('nav.areas')).toBe('Områden');
  });
});
