import { render } from '@testing-library/react';
import { Suspense, type ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';

/** Renders one screen at a path, as the app's router would. */
export function renderAt(path: string, pattern: string, element: ReactElement) {
  const router = createMemoryRouter([{ path: pattern, element }, { path: '*', element: <p>elsewhere</p> }], { initialEntries: [path] });
  return render(
    <Suspense fallback={<p>…</p>}>
      <RouterProvider router={router} />
    </Suspense>,
  );
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

/** A fake API: each route is "METHOD /path" → handler; every call is recorded. */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: { method: string; path: string; init: RequestInit }[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    calls.push({ method, path: url.pathname, init });
    const handler = routes[`${method} ${url.pathname}`];
    return handler ? handler(url, init) : json({ title: 'Not found', status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchFn);
  return calls;
}

/** An EventSource the test drives: `emit` delivers a named event as the server would. */
export class FakeEventSource {
  static last: FakeEventSource | null = null;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  closed = false;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(public url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(kind: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(kind, [...(this.listeners.get(kind) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(kind: string, id: number, data: unknown) {
    this.emitText(kind, id, JSON.stringify(data));
  }
  /** Delivers the data as sent, e.g. text that is not JSON. */
  emitText(kind: string, id: number, data: string) {
    const event = new MessageEvent(kind, { data, lastEventId: String(id) });
    for (const listener of this.listeners.get(kind) ?? []) listener(event);
  }
  /** The connection opens, or fails: retrying (readyState 0) or given up (2), as EventSource reports it. */
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  fail(readyState: 0 | 2 = 0) {
    this.readyState = readyState;
    this.onerror?.();
  }
  /** The kinds something listens to. */
  get kinds() {
    return [...this.listeners.keys()];
  }
}
