import { useSyncExternalStore } from 'react';
import { session, type Role, type StaffSession } from '../../shared/session';

/**
 * What each role may do in the staff area, as the contract's `x-roles` say. The API enforces it;
 * the app only hides what would answer 403. `moderation` is the questions' queues and the review
 * of held reports (their photos and descriptions).
 */
export type Ability = 'events' | 'signals' | 'followUp' | 'assigned' | 'moderation';

const abilities: Record<Role, readonly Ability[]> = {
  admin: ['events', 'signals', 'followUp', 'moderation'],
  staff: ['events', 'signals', 'followUp', 'moderation'],
  moderator: ['moderation'],
  actor: ['assigned'],
};

export function can(role: Role | undefined, ability: Ability): boolean {
  return !!role && (abilities[role] ?? []).includes(ability);
}

/** Which abilities open a staff path (any one of them suffices). */
export function abilitiesFor(pathname: string): Ability[] {
  const path = pathname.replace(/\/+$/, '');
  if (/^\/personal\/evenemang\/[^/]+\/fragor$/.test(path)) return ['moderation'];
  if (path.startsWith('/personal/granska')) return ['moderation'];
  if (path.startsWith('/personal/evenemang')) return ['events'];
  if (path.startsWith('/personal/iakttagelser')) return ['followUp', 'assigned'];
  if (path.startsWith('/personal/signaler')) return ['signals'];
  return [];
}

/** The sign-in page's address for someone on their way to `path`. */
export function signInPath(path: string): string {
  return `/personal/logga-in?till=${encodeURIComponent(path)}`;
}

/** Where to go after signing in: only a path inside this app, never another site. */
export function returnPath(till: string | null | undefined): string {
  if (!till || !till.startsWith('/') || till.startsWith('//') || till.startsWith('/\\')) return '/personal';
  if (till.startsWith('/personal/logga-in')) return '/personal';
  return till;
}

/** The signed-in staff member, updated when they sign in or out (also in another component). */
export function useSession(): StaffSession | null {
  // The token string is a stable snapshot; the parsed session is read from it.
  const token = useSyncExternalStore(session.subscribe, session.token, () => null);
  return token ? session.current() : null;
}
