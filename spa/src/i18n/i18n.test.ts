import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { allNamespaces, setLanguage } from '.';

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
