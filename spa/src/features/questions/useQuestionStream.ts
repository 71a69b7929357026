import { useEffect, useLayoutEffect, useRef } from 'react';
import { apiBase } from '../../shared/api';
import { followStream, type StreamState } from './sseParser';

/** The kinds of the public stream: a question, a vote, or the id of a question to remove (all change what is shown). */
export const publicStreamKinds = ['published', 'updated', 'answered', 'pinned', 'voted', 'hidden'] as const;

/** The kinds of the moderators' stream (each carries the question as moderators see it). */
export const moderatorStreamKinds = ['queued', 'updated', 'moderated'] as const;

/** Which of a dialogue's two live streams to follow. */
export type QuestionStreamSource =
  /**
   * What everyone sees, from a list's `streamPosition`, so nothing between the list and the stream is missed.
   * Read with EventSource, which reconnects on its own with Last-Event-ID.
   */
  | { audience: 'public'; dialogueId: string; lastEventId: number }
  /**
   * The moderators' queue. It needs the bearer token, which EventSource cannot send, so it is read with fetch and
   * reconnects from the last event id it received.
   */
  | { audience: 'moderators'; dialogueId: string; token: () => string | null | undefined };

export interface QuestionStreamEvent {
  kind: string;
  /** The event's number in its stream, when it has one. */
  id: number | undefined;
  /** The parsed JSON of the event. */
  data: unknown;
}

/**
 * What to do with the stream. Each gets the signal of the subscription, aborted when it ends, for the requests the
 * page starts in answer (so none outlives the page or the stream it was for).
 */
export interface QuestionStreamHandlers {
  onEvent: (event: QuestionStreamEvent, signal: AbortSignal) => void;
  /**
   * The connection's state. The public stream reports `open`, `reconnecting` while EventSource retries on its own,
   * and `stopped` when it gave up (e.g. refused); the moderators' stream every state.
   */
  onState?: (state: StreamState, signal: AbortSignal) => void;
  /**
   * The moderators' stream gave up without being closed here: refused (401, 403, 404). `opened` says whether it was
   * connected before, i.e. whether anything read on connecting was read.
   */
  onEnd?: (opened: boolean, signal: AbortSignal) => void;
}

function streamUrl(source: QuestionStreamSource): string {
  const questions = `${apiBase()}/api/v1/dialogues/${source.dialogueId}/questions`;
  return source.audience === 'public' ? `${questions}/stream?lastEventId=${source.lastEventId}` : `${questions}/queue/stream`;
}

function parse(data: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(data) as unknown };
  } catch {
    return { ok: false };
  }
}

const eventNumber = (id: string | undefined) => (id ? Number(id) : undefined);

/**
 * Follows one of a dialogue's live streams while `source` is set: a new source (another dialogue, another position)
 * closes the old subscription and opens the new one; null closes it. Only the given kinds reach `onEvent`, with their
 * data parsed; an event whose data is not JSON is skipped (the next list read repairs the view). The handlers may
 * change on every render without reconnecting.
 */
export function useQuestionStream(source: QuestionStreamSource | null, kinds: readonly string[], handlers: QuestionStreamHandlers): void {
  // The newest source and handlers, for callbacks of a subscription opened on an earlier render.
  const latest = useRef({ source, handlers });
  useLayoutEffect(() => {
    latest.current = { source, handlers };
  });

  const url = source ? streamUrl(source) : null;
  const audience = source?.audience;
  const kindList = kinds.join(',');

  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    const { signal } = controller;
    const wanted = new Set(kindList.split(','));
    const deliver = (kind: string, id: number | undefined, data: string) => {
      if (!wanted.has(kind)) return;
      const parsed = parse(data);
      if (parsed.ok) latest.current.handlers.onEvent({ kind, id, data: parsed.value }, signal);
    };

    if (audience === 'public') {
      if (typeof EventSource === 'undefined') return;
      const events = new EventSource(url);
      events.onopen = () => latest.current.handlers.onState?.('open', signal);
      // readyState 2 (CLOSED): EventSource will not try again; 0 (CONNECTING): it is retrying.
      events.onerror = () => latest.current.handlers.onState?.(events.readyState === 2 ? 'stopped' : 'reconnecting', signal);
      for (const kind of wanted) {
        events.addEventListener(kind, (event) => {
          const message = event as MessageEvent<string>;
          deliver(kind, eventNumber(message.lastEventId), message.data);
        });
      }
      return () => {
        controller.abort();
        events.close();
      };
    }

    let opened = false;
    void followStream(url, {
      signal,
      headers: (): Record<string, string> => {
        const current = latest.current.source;
        const token = current?.audience === 'moderators' ? current.token() : null;
        return token ? { Authorization: `Bearer ${token}` } : {};
      },
      onState: (state) => {
        if (state === 'open') opened = true;
        latest.current.handlers.onState?.(state, signal);
      },
      onEvent: (event) => deliver(event.event, eventNumber(event.id), event.data),
    }).then(() => {
      if (!signal.aborted) latest.current.handlers.onEnd?.(opened, signal);
    });
    return () => controller.abort();
  }, [url, audience, kindList]);
}
