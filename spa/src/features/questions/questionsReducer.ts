import type { PublicQuestion, QuestionList, QuestionSort, VoteResult } from '@trygghet/client';

/**
 * The public list of a dialogue's questions as the live stream changes it. Pure, so the order rules and the
 * handling of each stream event are tested without a browser.
 */
export interface QuestionsState {
  items: PublicQuestion[];
  sort: QuestionSort;
  /** The id of the last stream event applied; older or repeated events are ignored. */
  position: number;
  nextCursor: string | null;
  /** The latest change worth announcing (a new question or a new answer), for the polite live region. */
  announcement: { kind: 'published' | 'answered'; questionId: string; serial: number } | null;
}

export type QuestionsAction =
  | { type: 'loaded'; list: QuestionList; sort: QuestionSort }
  | { type: 'more'; list: QuestionList }
  | { type: 'stream'; id: number | undefined; kind: string; data: unknown }
  | { type: 'voted'; result: VoteResult };

export const initialQuestionsState: QuestionsState = { items: [], sort: 'votes', position: 0, nextCursor: null, announcement: null };

/** Pinned first; then most votes (earliest published first on a tie), or newest first. */
export function sortQuestions(items: PublicQuestion[], sort: QuestionSort): PublicQuestion[] {
  const published = (q: PublicQuestion) => q.publishedAt ?? q.askedAt;
  return [...items].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (sort === 'votes') {
      if (a.votes !== b.votes) return b.votes - a.votes;
      return published(a).localeCompare(published(b)) || a.id.localeCompare(b.id);
    }
    return published(b).localeCompare(published(a)) || b.id.localeCompare(a.id);
  });
}

function upsert(items: PublicQuestion[], question: PublicQuestion): PublicQuestion[] {
  const index = items.findIndex((q) => q.id === question.id);
  if (index < 0) return [...items, question];
  const next = [...items];
  next[index] = question;
  return next;
}

function isQuestion(data: unknown): data is PublicQuestion {
  return !!data && typeof data === 'object' && typeof (data as PublicQuestion).id === 'string' && typeof (data as PublicQuestion).text === 'string';
}

export function questionsReducer(state: QuestionsState, action: QuestionsAction): QuestionsState {
  switch (action.type) {
    case 'loaded':
      return {
        ...state,
        items: sortQuestions(action.list.items, action.sort),
        sort: action.sort,
        position: Math.max(state.position, action.list.streamPosition),
        nextCursor: action.list.nextCursor ?? null,
      };
    case 'more': {
      const known = new Set(state.items.map((q) => q.id));
      const added = action.list.items.filter((q) => !known.has(q.id));
      return { ...state, items: sortQuestions([...state.items, ...added], state.sort), nextCursor: action.list.nextCursor ?? null };
    }
    case 'voted':
      return { ...state, items: state.items.map((q) => (q.id === action.result.questionId ? { ...q, votes: action.result.votes } : q)) };
    case 'stream':
      return applyStreamEvent(state, action.id, action.kind, action.data);
  }
}

function applyStreamEvent(state: QuestionsState, id: number | undefined, kind: string, data: unknown): QuestionsState {
  if (id !== undefined && id <= state.position) return state;
  const position = id ?? state.position;
  const serial = (state.announcement?.serial ?? 0) + 1;
  switch (kind) {
    case 'published':
    case 'updated':
    case 'answered':
    case 'pinned': {
      if (!isQuestion(data)) return { ...state, position };
      const before = state.items.find((q) => q.id === data.id);
      const items = sortQuestions(upsert(state.items, data), state.sort);
      let announcement = state.announcement;
      if (kind === 'published' && !before) announcement = { kind: 'published', questionId: data.id, serial };
      if (kind === 'answered' && data.answers.length > (before?.answers.length ?? 0)) announcement = { kind: 'answered', questionId: data.id, serial };
      return { ...state, items, position, announcement };
    }
    case 'voted': {
      const vote = data as Partial<VoteResult> | null;
      if (!vote || typeof vote.questionId !== 'string' || typeof vote.votes !== 'number') return { ...state, position };
      const items = state.items.map((q) => (q.id === vote.questionId ? { ...q, votes: vote.votes! } : q));
      return { ...state, items: sortQuestions(items, state.sort), position };
    }
    case 'hidden': {
      const hiddenId = (data as { id?: unknown } | null)?.id;
      return { ...state, items: state.items.filter((q) => q.id !== hiddenId), position };
    }
    default:
      return { ...state, position };
  }
}
