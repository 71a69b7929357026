import type { PublicQuestion } from '@trygghet/client';
import { describe, expect, it } from 'vitest';
import { featuredSize, fittingCount, linkParts, roomView, spacedCode, typedUrl } from './roomView';

const q = (id: string, votes: number, over: Partial<PublicQuestion> = {}): PublicQuestion => ({
  id, eventId: 'e', text: `Fråga ${id}`, votes, pinned: false, answeredLive: false, answered: false, answers: [],
  askedAt: '2099-04-01T10:00:00+02:00', publishedAt: '2099-04-01T10:00:00+02:00', ...over,
});

describe('the room view', () => {
  it('features the pinned question and lists the rest by votes, the earlier published first on a tie', () => {
    const view = roomView([
      q('few', 1),
      q('late', 7, { publishedAt: '2099-04-01T11:00:00+02:00' }),
      q('pinned', 0, { pinned: true }),
      q('early', 7, { publishedAt: '2099-04-01T09:00:00+02:00' }),
      q('most', 12),
    ]);
    expect(view.featured?.id).toBe('pinned');
    expect(view.others.map((x) => x.id)).toEqual(['most', 'early', 'late', 'few']);
  });

  it('features nothing when nothing is pinned, and a second pinned question leads the list', () => {
    expect(roomView([q('a', 1), q('b', 4)])).toEqual({ featured: null, others: [q('b', 4), q('a', 1)] });
    const two = roomView([q('a', 9), q('p1', 0, { pinned: true }), q('p2', 3, { pinned: true })]);
    expect(two.featured?.id).toBe('p2');
    expect(two.others.map((x) => x.id)).toEqual(['p1', 'a']);
  });

  it('counts the items that fit whole; the first that does not fit hides the rest, but one is always shown', () => {
    expect(fittingCount([100, 220, 340, 460], 350)).toBe(3);
    expect(fittingCount([100, 220], 350)).toBe(2);
    expect(fittingCount([400, 420], 350)).toBe(1);
    expect(fittingCount([], 350)).toBe(0);
  });

  it('gives a long featured question smaller type, spaces the code and writes the link as it is typed', () => {
    expect(featuredSize('Varför är det mörkt?')).toBe('large');
    expect(featuredSize('x'.repeat(150))).toBe('medium');
    expect(featuredSize('x'.repeat(600))).toBe('small');
    expect(spacedCode('K7M3PX')).toBe('K7M 3PX');
    expect(typedUrl('https://trygghet.example.se/q/K7M3PX')).toBe('trygghet.example.se/q/K7M3PX');
    expect(linkParts('https://trygghet.example.se/q/K7M3PX')).toEqual(['trygghet.example.se', '/q/K7M3PX']);
  });
});
