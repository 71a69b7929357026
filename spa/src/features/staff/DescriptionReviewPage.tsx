import type { CategoryInfo, ObservationReview } from '@trygghet/client';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api, toProblem, type Problem } from '../../shared/api';
import { FlaggedText, useFindingWords } from '../../shared/FlaggedText';
import { findingsOf, withFindingErrors } from '../../shared/findings';
import { formatDateTime } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useAction } from '../../shared/useAction';
import { useLoad } from '../../shared/useLoad';
import { TextField } from './fields';
import './staff.css';

const pageSize = 20;

/**
 * Observation descriptions the confidentiality filter held, oldest first, with what it found marked. A moderator
 * publishes one as it is (having read the findings) or edits it and publishes the edit; either way it leaves the list.
 * The rest of each observation is public already: only its description waits here.
 */
export function DescriptionReviewPage() {
  const { t } = useTranslation('staff');
  const list = useLoad((signal) => api().listHeldObservations(pageSize, undefined, signal), []);
  const categories = useLoad((signal) => api().listObservationCategories(signal), []);
  const [announcement, setAnnouncement] = useState('');
  // After an item leaves the list, focus goes to the next one's heading (or the list's), not to the page's end.
  const focusNext = useRef<string | null>(null);
  const more = useAction();
  const items = list.data?.items ?? [];

  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const done = (review: ObservationReview, message: string) => {
    if (!list.data) return;
    const at = items.findIndex((o) => o.id === review.id);
    const rest = items.filter((o) => o.id !== review.id);
    list.set({ ...list.data, items: rest });
    const next = rest[Math.min(at, rest.length - 1)];
    focusNext.current = next ? headingId(next) : 'review-heading';
    setAnnouncement(message);
  };

  const loadMore = () =>
    void more.run(async () => {
      const cursor = list.data?.nextCursor;
      if (!cursor || !list.data) return;
      const page = await api().listHeldObservations(pageSize, cursor);
      list.set({ items: [...list.data.items, ...page.items], nextCursor: page.nextCursor });
    });

  return (
    <Page title={t('review.title')} lead={t('review.lead')}>
      <p role="status" aria-live="polite">
        {announcement}
      </p>
      <section aria-labelledby="review-heading" aria-busy={list.state === 'loading'}>
        <h2 id="review-heading" tabIndex={-1}>
          {t('review.heading')}
        </h2>
        {list.state === 'failed' && <ProblemAlert problem={list.problem} focus={false} />}
        {list.state === 'loading' && !list.data && <Loading />}
        {list.data && items.length === 0 && !list.data.nextCursor && <p>{t('review.none')}</p>}
        {items.length > 0 && (
          <ol className="review-list">
            {items.map((o) => (
              <li key={o.id}>
                <ReviewItem review={o} category={categories.data?.find((c) => c.code === o.category)} onDone={done} />
              </li>
            ))}
          </ol>
        )}
        {more.problem && <ProblemAlert problem={more.problem} />}
        {list.data?.nextCursor && (
          <button type="button" className="secondary" onClick={loadMore} disabled={more.busy}>
            {t('review.more')}
          </button>
        )}
      </section>
    </Page>
  );
}

const headingId = (o: ObservationReview) => `review-${o.id}`;

function ReviewItem({ review: o, category, onDone }: {
  review: ObservationReview;
  category?: CategoryInfo;
  onDone: (review: ObservationReview, message: string) => void;
}) {
  const { t } = useTranslation('staff');
  const lang = currentLanguage();
  const categoryName = category ? (lang === 'en' ? category.nameEn : category.name) : o.categoryName;
  const flagged = o.findings.length > 0;
  return (
    <article className={`card review-item${flagged ? ' has-findings' : ''}`} aria-labelledby={headingId(o)}>
      <p className="card-kicker">
        {o.area.name} · {t('review.reportedOn', { date: formatDateTime(o.reportedAt, lang) })}
      </p>
      <h3 id={headingId(o)} tabIndex={-1}>
        {t('review.item', { number: o.number, category: categoryName })}
      </h3>
      <FlaggedText text={o.description} findings={o.findings} title={t('review.findingsTitle')} />
      {o.originalDescription && <p className="hint">{t('review.original', { text: o.originalDescription })}</p>}
      <dl className="facts">
        <dt>{t('review.category')}</dt>
        <dd>{categoryName}</dd>
        <dt>{t('review.area')}</dt>
        <dd>{o.area.name}</dd>
        <dt>{t('review.reporter')}</dt>
        <dd>
          {t(`review.reporterKind.${o.reporterKind}`, { defaultValue: o.reporterKind })}
          {o.walkId && ` · ${t('review.walk')}`}
        </dd>
        <dt>{t('review.reported')}</dt>
        <dd>
          <time dateTime={o.reportedAt}>{formatDateTime(o.reportedAt, lang)}</time>
        </dd>
      </dl>
      <p>
        <Link to={`/iakttagelser/${o.id}`}>{t('review.publicPage', { number: o.number })}</Link>
      </p>
      <ClearForm review={o} onDone={onDone} />
      <RedactForm review={o} onDone={onDone} />
    </article>
  );
}

