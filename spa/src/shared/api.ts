import { ApiException, TrygghetClient } from '@trygghet/client';
import { currentLanguage } from '../i18n';
import { session } from './session';

/**
 * The one way the app talks to the API: the generated client, with the signed-in staff member's
 * bearer token (when there is one) and the page's language so problem details come back in it.
 */
export function api(): TrygghetClient {
  return new TrygghetClient(apiBase(), { fetch: authorisedFetch });
}

/** Same origin by default: the API hosts the built app (see docs/decisions/0010). */
export function apiBase(): string {
  return (import.meta.env.VITE_API_URL as string | undefined) ?? '';
}

/**
 * Every request revalidates what the browser holds (`cache: 'no-cache'`): the API lets caches keep public reads for a
 * while (docs/decisions/0018), which serves CDNs and embedding pages, but in the app a resident who has just reported,
 * registered or asked expects to see the change on the next page, not a copy from a minute ago. An answer with an ETag
 * comes back as a 304 without a body.
 */
export function authorisedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  headers.set('Accept-Language', currentLanguage());
  const token = session.token();
  if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
  return fetch(input, { cache: 'no-cache', ...init, headers });
}

/** An RFC 9457 problem, as far as the app reads it. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  /** Field name → messages, for 400 validation problems. */
  errors: Record<string, string[]>;
  /** Any extension members (e.g. `flags`, `checks`). */
  extensions: Record<string, unknown>;
}

/**
 * Turns whatever the generated client threw into a problem. The client throws the parsed problem
 * body for documented error responses and an ApiException otherwise; fetch itself throws a
 * TypeError when the network is down (status 0).
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof DOMException && error.name === 'AbortError') throw error;
  let body: Record<string, unknown> | undefined;
  let status = 0;
  if (isApiException(error)) {
    status = error.status;
    try {
      body = JSON.parse(error.response) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
  } else if (error && typeof error === 'object' && ('title' in error || 'status' in error)) {
    body = error;
  }
  if (!body) {
    return { status, title: status === 0 ? '' : `HTTP ${status}`, errors: {}, extensions: {} };
  }
  const { type: _type, title, status: bodyStatus, detail, instance: _instance, errors, ...extensions } = body;
  return {
    status: typeof bodyStatus === 'number' ? bodyStatus : status,
    title: typeof title === 'string' ? title : `HTTP ${status}`,
    detail: typeof detail === 'string' ? detail : undefined,
    errors: isErrorMap(errors) ? errors : {},
    extensions,
  };
}

function isApiException(error: unknown): error is ApiException {
  return !!error && typeof error === 'object' && (error as { isApiException?: boolean }).isApiException === true;
}

function isErrorMap(value: unknown): value is Record<string, string[]> {
  return !!value && typeof value === 'object' && Object.values(value).every((v) => Array.isArray(v));
}

/** A fresh Idempotency-Key for one user action; reuse it when the same action is retried. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
