import type { CategoryInfo, ObservationReview, ReviewPhoto } from '@trygghet/client';
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
import { reviewChanged } from './reviewQueue';
import { thumbnailSize, useAuthorisedImage } from './useAuthorisedImage';
import './staff.css';

const pageSize = 20;

/** Whether anything of a report still waits: its description or its photo. */
const waits = (o: ObservationReview) => o.descriptionStatus === 'held' || o.photo?.status === 'held';

/**
 * Reports that wait for a moderator, oldest first: a photo always waits until someone has looked at it, and a
 * description waits when the confidentiality filter found what looks like personal data (marked). The photo is
 * approved or removed; the description published as it is (having read the findings) or edited and published. A
 * report leaves the list once nothing of it waits. Its place and category are public from the start.
 */
export function ReportReviewPage() {
  const { t } = useTranslation('staff');
  const list = useLoad((signal) => api().listHeldObservations(pageSize, undefined, signal), []);
  const categories = useLoad((signal) => api().listObservationCategories(signal), []);
  const [announcement, setAnnouncement] = useState('');
  // After an action, focus goes to the report's heading while it still waits, else to the next one's (or the
  // list's), not to the page's end.
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
    reviewChanged();
    setAnnouncement(message);
    if (waits(review)) {
      list.set({ ...list.data, items: items.map((o) => (o.id === review.id ? review : o)) });
      focusNext.current = headingId(review);
      return;
    }
    const at = items.findIndex((o) => o.id === review.id);
    const rest = items.filter((o) => o.id !== review.id);
    list.set({ ...list.data, items: rest });
    const next = rest[Math.min(at, rest.length - 1)];
    focusNext.current = next ? headingId(next) : 'review-heading';
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

type Done = (review: ObservationReview, message: string) => void;

/** What becomes public when, for a report as it stands. */
function stateKey(o: ObservationReview): string {
  const photoHeld = o.photo?.status === 'held';
  const descriptionHeld = o.descriptionStatus === 'held';
  if (photoHeld && descriptionHeld) return 'review.state.both';
  if (photoHeld) return 'review.state.photo';
  return o.photo ? 'review.state.descriptionPhotoPublic' : 'review.state.description';
}

/** What is left of a report after an action, said after what was done. */
function afterwards(t: (key: string) => string, o: ObservationReview): string {
  if (o.descriptionStatus === 'held') return t('review.after.description');
  if (o.photo?.status === 'held') return t('review.after.photo');
  return t('review.after.public');
}

function ReviewItem({ review: o, category, onDone }: {
  review: ObservationReview;
  category?: CategoryInfo;
  onDone: Done;
}) {
  const { t } = useTranslation('staff');
  const lang = currentLanguage();
  const categoryName = category ? (lang === 'en' ? category.nameEn : category.name) : o.categoryName;
  const flagged = o.descriptionStatus === 'held' && o.findings.length > 0;
  return (
    <article className={`card review-item${flagged ? ' has-findings' : ''}`} aria-labelledby={headingId(o)}>
      <p className="card-kicker">
        {o.area.name} · {t('review.reportedOn', { date: formatDateTime(o.reportedAt, lang) })}
      </p>
      <h3 id={headingId(o)} tabIndex={-1}>
        {t('review.item', { number: o.number, category: categoryName })}
      </h3>
      <p className="review-state">{t(stateKey(o))}</p>
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
      {o.photo && <PhotoReview review={o} photo={o.photo} onDone={onDone} />}
      <section className="review-part" aria-labelledby={`${headingId(o)}-description`}>
        <h4 id={`${headingId(o)}-description`}>{t('review.descriptionHeading')}</h4>
        {o.descriptionStatus === 'held' ? (
          <>
            <FlaggedText text={o.description} findings={o.findings} title={t('review.findingsTitle')} />
            {o.originalDescription && <p className="hint">{t('review.original', { text: o.originalDescription })}</p>}
            <ClearForm review={o} onDone={onDone} />
            <RedactForm review={o} onDone={onDone} />
          </>
        ) : (
          <>
            <p>{o.description}</p>
            <p className="hint">{t('review.descriptionPublic')}</p>
          </>
        )}
      </section>
      <p>
        <Link to={`/iakttagelser/${o.id}`}>{t('review.publicPage', { number: o.number })}</Link>
      </p>
    </article>
  );
}

/**
 * The report's photo: its thumbnail (fetched with the token while held), the full size on request, and approve or
 * remove. Removing deletes the photo for good, so it asks first; approving makes it public at once.
 */
function PhotoReview({ review: o, photo, onDone }: { review: ObservationReview; photo: ReviewPhoto; onDone: Done }) {
  const { t } = useTranslation('staff');
  const [large, setLarge] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const thumbnail = useAuthorisedImage(photo.thumbnailUrl);
  const full = useAuthorisedImage(large ? photo.url : null);
  const { busy, problem, run } = useAction();
  const held = photo.status === 'held';
  const size = thumbnailSize(photo.width, photo.height);
  const headingOf = `${headingId(o)}-photo`;
  const confirmId = `${headingId(o)}-remove`;
  const alt = t('review.photoAlt', { number: o.number });

  useEffect(() => {
    if (confirming) document.getElementById(confirmId)?.focus();
  }, [confirming, confirmId]);

  const clear = () =>
    void run(async () => {
      const cleared = await api().clearObservationPhoto(o.id);
      onDone(cleared, `${t('review.photoCleared', { number: o.number })} ${afterwards(t, cleared)}`);
    });
  const remove = () =>
    void run(async () => {
      const removed = await api().removeObservationPhoto(o.id);
      setConfirming(false);
      onDone(removed, `${t('review.photoRemoved', { number: o.number })} ${afterwards(t, removed)}`);
    });

  return (
    <section className="review-part" aria-labelledby={headingOf}>
      <h4 id={headingOf}>{held ? t('review.photoHeading') : t('review.photoHeadingPublic')}</h4>
      <figure className="review-photo">
        {thumbnail.state === 'ready' ? (
          <img src={thumbnail.url} alt={alt} width={size.width} height={size.height} />
        ) : (
          <div className="photo-placeholder" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
            {thumbnail.state === 'failed' ? t('review.photoFailed') : t('review.photoLoading')}
          </div>
        )}
        <figcaption className="hint">{t('review.photoSize', { width: photo.width, height: photo.height })}</figcaption>
      </figure>
      <p>
        <button type="button" className="secondary" aria-expanded={large} onClick={() => setLarge((v) => !v)}>
          {large ? t('review.hideLarge') : t('review.showLarge')}
        </button>
      </p>
      {large && (
        <div className="review-photo-large">
          {full.state === 'ready' ? (
            <img src={full.url} alt={t('review.photoAltLarge', { number: o.number })} width={photo.width} height={photo.height} />
          ) : (
            <p role="status">{full.state === 'failed' ? t('review.photoFailed') : t('review.photoLoading')}</p>
          )}
        </div>
      )}
      {problem && <ProblemAlert problem={problem} />}
      {confirming ? (
        <div className="notice warn confirm" role="group" aria-labelledby={confirmId}>
          <p id={confirmId} tabIndex={-1}>
            {t('review.removeConfirm', { number: o.number })}
          </p>
          <div className="action-row">
            <button type="button" className="danger" onClick={remove} disabled={busy}>
              {busy ? t('review.working') : t('review.removeYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={busy}>
              {t('review.removeNo')}
            </button>
          </div>
        </div>
      ) : (
        <div className="action-row">
          {held && (
            <button type="button" onClick={clear} disabled={busy}>
              {busy ? t('review.working') : t('review.clearPhoto')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setConfirming(true)} disabled={busy}>
            {t('review.removePhoto')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Publish as it is: with findings, only once the moderator says they read them. */
function ClearForm({ review: o, onDone }: { review: ObservationReview; onDone: Done }) {
  const { t } = useTranslation('staff');
  const ack = useId();
  const [acknowledged, setAcknowledged] = useState(false);
  const { busy, problem, run } = useAction();
  const flagged = o.findings.length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const cleared = await api().clearObservationDescription(o.id, { acknowledgeFindings: flagged && acknowledged });
      onDone(cleared, withRest(t('review.cleared', { number: o.number }), t, cleared));
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
function RedactForm({ review: o, onDone }: { review: ObservationReview; onDone: Done }) {
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
        onDone(redacted, withRest(t('review.redacted', { number: o.number }), t, redacted));
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

/** After the description: the photo may still wait. */
const withRest = (message: string, t: (key: string) => string, o: ObservationReview) =>
  o.photo?.status === 'held' ? `${message} ${t('review.after.photo')}` : message;
