import type { PublicQuestion, QuestionStatus, VoteResult } from '@trygghet/client';
import type { ModerationState } from './moderationState';

export interface PublishedStreamResult {
  state: ModerationState;
  /** Lists to read again from the moderators' API: what the public event cannot tell (a new question's flags, where a hidden one went). */
  reload: QuestionStatus[];
}

function isPublicQuestion(data: unknown): data is PublicQuestion {
  const q = data as Partial<PublicQuestion> | null;
  return !!q && typeof q.id === 'string' && typeof q.text === 'string' && typeof q.pinned === 'boolean' && Array.isArray(q.answers);
}

/**
 * Applies one event of the dialogue's public stream to the moderators' view, so that what someone else does to a
 * published question (pins it, answers it, redacts it, residents' votes) shows in the Published tab without a reload.
 *
 * The public events carry no version, so they only overlay what the public sees on a question the moderators' view
 * already holds as published, keeping its version: the next answer from the moderators' API (a list, an action)
 * carries a higher version and replaces it. What the public event cannot tell comes from reading a list again.
 */
export function applyPublishedEvent(state: ModerationState, kind: string, data: unknown): PublishedStreamResult {
  switch (kind) {
    case 'published':
    case 'pinned':
    case 'answered':
    case 'updated': {
      if (!isPublicQuestion(data)) return { state, reload: [] };
      const current = state[data.id];
      // Published by someone else (post-moderation, or before this page opened): its flags and version are in the list.
      if (!current || current.status !== 'published') return { state, reload: ['published'] };
      const next = {
        ...current,
        text: data.text,
        // A redaction may have removed the display name; an event without the member leaves it as it was.
        displayName: 'displayName' in data ? data.displayName : current.displayName,
        votes: data.votes,
        pinned: data.pinned,
        answeredLive: data.answeredLive,
        answers: data.answers,
        publishedAt: data.publishedAt ?? current.publishedAt,
      };
      return { state: { ...state, [data.id]: next }, reload: [] };
    }
    case 'voted': {
      const vote = data as Partial<VoteResult> | null;
      if (!vote || typeof vote.questionId !== 'string' || typeof vote.votes !== 'number') return { state, reload: [] };
      const current = state[vote.questionId];
      if (!current || current.votes === vote.votes) return { state, reload: [] };
      return { state: { ...state, [vote.questionId]: { ...current, votes: vote.votes } }, reload: [] };
    }
    case 'hidden': {
      // Hidden, or merged into another question: the lists it may have moved to say which, with its new version.
      const id = (data as { id?: unknown } | null)?.id;
      const current = typeof id === 'string' ? state[id] : undefined;
      if (!current || current.status !== 'published') return { state, reload: [] };
      return { state, reload: ['hidden', 'merged'] };
    }
    default:
      return { state, reload: [] };
  }
}
