import { describe, expect, it, vi } from 'vitest';
import { followStream, SseParser, type SseEvent } from './sseParser';

function parse(...chunks: string[]) {
  const events: SseEvent[] = [];
  const parser = new SseParser((e) => events.push(e));
  for (const chunk of chunks) parser.feed(chunk);
  return { events, parser };
}

describe('SseParser', () => {
  it('reads id, event and data, and dispatches on a blank line', () => {
    const { events, parser } = parse('retry: 3000\n\nid: 7\nevent: queued\ndata: {"id":"a"}\n\n');
    expect(events).toEqual([{ id: '7', event: 'queued', data: '{"id":"a"}' }]);
    expect(parser.lastEventId).toBe('7');
    expect(parser.retry).toBe(3000);
  });

  it('joins multi-line data with newlines and defaults the event name to message', () => {
    const { events } = parse('data: first\ndata: second\n\n');
    expect(events).toEqual([{ id: undefined, event: 'message', data: 'first\nsecond' }]);
  });

  it('ignores comments such as heartbeats and keeps the last id for later events', () => {
    const { events } = parse(': heartbeat\n\nid: 3\nevent: a\ndata: x\n\n: heartbeat\n\nevent: b\ndata: y\n\n');
    expect(events.map((e) => [e.event, e.id])).toEqual([['a', '3'], ['b', '3']]);
  });

  it('handles events and CRLF line ends split across chunks', () => {
    const { events } = parse('id: 1\r', '\nevent: up', 'dated\r\ndata: {"a"', ':1}\r\n\r', '\n');
    expect(events).toEqual([{ id: '1', event: 'updated', data: '{"a":1}' }]);
  });

  it('does not dispatch an event without data, and resets the event name after each dispatch', () => {
    const { events } = parse('event: lonely\n\ndata: z\n\n');
    expect(events).toEqual([{ id: undefined, event: 'message', data: 'z' }]);
  });
});

function streamResponse(chunks: string[], fail = false): Response {
  const encoder = new TextEncoder();
  let index = 0;
  // Chunks go out one per read; then the stream ends, or breaks like a dropped connection.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (fail) controller.error(new TypeError('network'));
      else controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('followStream', () => {
  it('sends the bearer token, and after a drop resumes with Last-Event-ID after a back-off', async () => {
    const controller = new AbortController();
    const requests: Headers[] = [];
    const responses = [
      streamResponse(['id: 4\nevent: queued\ndata: {"n":1}\n\n'], true),
      streamResponse(['id: 5\nevent: moderated\ndata: {"n":2}\n\n']),
    ];
    const fetchFn = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Headers(init?.headers));
      const next = responses.shift();
      if (!next) {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      }
      return next;
    });
    const waits: number[] = [];
    const events: SseEvent[] = [];
    await followStream('/stream', {
      signal: controller.signal,
      headers: () => ({ Authorization: 'Bearer t' }),
      onEvent: (e) => events.push(e),
      fetch: fetchFn,
      sleep: async (ms) => { waits.push(ms); },
    });
    expect(events.map((e) => e.data)).toEqual(['{"n":1}', '{"n":2}']);
    expect(requests[0]!.get('Authorization')).toBe('Bearer t');
    expect(requests[0]!.has('Last-Event-ID')).toBe(false);
    expect(requests[1]!.get('Last-Event-ID')).toBe('4');
    expect(requests[2]!.get('Last-Event-ID')).toBe('5');
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(waits[0]).toBeGreaterThan(0);
  });

  it('gives up on 401 and reports it', async () => {
    const states: string[] = [];
    const fetchFn = vi.fn(async () => new Response('', { status: 401 }));
    await followStream('/stream', {
      signal: new AbortController().signal,
      onEvent: () => {},
      onState: (s, status) => states.push(`${s}${status ?? ''}`),
      fetch: fetchFn,
    });
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['connecting', 'stopped401']);
  });

  it('backs off exponentially while the server is unreachable', async () => {
    const controller = new AbortController();
    let calls = 0;
    const fetchFn = vi.fn(async () => {
      if (++calls === 4) controller.abort();
      throw new TypeError('offline');
    });
    const waits: number[] = [];
    await followStream('/stream', {
      signal: controller.signal,
      onEvent: () => {},
      fetch: fetchFn,
      sleep: async (ms) => { waits.push(ms); },
    });
    expect(waits).toEqual([1000, 2000, 4000]);
  });
});
