import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { allNamespaces, directionOf, languages, setLanguage } from '.';

/**
 * The resident namespaces whose texts exist in all six languages. To be extended to events, areas, registrations,
 * questions, observations and map as their translations are drafted.
 */
const residentNamespacesInAllLanguages = [
  'common', 'events', 'registrations', 'areas', 'map', 'questions', 'room', 'observations', 'alerts', 'surveys',
];

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

  it('keep every placeholder of the Swedish text in each translation, and invent none', async () => {
    const placeholders = (text: unknown) => new Set(typeof text === 'string' ? [...text.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1] ?? '') : []);
    const at = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    const problems: string[] = [];
    for (const [name, messages] of Object.entries(await allNamespaces())) {
      const swedish = new Map(keys(messages.sv).map((key) => [withoutPluralSuffix(key), placeholders(at(messages.sv, key))]));
      for (const language of languages.filter((l) => l !== 'sv')) {
        const texts = messages[language];
        if (!texts) continue;
        for (const key of keys(texts)) {
          const expected = swedish.get(withoutPluralSuffix(key));
          if (!expected) continue;
          const found = placeholders(at(texts, key));
          // A plural form may say its number in words ("ملاحظة واحدة"): only {{count}} may be left out, and only there.
          const optional = key !== withoutPluralSuffix(key) ? new Set(['count']) : new Set<string>();
          const missing = [...expected].filter((p) => !found.has(p) && !optional.has(p));
          const unknown = [...found].filter((p) => !expected.has(p));
          if (missing.length || unknown.length) problems.push(`${name}/${language}:${key} missing [${missing.join(', ')}] unknown [${unknown.join(', ')}]`);
        }
      }
    }
    expect(problems).toEqual([]);
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
