import type { ModeratedQuestion, QuestionModeration, QuestionStatus } from '@trygghet/client';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, toProblem, type Problem } from '../../shared/api';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { session } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { inStatus, isModeratedQuestion, mergeQuestions, type ModerationState } from './moderationState';
import { ModerationItem } from './ModerationItem';
import { applyPublishedEvent } from './publishedStream';
import { type StreamState } from './sseParser';
import { moderatorStreamKinds, publicStreamKinds, useQuestionStream } from './useQuestionStream';
import './questions.css';

const statuses: QuestionStatus[] = ['pending', 'published', 'rejected', 'hidden', 'merged'];

/**
 * The moderators' live queue for one dialogue: pending questions oldest first, flags marked, every action one click
 * away. New questions arrive through the moderators' stream, read with fetch because it needs the bearer token. While
 * the Published tab is open, the public stream keeps it current too: pins, answers, redactions and votes by others.
 */
export function ModerationPage() {
  const { t } = useTranslation('questions');
  const { t: room } = useTranslation('room');
  const { id = '' } = useParams();
  const dialogue = useLoad((signal) => api().getDialogue(id, undefined, signal).catch(() => null), [id]);
  const [questions, setQuestions] = useState<ModerationState>({});
  const [status, setStatus] = useState<QuestionStatus>('pending');
  const [loaded, setLoaded] = useState<Set<QuestionStatus>>(new Set());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [live, setLive] = useState<StreamState>('connecting');
  const [announcement, setAnnouncement] = useState('');
  const role = session.current()?.role;
  const canAnswer = role === 'admin' || role === 'staff';

  const merge = useCallback((items: readonly ModeratedQuestion[]) => setQuestions((state) => mergeQuestions(state, items)), []);
  const questionsRef = useRef(questions);
  useLayoutEffect(() => {
    questionsRef.current = questions;
  });

  const load = useCallback(async (which: QuestionStatus, signal?: AbortSignal) => {
    try {
      const page = await api().listModerationQueue(id, which, 100, undefined, signal);
      merge(page.items);
      setLoaded((set) => new Set(set).add(which));
      setProblem(null);
    } catch (error) {
      if (!signal?.aborted) setProblem(toProblem(error));
    }
  }, [id, merge]);

  // The stream first, then the lists: whatever is queued while the lists load arrives on the stream.
  useQuestionStream({ audience: 'moderators', dialogueId: id, token: () => session.token() }, moderatorStreamKinds, {
    onState: (state, signal) => {
      setLive(state);
      // Read the lists once connected, and again after a reconnect: a stream resumed without any event id
      // starts from now, so the lists fill in whatever came in between.
      if (state === 'open') {
        void load('pending', signal);
        void load('published', signal);
      }
    },
    onEvent: ({ kind, data }) => {
      if (!isModeratedQuestion(data)) return;
      merge([data]);
      if (kind === 'queued') setAnnouncement(t('moderation.arrived', { text: data.text }));
    },
    onEnd: (opened, signal) => {
      // The stream was refused (e.g. not signed in): still show the lists, or their problem.
      if (!opened) void load('pending', signal);
    },
  });

  // The Published tab follows the public stream from the public list's position; the moderators' list is read again
  // after that position is taken, so nothing in between is missed. Anyone may read it: EventSource needs no token.
  const [publicFrom, setPublicFrom] = useState<number | null>(null);
  useEffect(() => {
    if (status !== 'published' || typeof EventSource === 'undefined') return;
    const controller = new AbortController();
    api().listQuestions(id, 'votes', 1, undefined, controller.signal).then(
      (list) => {
        if (controller.signal.aborted) return;
        setPublicFrom(list.streamPosition);
        void load('published', controller.signal);
      },
      () => {
        // No public list (not a dialogue, or the network): the tab still works, updated by the moderators' stream.
      },
    );
    return () => {
      controller.abort();
      setPublicFrom(null);
    };
  }, [status, id, load]);

  useQuestionStream(publicFrom === null ? null : { audience: 'public', dialogueId: id, lastEventId: publicFrom }, publicStreamKinds, {
    onEvent: ({ kind, data }, signal) => {
      // Pure, so working out the lists to read again from the latest state beside the update is safe.
      for (const which of applyPublishedEvent(questionsRef.current, kind, data).reload) void load(which, signal);
      setQuestions((state) => applyPublishedEvent(state, kind, data).state);
    },
  });

  // Only a tab not loaded yet needs the API; the stream keeps loaded ones current.
  const choose = (which: QuestionStatus) => {
    setStatus(which);
    if (!loaded.has(which)) void load(which);
  };

  const shown = inStatus(questions, status);
  const mergeTargets = [...inStatus(questions, 'pending'), ...inStatus(questions, 'published')];
  const title = dialogue.data ? t('moderation.titleFor', { title: dialogue.data.title }) : t('moderation.title');

  return (
    <Page title={title}>
      {!session.current() && (
        <p className="notice warn">
          {t('moderation.signIn')} <Link to="/personal/logga-in">{t('moderation.signInLink')}</Link>
        </p>
      )}
      <p>
        {/* The room's screen shows only what the public stream carries: what is published here. */}
        <a href={`/dialoger/${encodeURIComponent(dialogue.data?.slug ?? id)}/storskarm`} target="_blank" rel="noopener">
          {room('open')} {room('opensNewWindow')}
        </a>
      </p>
      <p className="live-state" role="status">{t(`moderation.live.${live}`)}</p>
      <div className="visually-hidden" aria-live="polite">{announcement}</div>
      <Settings eventId={id} canChange={role === 'admin' || role === 'staff' || role === 'moderator'} />
      {problem && <ProblemAlert problem={problem} />}
      <div className="status-tabs" role="group" aria-label={t('moderation.show')}>
        {statuses.map((s) => (
          <button key={s} type="button" className={s === status ? '' : 'secondary'} aria-pressed={s === status} onClick={() => choose(s)}>
            {t(`status.${s}`)}
            {loaded.has(s) && ` (${inStatus(questions, s).length})`}
          </button>
        ))}
      </div>
      <h2>{t(`moderation.heading.${status}`)}</h2>
      {!loaded.has(status) && !problem && <Loading />}
      {loaded.has(status) && shown.length === 0 && <p>{t(`moderation.empty.${status}`)}</p>}
      <ol className="question-list">
        {shown.map((question) => (
          <li key={question.id}>
            <ModerationItem question={question} canAnswer={canAnswer} onChange={(q) => merge([q])}
              others={mergeTargets.filter((other) => other.id !== question.id)} />
          </li>
        ))}
      </ol>
    </Page>
  );
}

/** Pre- or post-moderation; moderators, staff and admins switch it (others only read it). */
function Settings({ eventId, canChange }: { eventId: string; canChange: boolean }) {
  const { t } = useTranslation('questions');
  const settings = useLoad((signal) => api().getQuestionSettings(eventId, signal), [eventId]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const name = useId();
  if (!settings.data) return null;
  const current = settings.data.moderation;
  const change = async (moderation: QuestionModeration) => {
    setBusy(true);
    setProblem(null);
    try {
      settings.set(await api().setQuestionSettings(eventId, { moderation }));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  if (!canChange) return <p>{t(`moderation.settings.${current}`)}</p>;
  return (
    <fieldset className="settings">
      <legend>{t('moderation.settings.legend')}</legend>
      {problem && <ProblemAlert problem={problem} />}
      {(['pre', 'post'] as const).map((value) => (
        <label key={value} className="choice">
          <input type="radio" name={name} value={value} checked={current === value} disabled={busy} onChange={() => void change(value)} />
          {t(`moderation.settings.${value}`)}
        </label>
      ))}
    </fieldset>
  );
}
