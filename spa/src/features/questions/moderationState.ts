import type { ModeratedQuestion, QuestionStatus } from '@trygghet/client';

/**
 * The moderators' view of a dialogue's questions, by id. The queue list, the live stream and the answers to the
 * moderator's own actions all bring versions of the same questions, in any order: the highest version wins.
 */
export type ModerationState = Record<string, ModeratedQuestion>;

export function mergeQuestions(state: ModerationState, questions: readonly ModeratedQuestion[]): ModerationState {
  let next = state;
  for (const question of questions) {
    const current = next[question.id];
    if (current && current.version > question.version) continue;
    if (next === state) next = { ...state };
    next[question.id] = question;
  }
  return next;
}

/** The questions in one status, oldest first (the order the queue is worked through). */
export function inStatus(state: ModerationState, status: QuestionStatus): ModeratedQuestion[] {
  return Object.values(state)
    .filter((q) => q.status === status)
    .sort((a, b) => a.askedAt.localeCompare(b.askedAt) || a.id.localeCompare(b.id));
}

export function isModeratedQuestion(data: unknown): data is ModeratedQuestion {
  const q = data as Partial<ModeratedQuestion> | null;
  return !!q && typeof q.id === 'string' && typeof q.status === 'string' && typeof q.version === 'number';
}
