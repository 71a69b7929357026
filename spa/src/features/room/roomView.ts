import type { PublicQuestion } from '@trygghet/client';
import { sortQuestions } from '../questions/questionsReducer';

/** What the room's screen shows: the pinned question large, then the rest by votes. */
export interface RoomView {
  featured: PublicQuestion | null;
  others: PublicQuestion[];
}

/**
 * Pinned first, then most votes (earliest published first on a tie), as the questions page orders them. The first
 * pinned question is the featured one; any other pinned question leads the list.
 */
export function roomView(items: readonly PublicQuestion[]): RoomView {
  const sorted = sortQuestions([...items], 'votes');
  const featured = sorted[0]?.pinned ? sorted[0] : null;
  return { featured, others: featured ? sorted.slice(1) : sorted };
}

/**
 * How many of the list's items fit whole: those whose bottom edge (from the list's top) is within the room. The first
 * is always shown, even cut short: an empty list under a full one would say there are no questions.
 */
export function fittingCount(bottoms: readonly number[], available: number): number {
  const first = bottoms.findIndex((bottom) => bottom > available + 0.5);
  return first < 0 ? bottoms.length : Math.max(first, Math.min(1, bottoms.length));
}

/** The short link split where a line may break: before "/q/", never inside the host or the code. */
export function linkParts(url: string): [string, string] {
  const typed = typedUrl(url);
  const at = typed.lastIndexOf('/q/');
  return at < 0 ? [typed, ''] : [typed.slice(0, at), typed.slice(at)];
}

/** The featured question's type size: a long question gets smaller type so that it stays whole on the screen. */
export function featuredSize(text: string): 'large' | 'medium' | 'small' {
  if (text.length <= 90) return 'large';
  return text.length <= 200 ? 'medium' : 'small';
}

/** The code in two groups of three, easier to read from afar: "K7M 3PX". */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** The short link as it is typed: without "https://". */
export function typedUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
