import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight';

describe('highlightSegments', () => {
  it('cuts the text at each finding, in order', () => {
    const text = 'Ring 070-123 45 67 eller maila a@b.se tack';
    const segments = highlightSegments(text, [
      { kind: 'email', start: text.indexOf('a@b.se'), length: 6 },
      { kind: 'phoneNumber', start: 5, length: 13 },
    ]);
    expect(segments.map((s) => [s.text, s.flag?.kind])).toEqual([
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
      { kind: 'email', start: 1, length: 3 },
      { kind: 'phoneNumber', start: 2, length: 10 },
    ]);
    expect(segments.map((s) => s.text)).toEqual(['a', 'bcd', 'ef']);
    expect(segments.map((s) => s.text).join('')).toBe('abcdef');
  });
});
