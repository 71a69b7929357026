/** Helpers for tests that stand in for fetch. */

/** The address a fetch was called with, whichever form it came in. */
export function urlOf(input: RequestInfo | URL): string {
  if (input instanceof Request) return input.url;
  return input instanceof URL ? input.href : input;
}

/** A request body as text: the API client sends JSON strings, the sign-in form URL-encoded parameters. */
export function bodyText(body: BodyInit | null | undefined): string {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  throw new Error(`The test expected a text body, not ${Object.prototype.toString.call(body)}`);
}
