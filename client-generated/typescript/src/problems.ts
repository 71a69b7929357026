// Telling the API's answers apart from transport failures. The generated client (client.ts) rejects with the problem
// document itself where the contract declares one for the status, and with an ApiException otherwise; fetch itself
// rejects with a TypeError when no answer arrived. These helpers give one way to handle all three.
import { ApiException, type Open311Error, type ProblemDetails } from './client.js';

/**
 * An RFC 9457 problem document (`application/problem+json`) as the API sends it for every error. `title` and `detail`
 * are in Swedish, or in English with `Accept-Language: en`.
 */
export interface Problem extends ProblemDetails {
  /** The HTTP status code, e.g. 404. */
  status: number;
  /** A short summary of the kind of problem. */
  title: string;
  /** What went wrong with this request. */
  detail?: string | null;
  /** Validation failures (400): messages keyed by the camelCase path of the field, e.g. `venue.address`. */
  errors?: { [field: string]: string[] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isApiException(error: unknown): error is ApiException {
  return error instanceof ApiException || (isRecord(error) && error['isApiException'] === true);
}

/** True when `error` is a problem document the client rejected with (the status is one the contract declares). */
export function isProblem(error: unknown): error is Problem {
  return (
    isRecord(error) &&
    !(error instanceof Error) &&
    !isApiException(error) &&
    typeof error['status'] === 'number' &&
    typeof error['title'] === 'string'
  );
}

/**
 * The problem document behind a rejected call, whichever way the client delivered it: the document itself, or an
 * `ApiException` whose body is one (a status the contract does not declare for that operation, e.g. 405 or 429).
 * `undefined` when the API did not answer with a problem: a network failure, an aborted request, a bug.
 */
export function problemOf(error: unknown): Problem | undefined {
  if (isProblem(error)) return error;
  if (!isApiException(error) || typeof error.response !== 'string' || error.response === '') return undefined;
  try {
    const body: unknown = JSON.parse(error.response);
    if (isProblem(body)) return body;
  } catch {
    // Not JSON: not a problem document.
  }
  return undefined;
}

/**
 * True when no answer arrived: the API could not be reached (DNS, refused connection, CORS, offline). `fetch` rejects
 * with a `TypeError` then, in browsers and in Node.js alike.
 */
export function isNetworkError(error: unknown): error is TypeError {
  return error instanceof TypeError;
}

/** True when the call was cancelled through its `AbortSignal` (or timed out with `AbortSignal.timeout`). */
export function isAbortError(error: unknown): boolean {
  return isRecord(error) && (error['name'] === 'AbortError' || error['name'] === 'TimeoutError');
}

/** True when an Open311 GeoReport v2 operation rejected with its error list (`[{ code, description }]`). */
export function isOpen311Errors(error: unknown): error is Open311Error[] {
  return (
    Array.isArray(error) &&
    error.length > 0 &&
    error.every((e) => isRecord(e) && typeof e['code'] === 'number' && typeof e['description'] === 'string')
  );
}
