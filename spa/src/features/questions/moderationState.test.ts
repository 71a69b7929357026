import type { ModeratedQuestion } from '@trygghet/client';
import { describe, expect, it } from 'vitest';
import { inStatus, mergeQuestions } from './moderationState';

const q = (id: string, version: number, over: Partial<ModeratedQuestion> = {}): ModeratedQuestion => ({
  id, eventId: 'e', status: 'pending', text: id, flags: [], votes: 0, pinned: false, answeredLive: false, answers: [],
  askedAt: `2026-05-01T18:0${id.length}:00+02:00`, redacted: false, version, ...over,
});

describe('moderation state', () => {
  it('keeps the newest version whatever order they arrive in', () => {
    let state = mergeQuestions({}, [q('a', 2, { status: 'published' })]);
    state = mergeQuestions(state, [q('a', 1)]);
    expect(state.a?.status).toBe('published');
    state = mergeQuestions(state, [q('a', 3, { status: 'hidden' })]);
    expect(state.a?.status).toBe('hidden');
  });

  it('lists one status oldest first', () => {
    const state = mergeQuestions({}, [q('ccc', 1), q('a', 1), q('bb', 1, { status: 'published' })]);
    expect(inStatus(state, 'pending').map((x) => x.id)).toEqual(['a', 'ccc']);
    expect(inStatus(state, 'published').map((x) => x.id)).toEqual(['bb']);
  });
});
