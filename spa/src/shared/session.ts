/**
 * The staff member's sign-in, kept in sessionStorage so it ends with the browser tab.
 * Residents never sign in: their secret links carry their rights.
 */
export type Role = 'admin' | 'staff' | 'moderator' | 'actor';

export interface StaffSession {
  token: string;
  role: Role;
  name: string;
  expiresAt: number;
}

const key = 'trygghet.session';
const listeners = new Set<() => void>();

function read(): StaffSession | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as StaffSession;
    return value.expiresAt > Date.now() ? value : null;
  } catch {
    return null;
  }
}

export const session = {
  current: read,
  token: () => read()?.token ?? null,
  signIn(value: StaffSession) {
    sessionStorage.setItem(key, JSON.stringify(value));
    listeners.forEach((l) => l());
  },
  signOut() {
    sessionStorage.removeItem(key);
    listeners.forEach((l) => l());
  },
  // An arrow function: React's useSyncExternalStore calls it detached from this object.
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

/** Reads the role and expiry from a JWT without verifying it (the API verifies). */
export function decodeToken(token: string): { role: Role; name: string; expiresAt: number } | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const role = (Array.isArray(json.role) ? json.role[0] : json.role) as Role;
    const exp = typeof json.exp === 'number' ? json.exp * 1000 : Date.now() + 3600_000;
    const name = typeof json.name === 'string' ? json.name : typeof json.sub === 'string' ? json.sub : role;
    return { role, name, expiresAt: exp };
  } catch {
    return null;
  }
}
