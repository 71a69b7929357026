import type { JoinLink, PublicEvent, PublicQuestion } from '@trygghet/client';
import { toCanvas } from 'qrcode';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatDate, formatTime } from '../../shared/format';
import { Loading } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { initialQuestionsState, questionsReducer } from '../questions/questionsReducer';
import type { StreamState } from '../questions/sseParser';
import { publicStreamKinds, useQuestionStream } from '../questions/useQuestionStream';
import { featuredSize, fittingCount, linkParts, roomView, spacedCode, typedUrl } from './roomView';
import './room.css';

/** After a failed read or a stream that gave up, the screen tries again on its own after this long. */
const retryMs = 5000;

/**
 * The room's screen for a dialogue (`/dialoger/<slug>/storskarm`), opened by staff from the moderation page and shown
 * on a projector: the pinned question large, the top questions by votes with their answers, and how to join (QR code,
 * short link). It reads only the public list and stream, so it shows nothing a moderator has not published.
 */
export function RoomPage() {
  const { t } = useTranslation('room');
  const { slug = '' } = useParams();
  const dialogue = useLoad((signal) => api().getDialogue(slug, undefined, signal), [slug]);
  const join = useLoad((signal) => api().getJoinLink(slug, signal), [slug]);
  useFullScreenDocument();

  useEffect(() => {
    document.title = dialogue.data ? t('documentTitle', { title: dialogue.data.title }) : t('title');
  }, [dialogue.data, t]);

  if (!dialogue.data) {
    return (
      <main className="room room-waiting">
        <h1>{t('title')}</h1>
        {dialogue.state === 'failed' ? <ProblemAlert problem={dialogue.problem} /> : <Loading />}
      </main>
    );
  }
  return <RoomScreen dialogue={dialogue.data} join={join.data ?? null} />;
}

/** No scrollbars and no page margins while the screen is shown. */
function useFullScreenDocument() {
  useEffect(() => {
    document.documentElement.classList.add('room-document');
    return () => document.documentElement.classList.remove('room-document');
  }, []);
}

function RoomScreen({ dialogue, join }: { dialogue: PublicEvent; join: JoinLink | null }) {
  const { t } = useTranslation('room');
  const lang = currentLanguage();
  const [state, dispatch] = useReducer(questionsReducer, initialQuestionsState);
  const [connection, setConnection] = useState<StreamState>('connecting');
  const [listFailed, setListFailed] = useState(false);
  const [generation, setGeneration] = useState(0);

  // The list, then the stream from the list's position, as on the questions page; read again (and the stream
  // started again from there) whenever the screen retries.
  const [streamFrom, setStreamFrom] = useState<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api().listQuestions(dialogue.id, 'votes', 100, undefined, controller.signal).then(
      (list) => {
        if (controller.signal.aborted) return;
        dispatch({ type: 'loaded', list, sort: 'votes' });
        setListFailed(false);
        setStreamFrom(list.streamPosition);
      },
      () => {
        if (!controller.signal.aborted) setListFailed(true);
      },
    );
    return () => {
      controller.abort();
      setStreamFrom(null);
    };
  }, [dialogue.id, generation]);

  useQuestionStream(streamFrom === null ? null : { audience: 'public', dialogueId: dialogue.id, lastEventId: streamFrom }, publicStreamKinds, {
    onEvent: ({ kind, id, data }) => dispatch({ type: 'stream', id, kind, data }),
    onState: (next) => setConnection(next),
  });

  // A room screen is left alone for hours: when the stream gives up or the list cannot be read, try again.
  const broken = listFailed || connection === 'stopped';
  useEffect(() => {
    if (!broken) return;
    const timer = setTimeout(() => {
      setConnection('reconnecting');
      setGeneration((g) => g + 1);
    }, retryMs);
    return () => clearTimeout(timer);
  }, [broken, generation]);

  const { featured, others } = useMemo(() => roomView(state.items), [state.items]);
  const status = broken ? 'reconnecting' : connection === 'open' ? null : connection === 'connecting' ? 'connecting' : 'reconnecting';
  const time = t('common:timeRange', {
    date: formatDate(dialogue.startsAt, lang),
    start: formatTime(dialogue.startsAt, lang),
    end: formatTime(dialogue.endsAt, lang),
  });

  return (
    <main className="room" aria-labelledby="room-title">
      <header className="room-head">
        <h1 id="room-title">{dialogue.title}</h1>
        <p className="room-time">{time}</p>
      </header>
      <div className="room-body">
        <section className="room-questions" aria-label={t('questions')}>
          {featured && <Featured question={featured} />}
          {others.length === 0 && !featured && <p className="room-none">{t('none')}</p>}
          <FittingList questions={others} />
        </section>
        <aside className="room-join" aria-label={t('join')}>
          <p className="room-join-lead">{t('ask')}</p>
          {join && <QrCode url={join.shortUrl} label={t('qrLabel', { url: typedUrl(join.shortUrl) })} />}
          {join && (
            <>
              <p className="room-join-how">{t('orGoTo')}</p>
              <p className="room-join-url">
                <span>{linkParts(join.shortUrl)[0]}</span>
                <wbr />
                <span>{linkParts(join.shortUrl)[1]}</span>
              </p>
              <p className="room-join-code">
                <span className="room-join-code-label">{t('code')}</span>{' '}
                <span className="room-code" aria-label={join.code.split('').join(' ')}>{spacedCode(join.code)}</span>
              </p>
            </>
          )}
        </aside>
      </div>
      <p className="room-status" role="status">{status ? t(`state.${status}`) : ''}</p>
    </main>
  );
}

