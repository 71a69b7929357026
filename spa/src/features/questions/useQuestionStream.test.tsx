import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource, fakeApi, json } from './testing';
import { useQuestionStream, type QuestionStreamSource } from './useQuestionStream';

const dialogueId = '33333333-3333-3333-3333-333333333333';
const base = `/api/v1/dialogues/${dialogueId}/questions`;

beforeEach(() => {
  vi.stubGlobal('EventSource', FakeEventSource);
  FakeEventSource.last = null;
});
afterEach(() => vi.unstubAllGlobals());

/** A stream response that sends its chunks and then stays open, like a live connection. */
function liveStream(chunks: string[]) {
  const encoder = new TextEncoder();
  return new Response(new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
    },
  }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('useQuestionStream', () => {
  it('follows the public stream from a position, delivers only the kinds asked for, parsed, and skips data that is not JSON', () => {
    const onEvent = vi.fn();
    const { unmount } = renderHook(() =>
      useQuestionStream({ audience: 'public', dialogueId, lastEventId: 41 }, ['published', 'voted'], { onEvent }));
    const source = FakeEventSource.last!;

    expect(source.url).toBe(`${base}/stream?lastEventId=41`);
    expect(source.kinds).toEqual(['published', 'voted']);
    source.emit('published', 42, { id: 'a', text: 'Varför är det mörkt i tunneln?' });
    source.emitText('voted', 43, 'inte json');
    source.emit('voted', 44, { questionId: 'a', votes: 2, counted: true });

    expect(onEvent.mock.calls.map((call) => call[0] as unknown)).toEqual([
      { kind: 'published', id: 42, data: { id: 'a', text: 'Varför är det mörkt i tunneln?' } },
      { kind: 'voted', id: 44, data: { questionId: 'a', votes: 2, counted: true } },
    ]);
    const signal = onEvent.mock.calls[0]![1] as AbortSignal;
    expect(signal.aborted).toBe(false);

    unmount();
    expect(source.closed).toBe(true);
    expect(signal.aborted).toBe(true);
  });

  it('opens nothing without a source, and a new position closes the old subscription and opens another', () => {
    const onEvent = vi.fn();
    const { rerender } = renderHook(({ source }: { source: QuestionStreamSource | null }) => useQuestionStream(source, ['hidden'], { onEvent }),
      { initialProps: { source: null as QuestionStreamSource | null } });
    expect(FakeEventSource.last).toBeNull();

    rerender({ source: { audience: 'public', dialogueId, lastEventId: 5 } });
    const first = FakeEventSource.last!;
    // A new handler on every render does not reconnect.
    rerender({ source: { audience: 'public', dialogueId, lastEventId: 5 } });
    expect(FakeEventSource.last).toBe(first);

    rerender({ source: { audience: 'public', dialogueId, lastEventId: 9 } });
    const second = FakeEventSource.last!;
    expect(first.closed).toBe(true);
    expect(second.closed).toBe(false);
    expect(second.url).toBe(`${base}/stream?lastEventId=9`);

    rerender({ source: null });
    expect(second.closed).toBe(true);
  });

  it('reads the moderators\u2019 stream with fetch and the bearer token, and reports its state and events', async () => {
    const queued = { id: 'q', text: 'Ny fråga', status: 'pending' };
    const calls = fakeApi({
      [`GET ${base}/queue/stream`]: () =>
        liveStream([`retry: 3000\n\nid: 7\nevent: queued\ndata: ${JSON.stringify(queued)}\n\nid: 8\nevent: other\ndata: {}\n\n`]),
    });
    const onEvent = vi.fn();
    const states: string[] = [];
    const { unmount } = renderHook(() =>
      useQuestionStream({ audience: 'moderators', dialogueId, token: () => 'tok' }, ['queued', 'moderated'], {
        onEvent,
        onState: (state) => states.push(state),
      }));

    await waitFor(() => expect(onEvent).toHaveBeenCalledTimes(1));
    expect(onEvent.mock.calls[0]![0]).toEqual({ kind: 'queued', id: 7, data: queued });
    expect(states).toEqual(['connecting', 'open']);
    const headers = new Headers(calls[0]!.init.headers);
    expect(headers.get('Authorization')).toBe('Bearer tok');
    expect(headers.get('Accept')).toBe('text/event-stream');

    unmount();
    expect((calls[0]!.init.signal as AbortSignal).aborted).toBe(true);
  });

  it('says when the moderators\u2019 stream is refused before it ever opened', async () => {
    fakeApi({ [`GET ${base}/queue/stream`]: () => json({ title: 'Inloggning krävs', status: 401 }, 401) });
    const onEnd = vi.fn();
    const states: string[] = [];
    renderHook(() =>
      useQuestionStream({ audience: 'moderators', dialogueId, token: () => null }, ['queued'], {
        onEvent: vi.fn(),
        onState: (state) => states.push(state),
        onEnd,
      }));

    await waitFor(() => expect(onEnd).toHaveBeenCalledWith(false, expect.any(AbortSignal)));
    expect(states).toEqual(['connecting', 'stopped']);
  });
});
