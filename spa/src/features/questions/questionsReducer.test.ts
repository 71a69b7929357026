import type { PublicQuestion } from '@trygghet/client';
import { describe, expect, it } from 'vitest';
import { initialQuestionsState, questionsReducer, type QuestionsState } from './questionsReducer';

function question(id: string, over: Partial<PublicQuestion> = {}): PublicQuestion {
  return {
    id, eventId: 'e', text: `Fråga ${id}`, votes: 0, pinned: false, answeredLive: false, answered: false, answers: [],
    askedAt: '2026-05-01T18:00:00+02:00', publishedAt: `2026-05-01T18:0${id.length}:00+02:00`, ...over,
  };
}

function loaded(items: PublicQuestion[], position = 10, sort: 'votes' | 'time' = 'votes'): QuestionsState {
  return questionsReducer(initialQuestionsState, { type: 'loaded', list: { items, streamPosition: position }, sort });
}

describe('questionsReducer', () => {
  it('puts pinned questions first, then the most votes', () => {
    const state = loaded([question('a', { votes: 1 }), question('bb', { votes: 5 }), question('ccc', { pinned: true })]);
    expect(state.items.map((q) => q.id)).toEqual(['ccc', 'bb', 'a']);
    expect(state.position).toBe(10);
  });

  it('sorts newest first when asked to', () => {
    const state = loaded([question('a'), question('bbb'), question('cc')], 0, 'time');
    expect(state.items.map((q) => q.id)).toEqual(['bbb', 'cc', 'a']);
  });

  it('adds a published question and announces it', () => {
    const state = questionsReducer(loaded([question('a')]), { type: 'stream', id: 11, kind: 'published', data: question('bb', { votes: 2 }) });
    expect(state.items.map((q) => q.id)).toEqual(['bb', 'a']);
    expect(state.position).toBe(11);
    expect(state.announcement).toMatchObject({ kind: 'published', questionId: 'bb' });
  });

  it('ignores events at or before the position it already has', () => {
    const start = loaded([question('a')], 10);
    expect(questionsReducer(start, { type: 'stream', id: 10, kind: 'published', data: question('bb') })).toBe(start);
  });

  it('updates votes and re-sorts, without announcing', () => {
    const start = loaded([question('a', { votes: 2 }), question('bb', { votes: 1 })]);
    const state = questionsReducer(start, { type: 'stream', id: 11, kind: 'voted', data: { questionId: 'bb', votes: 3, counted: true } });
    expect(state.items.map((q) => [q.id, q.votes])).toEqual([['bb', 3], ['a', 2]]);
    expect(state.announcement).toBeNull();
  });

  it('replaces a question on answered and pinned, announcing a new answer', () => {
    const answer = { id: 'x', text: 'Vi ser över belysningen.', live: false, author: 'Polisen', authorKind: 'actor' as const, answeredAt: '2026-05-01T18:30:00+02:00' };
    let state = loaded([question('a', { votes: 3 }), question('bb')]);
    state = questionsReducer(state, { type: 'stream', id: 11, kind: 'answered', data: question('bb', { answers: [answer], answered: true }) });
    expect(state.items.find((q) => q.id === 'bb')?.answers).toHaveLength(1);
    expect(state.announcement).toMatchObject({ kind: 'answered', questionId: 'bb' });
    state = questionsReducer(state, { type: 'stream', id: 12, kind: 'pinned', data: question('bb', { pinned: true, answers: [answer] }) });
    expect(state.items[0]?.id).toBe('bb');
  });

  it('removes a hidden question', () => {
    const state = questionsReducer(loaded([question('a'), question('bb')]), { type: 'stream', id: 11, kind: 'hidden', data: { id: 'a' } });
    expect(state.items.map((q) => q.id)).toEqual(['bb']);
  });

  it('applies an own vote and appends a further page without duplicates', () => {
    let state = loaded([question('a')]);
    state = questionsReducer(state, { type: 'voted', result: { questionId: 'a', votes: 1, counted: true } });
    expect(state.items[0]?.votes).toBe(1);
    state = questionsReducer(state, { type: 'more', list: { items: [question('a'), question('bb')], streamPosition: 12 } });
    expect(state.items.map((q) => q.id)).toEqual(['a', 'bb']);
  });
});
