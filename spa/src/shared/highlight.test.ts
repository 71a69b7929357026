import type { TextFinding } from '@trygghet/client';
import { describe, expect, it } from 'vitest';
import { foundText, highlightSegments, inField } from './highlight';

describe('highlightSegments', () => {
  it('cuts the text at each finding, in order', () => {
    const text = 'Ring 070-123 45 67 eller maila a@b.se tack';
    const segments = highlightSegments(text, [
      { field: 'text', kind: 'email', start: text.indexOf('a@b.se'), length: 6 },
      { field: 'text', kind: 'phoneNumber', start: 5, length: 13 },
    ]);
    expect(segments.map((s) => [s.text, s.finding?.kind])).toEqual([
      ['Ring ', undefined],
      ['070-123 45 67', 'phoneNumber'],
      [' eller maila ', undefined],
      ['a@b.se', 'email'],
      [' tack', undefined],
    ]);
  });

  it('returns the whole text when nothing is flagged, and clips overlapping or out-of-range findings', () => {
    expect(highlightSegments('Hej', [])).toEqual([{ text: 'Hej' }]);
    const segments = highlightSegments('abcdef', [
      { field: 'text', kind: 'email', start: 1, length: 3 },
      { field: 'text', kind: 'phoneNumber', start: 2, length: 10 },
    ]);
    expect(segments.map((s) => s.text)).toEqual(['a', 'bcd', 'ef']);
    expect(segments.map((s) => s.text).join('')).toBe('abcdef');
  });
});

describe('findings by field', () => {
  const text = 'Lampan vid Fruängsgången 12 är trasig';
  const name = 'anna@example.se';
  const findings: TextFinding[] = [
    { field: 'displayName', kind: 'email', start: 0, length: name.length },
    { field: 'text', kind: 'streetAddress', start: 11, length: 16 },
  ];

  it('marks each field only with its own findings, at offsets into that field', () => {
    expect(highlightSegments(text, inField(findings, 'text')).map((s) => [s.text, s.finding?.kind])).toEqual([
      ['Lampan vid ', undefined],
      ['Fruängsgången 12', 'streetAddress'],
      [' är trasig', undefined],
    ]);
    expect(highlightSegments(name, inField(findings, 'displayName')).map((s) => [s.text, s.finding?.kind])).toEqual([[name, 'email']]);
    expect(inField(findings, 'description')).toEqual([]);
  });

  it('quotes what a finding covers', () => {
    expect(foundText(text, findings[1]!)).toBe('Fruängsgången 12');
    expect(foundText(name, findings[0]!)).toBe(name);
  });
});
