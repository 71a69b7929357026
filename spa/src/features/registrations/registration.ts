import type { Availability, EventFormat, EventKind, RegistrationMode, RegistrationRequest, TrygghetClient } from '@trygghet/client';

/** The version of the privacy notice the registration form shows (see register.privacy in messages). */
export const consentVersion = '2026-01';

/** The ways of taking part an event's format offers: hybrid offers both, the others one. */
export function modesFor(format: EventFormat): RegistrationMode[] {
  if (format === 'hybrid') return ['onSite', 'remote'];
  return [format === 'remote' ? 'remote' : 'onSite'];
}

/** Whether the mode has no free place now (a registration goes to the waiting list). */
export function isFull(availability: Availability | undefined, mode: RegistrationMode): boolean {
  const places = mode === 'onSite' ? availability?.onSite : availability?.remote;
  return places?.available != null && places.available <= 0;
}

export interface RegistrationDraft {
  mode: RegistrationMode;
  name: string;
  email: string;
  needs: string;
  consent: boolean;
}

export function emptyDraft(format: EventFormat): RegistrationDraft {
  return { mode: modesFor(format)[0]!, name: '', email: '', needs: '', consent: false };
}

/**
 * The request as the API takes it. Empty optional fields are left out; without consent the
 * version is empty, so the API's own validation answers next to the checkbox.
 */
export function toRequest(draft: RegistrationDraft): RegistrationRequest {
  const trimmed = (value: string) => value.trim() || null;
  return {
    mode: draft.mode,
    consentVersion: draft.consent ? consentVersion : '',
    email: trimmed(draft.email),
    name: trimmed(draft.name),
    accessibilityNeeds: trimmed(draft.needs),
  };
}

export function register(client: TrygghetClient, kind: EventKind, eventId: string, key: string, draft: RegistrationDraft, signal?: AbortSignal) {
  const body = toRequest(draft);
  return kind === 'walk' ? client.registerForWalk(eventId, key, body, signal) : client.registerForDialogue(eventId, key, body, signal);
}

/** The manage link's token: what follows '#', without it. */
export function tokenFromHash(hash: string): string {
  return decodeURIComponent(hash.replace(/^#/, '')).trim();
}
