import type { Answer, ModeratedQuestion, PublicQuestion } from '@trygghet/client';
import { describe, expect, it } from 'vitest';
import { mergeQuestions } from './moderationState';
import { applyPublishedEvent } from './publishedStream';

const moderated = (id: string, over: Partial<ModeratedQuestion> = {}): ModeratedQuestion => ({
  id, eventId: 'e', status: 'published', text: `text ${id}`, flags: [], votes: 1, pinned: false, answeredLive: false, answers: [],
  askedAt: '2026-05-01T18:00:00+02:00', publishedAt: '2026-05-01T18:01:00+02:00', redacted: false, version: 3, ...over,
});

const publicOf = (q: ModeratedQuestion, over: Partial<PublicQuestion> = {}): PublicQuestion => ({
  id: q.id, eventId: q.eventId, text: q.text, votes: q.votes, pinned: q.pinned, answeredLive: q.answeredLive,
  answered: q.answers.length > 0 || q.answeredLive, answers: q.answers, askedAt: q.askedAt, publishedAt: q.publishedAt, ...over,
});

describe('the public stream in the moderators’ Published tab', () => {
  const a = moderated('a');
  const state = { a, p: moderated('p', { status: 'pending' }) };

  it('shows a pin, an answer and a redaction by someone else, keeping the version for the moderators’ own answers to win', () => {
    let result = applyPublishedEvent(state, 'pinned', publicOf(a, { pinned: true }));
    expect(result.state.a).toMatchObject({ pinned: true, version: 3, status: 'published' });
    expect(result.reload).toEqual([]);

    const answer: Answer = { id: 'x', text: 'Lamporna byts i oktober.', live: false, author: 'Stadsdelsförvaltningen', authorKind: 'staff', answeredAt: '2026-05-01T18:10:00+02:00' };
    result = applyPublishedEvent(result.state, 'answered', publicOf(a, { pinned: true, answers: [answer], answered: true }));
    expect(result.state.a?.answers).toHaveLength(1);
    expect(result.state.a?.pinned).toBe(true);

    const named = { ...result.state, a: { ...result.state.a!, displayName: 'anna@example.se' } };
    result = applyPublishedEvent(named, 'updated', publicOf(a, { text: 'Ring mig på [borttaget]', displayName: null, pinned: true, answers: [answer] }));
    expect(result.state.a?.text).toBe('Ring mig på [borttaget]');
    expect(result.state.a?.displayName).toBeNull();

    // The moderators' API then answers with a newer version, which replaces the overlay.
    const merged = mergeQuestions(result.state, [moderated('a', { version: 5, pinned: false })]);
    expect(merged.a?.pinned).toBe(false);
  });

  it('counts votes, and leaves the state alone for a question it does not know', () => {
    expect(applyPublishedEvent(state, 'voted', { questionId: 'a', votes: 7, counted: true }).state.a?.votes).toBe(7);
    const unknown = applyPublishedEvent(state, 'voted', { questionId: 'zz', votes: 2, counted: true });
    expect(unknown.state).toBe(state);
    expect(unknown.reload).toEqual([]);
  });

  it('reads the lists again for what the public event cannot tell', () => {
    // A question published by someone else (post-moderation): its flags and version come from the published list.
    const fresh = publicOf(moderated('n'));
    expect(applyPublishedEvent(state, 'published', fresh)).toEqual({ state, reload: ['published'] });
    // A published question left public view: hidden or merged, the lists say which.
    expect(applyPublishedEvent(state, 'hidden', { id: 'a' })).toEqual({ state, reload: ['hidden', 'merged'] });
    // Already known as moved on (the moderator's own action): nothing to read.
    expect(applyPublishedEvent({ a: moderated('a', { status: 'hidden', version: 4 }) }, 'hidden', { id: 'a' }).reload).toEqual([]);
  });

  it('does not turn a pending question published from a public event alone', () => {
    const result = applyPublishedEvent(state, 'pinned', publicOf(state.p, { pinned: true }));
    expect(result.state.p?.status).toBe('pending');
    expect(result.state.p?.pinned).toBe(false);
    expect(result.reload).toEqual(['published']);
  });

  it('ignores malformed data', () => {
    expect(applyPublishedEvent(state, 'pinned', { id: 'a' })).toEqual({ state, reload: [] });
    expect(applyPublishedEvent(state, 'voted', null)).toEqual({ state, reload: [] });
    expect(applyPublishedEvent(state, 'hidden', 'a')).toEqual({ state, reload: [] });
  });
});