/** Publish as it is: with findings, only once the moderator says they read them. */
function ClearForm({ review: o, onDone }: { review: ObservationReview; onDone: (review: ObservationReview, message: string) => void }) {
  const { t } = useTranslation('staff');
  const ack = useId();
  const [acknowledged, setAcknowledged] = useState(false);
  const { busy, problem, run } = useAction();
  const flagged = o.findings.length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const cleared = await api().clearObservationDescription(o.id, { acknowledgeFindings: flagged && acknowledged });
      onDone(cleared, t('review.cleared', { number: o.number }));
    });
  };
  return (
    <>
      {problem && <ProblemAlert problem={findingsOf(problem).length > 0 ? { ...problem, detail: t('review.acknowledgeFirst') } : problem} />}
      <form className="action-row" onSubmit={submit}>
      {flagged && (
        <label className="choice" htmlFor={ack}>
          <input id={ack} type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
          {t('review.acknowledge')}
        </label>
      )}
      <button type="submit" disabled={busy || (flagged && !acknowledged)}>
        {busy ? t('review.working') : t('review.clear')}
      </button>
      </form>
    </>
  );
}

/**
 * Edit, then publish the edit. The API screens the edit again: what it still finds comes back as a 422, shown next
 * to the text, and the moderator may then publish anyway by saying they read it.
 */
function RedactForm({ review: o, onDone }: { review: ObservationReview; onDone: (review: ObservationReview, message: string) => void }) {
  const { t } = useTranslation('staff');
  const words = useFindingWords();
  const ack = useId();
  const [text, setText] = useState(o.description);
  const [acknowledged, setAcknowledged] = useState(false);
  // The findings of the text last sent, so the acknowledgement is offered only after the API found something.
  const [found, setFound] = useState<Problem | null>(null);
  const { busy, problem, run } = useAction();
  const stillFound = found !== null && findingsOf(found).length > 0;
  const shown = withFindingErrors(problem, { description: text }, (f) => t('review.stillFound', { what: words(f) }), { description: 'text' });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      try {
        const redacted = await api().redactObservationDescription(o.id, { text: text.trim(), acknowledgeFindings: stillFound && acknowledged });
        onDone(redacted, t('review.redacted', { number: o.number }));
      } catch (error) {
        const next = toProblem(error);
        setFound(findingsOf(next).length > 0 ? next : null);
        setAcknowledged(false);
        throw error;
      }
    });
  };
  const change = (value: string) => {
    setText(value);
    setAcknowledged(false);
  };

  return (
    <details>
      <summary>{t('review.edit')}</summary>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={busy}>
          <legend className="visually-hidden">{t('review.editLegend', { number: o.number })}</legend>
          {shown && <ProblemAlert problem={shown} fieldLabels={{ text: t('review.text') }} />}
          <TextField name="text" multiline rows={4} label={t('review.text')} hint={t('review.textHint')} value={text} problem={shown} onChange={change} />
          {stillFound && (
            <label className="choice" htmlFor={ack}>
              <input id={ack} type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
              {t('review.acknowledgeEdit')}
            </label>
          )}
          <button type="submit">{busy ? t('review.working') : t('review.redactSubmit')}</button>
        </fieldset>
      </form>
    </details>
  );
}