function Featured({ question }: { question: PublicQuestion }) {
  const { t } = useTranslation('room');
  return (
    <article className={`room-featured room-featured-${featuredSize(question.text)}`} aria-labelledby={`room-q-${question.id}`}>
      <p className="room-label">{t('pinned')}</p>
      <p id={`room-q-${question.id}`} className="room-featured-text">{question.text}</p>
      <RoomAnswers question={question} />
    </article>
  );
}

/**
 * The questions after the featured one, as many as fit whole on the screen; the rest are counted. Items that do not
 * fit are hidden (not clipped), so nothing is cut off mid-line and no scrollbar appears.
 */
function FittingList({ questions }: { questions: PublicQuestion[] }) {
  const { t } = useTranslation('room');
  const listRef = useRef<HTMLOListElement>(null);
  const [hiddenCount, setHiddenCount] = useState(0);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const items = [...list.children] as HTMLElement[];
      for (const item of items) item.hidden = false;
      const fit = fittingCount(items.map((item) => item.offsetTop + item.offsetHeight), list.clientHeight);
      items.forEach((item, index) => {
        item.hidden = index >= fit;
      });
      setHiddenCount(items.length - fit);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [questions]);

  return (
    <>
      <ol className="room-list" ref={listRef}>
        {questions.map((question) => (
          <li key={question.id} className="room-item">
            <p className="room-item-text">
              {question.pinned && <span className="room-label">{t('pinned')} </span>}
              {question.text}
            </p>
            <p className="room-votes">{t('votes', { count: question.votes })}</p>
            <RoomAnswers question={question} />
          </li>
        ))}
      </ol>
      <p className="room-more">{hiddenCount > 0 ? t('more', { count: hiddenCount }) : ''}</p>
    </>
  );
}

function RoomAnswers({ question }: { question: PublicQuestion }) {
  const { t } = useTranslation('room');
  if (question.answers.length === 0) return null;
  return (
    <ul className="room-answers" aria-label={t('answers')}>
      {question.answers.map((answer) => (
        <li key={answer.id} className="room-answer">
          <span className="room-answer-by">{t('answerBy', { author: answer.author })}</span>{' '}
          {answer.text ? <span className="room-answer-text">{answer.text}</span> : <span>{t('answeredLive')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The short link as a QR code, drawn on a canvas (black on white, with the standard quiet zone). */
function QrCode({ url, label }: { url: string; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    toCanvas(canvas, url, { errorCorrectionLevel: 'M', margin: 4, scale: 12, color: { dark: '#000000', light: '#ffffff' } }).catch(() => {
      // No canvas (an old browser): the short link and the code beside it still say how to join.
    });
  }, [url]);
  return <canvas ref={ref} className="room-qr" role="img" aria-label={label} data-url={url} />;
}
