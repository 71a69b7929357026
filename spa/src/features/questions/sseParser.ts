/**
 * Server-Sent Events read with fetch, for streams that need a bearer token (EventSource cannot send one).
 * The parser follows the HTML standard's event-stream rules: `data:` lines join with newlines, `event:` names the
 * event (default "message"), `id:` sets the last event id (kept across events), lines starting with ':' are
 * comments (heartbeats), and a blank line dispatches.
 */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  /** The last event id seen; sent back as Last-Event-ID when reconnecting. */
  lastEventId: string | undefined;
  /** The reconnection delay the server asked for, in milliseconds. */
  retry: number | undefined;

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  feed(chunk: string) {
    this.buffer += chunk;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      // A CR at the very end may be the first half of CRLF split across chunks: wait for the next chunk.
      if (c === '\r' && i === this.buffer.length - 1) break;
      this.line(this.buffer.slice(start, i));
      if (c === '\r' && this.buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string) {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
  }

  private dispatch() {
    if (this.data.length > 0) this.onEvent({ id: this.lastEventId, event: this.event || 'message', data: this.data.join('\n') });
    this.data = [];
    this.event = '';
  }
}

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface FollowOptions {
  /** Headers for each (re)connection, e.g. the current bearer token. */
  headers?: () => Record<string, string>;
  onEvent: (event: SseEvent) => void;
  onState?: (state: StreamState, status?: number) => void;
  signal: AbortSignal;
  /** Where to resume the first connection from (later ones resume from the last id received). */
  lastEventId?: string;
  fetch?: typeof fetch;
  /** The wait before the nth reconnection (n from 0); exponential up to 30 s by default. */
  backoff?: (attempt: number) => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const defaultBackoff = (attempt: number) => Math.min(30_000, 1_000 * 2 ** attempt);

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

/**
 * Follows a stream until the signal aborts: reads it with fetch, and after a drop reconnects with the
 * `Last-Event-ID` header and an exponential back-off, so nothing is missed. Gives up on 401, 403 and 404,
 * which a retry does not cure.
 */
export async function followStream(url: string, options: FollowOptions): Promise<void> {
  const fetchFn = options.fetch ?? fetch;
  const backoff = options.backoff ?? defaultBackoff;
  const sleep = options.sleep ?? defaultSleep;
  const { signal } = options;
  let lastEventId = options.lastEventId;
  let attempt = 0;
  let serverRetry: number | undefined;
  options.onState?.('connecting');
  while (!signal.aborted) {
    const parser = new SseParser(options.onEvent);
    parser.lastEventId = lastEventId;
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream', ...options.headers?.() };
      if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
      const response = await fetchFn(url, { headers, signal, cache: 'no-store' });
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        options.onState?.('stopped', response.status);
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      options.onState?.('open');
      attempt = 0;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      while (true) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
        lastEventId = parser.lastEventId;
        serverRetry = parser.retry ?? serverRetry;
      }
    } catch {
      lastEventId = parser.lastEventId;
      serverRetry = parser.retry ?? serverRetry;
    }
    if (signal.aborted) break;
    options.onState?.('reconnecting');
    await sleep(Math.max(serverRetry ?? 0, backoff(attempt++)), signal);
  }
  options.onState?.('stopped');
}
