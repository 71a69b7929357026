import type { TrygghetClient } from '@trygghet/client';

/**
 * A resident's voter token and the questions they voted for, kept in the browser so a reload neither asks for a
 * new token nor forgets which votes were given (the API counts a token once per question either way).
 */
const tokenKey = 'trygghet.voterToken';
const votedKey = 'trygghet.votedQuestions';

export async function voterToken(client: TrygghetClient): Promise<string> {
  const stored = read(tokenKey);
  if (stored) return stored;
  const { token } = await client.issueVoterToken();
  write(tokenKey, token);
  return token;
}

export function votedQuestions(): Set<string> {
  try {
    const value = JSON.parse(read(votedKey) ?? '[]') as unknown;
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

export function rememberVote(questionId: string): Set<string> {
  const voted = votedQuestions();
  voted.add(questionId);
  write(votedKey, JSON.stringify([...voted]));
  return voted;
}

/** A token the API no longer knows is dropped, so the next vote fetches a fresh one. */
export function forgetVoterToken() {
  try {
    localStorage.removeItem(tokenKey);
  } catch {
    // Storage unavailable: nothing kept.
  }
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the token lasts for this page only.
  }
}
