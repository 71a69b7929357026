import type { PublicEvent, QuestionSort } from '@trygghet/client';
import { useCallback, useEffect, useId, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api, toProblem, type Problem } from '../../shared/api';
import { formatDate, formatTime } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { AskForm } from './AskForm';
import { QuestionCard } from './QuestionCard';
import { initialQuestionsState, questionsReducer } from './questionsReducer';
import { publicStreamKinds, useQuestionStream } from './useQuestionStream';
import { forgetVoterToken, rememberVote, votedQuestions, voterToken } from './voter';
import './questions.css';

/** A dialogue's live Q&A: the published questions, kept current by the live stream, voting, and asking. */
export function QuestionsPage() {
  const { t } = useTranslation('questions');
  const { slug = '' } = useParams();
  const dialogue = useLoad((signal) => api().getDialogue(slug, undefined, signal), [slug]);

  if (dialogue.state === 'failed' && !dialogue.data) {
    return (
      <Page title={t('page.title')}>
        <ProblemAlert problem={dialogue.problem} />
      </Page>
    );
  }
  if (!dialogue.data) return <Loading />;
  return <LiveQuestions dialogue={dialogue.data} />;
}

/** Questions are asked and voted on while the dialogue can be attended (the API's `attendable`); after that, read-only. */
function hasEnded(dialogue: PublicEvent) {
  return !dialogue.attendable;
}

function LiveQuestions({ dialogue }: { dialogue: PublicEvent }) {
  const { t } = useTranslation('questions');
  const lang = currentLanguage();
  const [state, dispatch] = useReducer(questionsReducer, initialQuestionsState);
  const [sort, setSort] = useState<QuestionSort>('votes');
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [voted, setVoted] = useState(votedQuestions);
  const [voting, setVoting] = useState<string | null>(null);
  const [voteProblem, setVoteProblem] = useState<Problem | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const ended = hasEnded(dialogue);
  const sortId = useId();

  // The list, then the live stream from the list's position: nothing between the two is missed. Each list read
  // starts the stream again from its own position, so no event is applied to a list read after it.
  const [streamFrom, setStreamFrom] = useState<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api().listQuestions(dialogue.id, sort, 100, undefined, controller.signal).then(
      (list) => {
        dispatch({ type: 'loaded', list, sort });
        setLoaded(true);
        setProblem(null);
        if (!controller.signal.aborted) setStreamFrom(list.streamPosition);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setProblem(toProblem(error));
      },
    );
    return () => {
      controller.abort();
      setStreamFrom(null);
    };
  }, [dialogue.id, sort]);

  useQuestionStream(ended || streamFrom === null ? null : { audience: 'public', dialogueId: dialogue.id, lastEventId: streamFrom },
    publicStreamKinds, { onEvent: ({ kind, id, data }) => dispatch({ type: 'stream', id, kind, data }) });

  const loadMore = async () => {
    if (!state.nextCursor) return;
    setLoadingMore(true);
    try {
      dispatch({ type: 'more', list: await api().listQuestions(dialogue.id, sort, 100, state.nextCursor) });
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const vote = useCallback(async (questionId: string) => {
    setVoting(questionId);
    setVoteProblem(null);
    const client = api();
    try {
      let result;
      try {
        result = await client.voteForQuestion(questionId, await voterToken(client));
      } catch (error) {
        // A token the API does not know (e.g. a reset database) is replaced once.
        if (toProblem(error).status !== 422) throw error;
        forgetVoterToken();
        result = await client.voteForQuestion(questionId, await voterToken(client));
      }
      dispatch({ type: 'voted', result });
      setVoted(rememberVote(questionId));
    } catch (error) {
      setVoteProblem(toProblem(error));
    } finally {
      setVoting(null);
    }
  }, []);

  const announced = state.announcement;
  const announcedQuestion = announced && state.items.find((q) => q.id === announced.questionId);
  const time = t('common:timeRange', {
    date: formatDate(dialogue.startsAt, lang),
    start: formatTime(dialogue.startsAt, lang),
    end: formatTime(dialogue.endsAt, lang),
  });

  return (
    <Page title={t('page.title')} lead={<>{dialogue.title}<br />{time}</>}>
      <p>
        <Link to={`/dialoger/${dialogue.slug}`}>{t('page.back', { title: dialogue.title })}</Link>
      </p>
      <div className="visually-hidden" aria-live="polite">
        {announcedQuestion &&
          (announced.kind === 'published'
            ? t('live.newQuestion', { text: announcedQuestion.text })
            : t('live.newAnswer', { text: announcedQuestion.text }))}
      </div>
      <div className="qa-layout">
        <section className="qa-ask" aria-label={t('ask.region')}>
          {ended ? <Ended dialogue={dialogue} /> : <AskForm dialogue={dialogue} />}
        </section>
        <section className="qa-list" aria-labelledby="questions-heading">
          <div className="qa-list-head">
            <h2 id="questions-heading">{t('list.title')}</h2>
            <div className="field inline">
              <label htmlFor={sortId}>{t('list.sort')}</label>
              <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as QuestionSort)}>
                <option value="votes">{t('list.sortVotes')}</option>
                <option value="time">{t('list.sortTime')}</option>
              </select>
            </div>
          </div>
          {!ended && <p className="hint">{t('list.liveHint')}</p>}
          {problem && <ProblemAlert problem={problem} />}
          {voteProblem && <ProblemAlert problem={voteProblem} />}
          {!loaded && !problem && <Loading />}
          {loaded && state.items.length === 0 && <p>{t('list.none')}</p>}
          <ol className="question-list">
            {state.items.map((question) => (
              <li key={question.id}>
                <QuestionCard question={question} voted={voted.has(question.id)} canVote={!ended} busy={voting === question.id}
                  onVote={() => void vote(question.id)} />
              </li>
            ))}
          </ol>
          {state.nextCursor && (
            <button type="button" className="secondary" disabled={loadingMore} onClick={() => void loadMore()}>
              {t('list.more')}
            </button>
          )}
        </section>
      </div>
    </Page>
  );
}

/** After the end: no more questions; a closed dialogue shows what came of it. */
function Ended({ dialogue }: { dialogue: PublicEvent }) {
  const { t } = useTranslation('questions');
  return (
    <>
      <div className="notice warn">
        <p>{dialogue.status === 'cancelled' ? t('ended.cancelled') : t('ended.text')}</p>
        {dialogue.cancelReason && <p>{dialogue.cancelReason}</p>}
      </div>
      {dialogue.closing && (
        <div className="feedback">
          <h2>{t('ended.feedback')}</h2>
          <h3>{t('ended.raised')}</h3>
          <p className="question-text">{dialogue.closing.raised}</p>
          <h3>{t('ended.actions')}</h3>
          <p className="question-text">{dialogue.closing.actions}</p>
          <h3>{t('ended.minutes')}</h3>
          <p className="question-text">{dialogue.closing.minutes}</p>
        </div>
      )}
    </>
  );
}
