import { describe, expect, it } from 'vitest';
import { calendarPath, eventPath } from './upcoming';

describe('event paths', () => {
  it('builds the page path and the calendar path of a dialogue and a walk', () => {
    expect(eventPath({ kind: 'walk', slug: 'trygghetsvandring-i-fruangen' })).toBe('/vandringar/trygghetsvandring-i-fruangen');
    expect(eventPath({ kind: 'dialogue', slug: 'x' })).toBe('/dialoger/x');
    expect(calendarPath('walk', 'trygghetsvandring-i-fruangen')).toBe('/api/v1/walks/trygghetsvandring-i-fruangen/calendar.ics');
    expect(calendarPath('dialogue', 'x')).toBe('/api/v1/dialogues/x/calendar.ics');
  });
});
