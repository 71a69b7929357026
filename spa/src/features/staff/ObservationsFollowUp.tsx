import type { Actor, CategoryInfo, Observation, ObservationCategory, ObservationStatus } from '@trygghet/client';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api, apiBase, toProblem, type Problem } from '../../shared/api';
import { DescriptionText } from '../../shared/DescriptionText';
import { useFindingWords } from '../../shared/FlaggedText';
import { withFindingErrors } from '../../shared/findings';
import { formatShortDate } from '../../shared/format';
import { observationFeatures } from '../../shared/map/features';
import { Map } from '../../shared/map/Map';
import { Loading, Page } from '../../shared/Page';
import { useAction } from '../../shared/useAction';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { flattenAreas } from '../events/upcoming';
import { can, useSession } from './access';
import { SelectField, TextField } from './fields';
import { thumbnailSize } from './useAuthorisedImage';
import './staff.css';

const observationStatuses: ObservationStatus[] = ['reported', 'investigating', 'planned', 'inProgress', 'fixed', 'notResponsible', 'duplicate', 'closed'];

/** A deadline's `YYYY-MM-DD` as a date to format (noon, so no time zone moves it to another day). */
const day = (date: string) => `${date}T12:00:00Z`;

/** The id of an observation's card, which a point on the map leads to. */
const cardId = (o: Observation) => `card-${o.id}`;

/**
 * Following up observations: staff filter them, give each a responsible actor and a deadline,
 * and move them on with a public note; actors see what is assigned to their organisation.
 * A map above the list shows the listed observations by status; a point leads to its card.
 * New reports (status reported) are one click away, newest first.
 */
export function ObservationsFollowUp() {
  const { t } = useTranslation('staff');
  const role = useSession()?.role;
  const staff = can(role, 'followUp');
  const [params, setParams] = useSearchParams();
  const filter = {
    area: params.get('omrade') ?? '',
    status: (params.get('status') ?? '') as ObservationStatus | '',
    category: (params.get('kategori') ?? '') as ObservationCategory | '',
    overdue: params.get('sen') === '1',
  };
  const ids = { area: useId(), status: useId(), category: useId(), overdue: useId() };
  const areas = useLoad((signal) => (staff ? api().listAreas(signal) : Promise.resolve([])), [staff]);
  const categories = useLoad((signal) => api().listObservationCategories(signal), []);
  const actors = useLoad(
    (signal) => (staff ? api().listActors(undefined, 100, undefined, signal).then((p) => p.items) : Promise.resolve([] as Actor[])),
    [staff],
  );
  const list = useLoad(
    (signal) =>
      staff
        ? api().listObservations(filter.area || undefined, filter.status || undefined, filter.category || undefined, undefined, filter.overdue || undefined, 50, undefined, signal)
        : api().listAssignedObservations(signal).then((items) => ({ items, nextCursor: null })),
    [staff, filter.area, filter.status, filter.category, filter.overdue],
  );
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreProblem, setMoreProblem] = useState<Problem | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const replace = (changed: Observation, message: string) => {
    if (!list.data) return;
    list.set({ ...list.data, items: list.data.items.map((o) => (o.id === changed.id ? changed : o)) });
    setAnnouncement(message);
  };

  const more = async () => {
    const cursor = list.data?.nextCursor;
    if (!cursor || !list.data) return;
    setMoreBusy(true);
    setMoreProblem(null);
    try {
      const page = await api().listObservations(filter.area || undefined, filter.status || undefined, filter.category || undefined, undefined, filter.overdue || undefined, 50, cursor);
      list.set({ items: [...list.data.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      setMoreProblem(toProblem(error));
    } finally {
      setMoreBusy(false);
    }
  };

  const categoryName = (c: CategoryInfo) => (currentLanguage() === 'en' ? c.nameEn : c.name);
  const items = list.data?.items;
  const location = useLocation();
  const [selected, setSelected] = useState<string | null>(null);
  const features = useMemo(
    () =>
      observationFeatures(items ?? [], (o) => {
        const known = categories.data?.find((c) => c.code === o.category);
        const category = known ? categoryName(known) : o.categoryName;
        return t('observations.mapLabel', { number: o.number, category, status: t(`common:observationStatus.${o.status}`) });
      }).map((f) => ({ ...f, href: `${location.pathname}${location.search}#card-${f.id}` })),
    [items, categories.data, location.pathname, location.search, t],
  );

  // A point on the map (or a link) names a card in the address: scroll to it and move focus to its heading.
  useEffect(() => {
    const id = location.hash.startsWith('#card-') ? location.hash.slice('#card-'.length) : null;
    if (!id || !items?.some((o) => o.id === id)) return;
    const card = document.getElementById(`card-${id}`);
    card?.scrollIntoView?.({ block: 'start' });
    document.getElementById(`observation-${id}`)?.focus({ preventScroll: true });
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSelected(id);
  }, [location.hash, items]);

  const newOnly = filter.status === 'reported';

  return (
    <Page
      title={t('observations.title')}
      lead={staff ? t('observations.lead') : t('observations.actorLead')}
      actions={
        <Link className="button" to="/personal/iakttagelser/ny">
          {t('observations.new')}
        </Link>
      }
    >
      {staff && (
        <form className="filters" aria-label={t('observations.filters')} onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor={ids.area}>{t('observations.area')}</label>
            <select id={ids.area} value={filter.area} onChange={(e) => update('omrade', e.target.value)}>
              <option value="">{t('observations.allAreas')}</option>
              {flattenAreas(areas.data ?? [])
                .filter((a) => a.kind === 'neighbourhood')
                .map((a) => (
                  <option key={a.slug} value={a.slug}>
                    {a.name}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.status}>{t('observations.status')}</label>
            <select id={ids.status} value={filter.status} onChange={(e) => update('status', e.target.value)}>
              <option value="">{t('observations.allStatuses')}</option>
              {observationStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`common:observationStatus.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.category}>{t('observations.category')}</label>
            <select id={ids.category} value={filter.category} onChange={(e) => update('kategori', e.target.value)}>
              <option value="">{t('observations.allCategories')}</option>
              {(categories.data ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {categoryName(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="choice" htmlFor={ids.overdue}>
              <input id={ids.overdue} type="checkbox" checked={filter.overdue} onChange={(e) => update('sen', e.target.checked ? '1' : '')} />
              {t('observations.overdueOnly')}
            </label>
          </div>
        </form>
      )}
      {staff && (
        <p className="followup-quick">
          {newOnly ? (
            <Link to={{ search: withoutStatus(params) }}>{t('observations.allReports')}</Link>
          ) : (
            <Link className="button secondary" to={{ search: withStatus(params, 'reported') }}>
              {t('observations.newReports')}
            </Link>
          )}
          <span className="hint">{t('observations.newReportsHint')}</span>
        </p>
      )}
      <p role="status" aria-live="polite">
        {announcement}
      </p>
      <section aria-labelledby="observations-count" aria-busy={list.state === 'loading'}>
        <h2 id="observations-count">
          {items ? t(newOnly ? 'observations.newCount' : 'observations.count', { count: items.length }) : t('observations.title')}
        </h2>
        {list.state === 'failed' && <ProblemAlert problem={list.problem} focus={false} />}
        {list.state === 'loading' && !list.data && <Loading />}
        {items && items.length === 0 && <p>{newOnly ? t('observations.noneNew') : t('observations.none')}</p>}
        {items && items.length > 0 && (
          <Map label={t('observations.mapLabelAll', { count: items.length })} features={features} focus={filter.area || undefined} />
        )}
        <ul className="cards">
          {(items ?? []).map((o) => (
            <li key={o.id} id={cardId(o)}>
              <ObservationCard
                selected={selected === o.id}
                observation={o}
                categoryLabel={categories.data?.find((c) => c.code === o.category)}
                actors={staff ? (actors.data ?? []) : null}
                others={items ?? []}
                onChanged={replace}
              />
            </li>
          ))}
        </ul>
        {moreProblem && <ProblemAlert problem={moreProblem} />}
        {staff && list.data?.nextCursor && (
          <button type="button" className="secondary" onClick={() => void more()} disabled={moreBusy}>
            {t('observations.more')}
          </button>
        )}
      </section>
    </Page>
  );
}

const withStatus = (params: URLSearchParams, status: ObservationStatus) => {
  const next = new URLSearchParams(params);
  next.set('status', status);
  return `?${next.toString()}`;
};

const withoutStatus = (params: URLSearchParams) => {
  const next = new URLSearchParams(params);
  next.delete('status');
  return `?${next.toString()}`;
};

function ObservationCard({
  selected,
  observation: o,
  categoryLabel,
  actors,
  others,
  onChanged,
}: {
  selected: boolean;
  observation: Observation;
  categoryLabel?: CategoryInfo;
  actors: Actor[] | null;
  others: Observation[];
  onChanged: (o: Observation, message: string) => void;
}) {
  const { t } = useTranslation('staff');
  const lang = currentLanguage();
  const category = categoryLabel ? (lang === 'en' ? categoryLabel.nameEn : categoryLabel.name) : o.categoryName;
  const headingId = `observation-${o.id}`;
  const canReview = can(useSession()?.role, 'moderation');
  return (
    <article className={`card${selected ? ' selected' : ''}`} aria-labelledby={headingId}>
      {o.photo && <Thumbnail observation={o} photo={o.photo} />}
      <p className="card-kicker">
        {o.area.name} · {t('observations.reported', { date: formatShortDate(o.reportedAt, lang) })}
      </p>
      <h3 id={headingId} tabIndex={-1}>
        {t('observations.heading', { number: o.number, category })}
      </h3>
      <p>
        <DescriptionText description={o.description} held={o.descriptionHeld} />
        {o.descriptionHeld && canReview && (
          <>
            {' '}
            <Link to="/personal/granska">{t('observations.review')}</Link>
          </>
        )}
      </p>
      <p>
        <span className="badge">{t(`common:observationStatus.${o.status}`)}</span> <span className="badge">{t('observations.severity', { severity: o.severity })}</span>{' '}
        {o.overdue && <span className="badge overdue">{t('observations.overdue')}</span>}
      </p>
      {o.photoHeld && (
        <p>
          {t('observations.photoHeld')}
          {canReview && (
            <>
              {' '}
              <Link to="/personal/granska">{t('observations.reviewPhoto')}</Link>
            </>
          )}
        </p>
      )}
      <dl className="facts">
        <dt>{t('observations.responsible')}</dt>
        <dd>{o.responsible ?? t('observations.nobody')}</dd>
        {o.deadline && (
          <>
            <dt>{t('observations.deadline')}</dt>
            <dd>{formatShortDate(day(o.deadline), lang)}</dd>
          </>
        )}
        {o.statusNote && (
          <>
            <dt>{t('observations.latestNote')}</dt>
            <dd>{o.statusNote}</dd>
          </>
        )}
      </dl>
      <p>
        <Link to={`/iakttagelser/${o.id}`}>{t('observations.publicPage', { number: o.number })}</Link>
      </p>
      <div className="observation-tools">
        {actors && <AssignForm observation={o} actors={actors} onChanged={onChanged} />}
        <StatusForm observation={o} others={others} onChanged={onChanged} />
      </div>
    </article>
  );
}

/** A public photo's thumbnail (cacheable, no token needed), linking to the photo at full size. */
function Thumbnail({ observation: o, photo }: { observation: Observation; photo: NonNullable<Observation['photo']> }) {
  const { t } = useTranslation('staff');
  const size = thumbnailSize(photo.width, photo.height);
  return (
    <a className="observation-photo" href={`${apiBase()}${photo.url}`} target="_blank" rel="noreferrer">
      <img src={`${apiBase()}${photo.thumbnailUrl}`} alt={t('observations.photoAlt', { number: o.number })} width={size.width} height={size.height} loading="lazy" />
    </a>
  );
}

function AssignForm({ observation: o, actors, onChanged }: { observation: Observation; actors: Actor[]; onChanged: (o: Observation, message: string) => void }) {
  const { t } = useTranslation('staff');
  const [actorId, setActorId] = useState(o.responsibleActorId ?? '');
  const [deadline, setDeadline] = useState(o.deadline ?? '');
  const { busy, problem, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const changed = await api().assignObservation(o.id, { actorId, deadline });
      onChanged(changed, t('observations.assigned', { number: o.number, name: changed.responsible ?? '' }));
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <fieldset disabled={busy}>
        <legend>{t('observations.assign')}</legend>
        {problem && <ProblemAlert problem={problem} fieldLabels={{ actorId: t('observations.actor'), deadline: t('observations.deadlineField') }} />}
        <SelectField name="actorId" label={t('observations.actor')} value={actorId} problem={problem} onChange={setActorId}>
          <option value="">{t('observations.chooseActor')}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.organisation}
            </option>
          ))}
        </SelectField>
        <TextField name="deadline" type="date" label={t('observations.deadlineField')} value={deadline} problem={problem} onChange={setDeadline} />
        <button type="submit">{busy ? t('observations.working') : t('observations.assignSubmit')}</button>
      </fieldset>
    </form>
  );
}

function StatusForm({ observation: o, others, onChanged }: { observation: Observation; others: Observation[]; onChanged: (o: Observation, message: string) => void }) {
  const { t } = useTranslation('staff');
  const [status, setStatus] = useState<ObservationStatus | ''>('');
  const [note, setNote] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const { busy, problem: answered, run } = useAction();
  // An actor's note is public as written: what looks like personal data comes back as a 422 with findings, shown
  // next to the note with the words found (in the note as sent) and that it must be rephrased.
  const [sent, setSent] = useState('');
  const words = useFindingWords();
  const problem = withFindingErrors(answered, { note: sent }, (found) => t('common:findings.rephrase', { what: words(found) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(note.trim());
    void run(async () => {
      const changed = await api().changeObservationStatus(o.id, {
        status: status as ObservationStatus,
        note: note.trim() || null,
        duplicateOf: status === 'duplicate' ? duplicateOf || null : null,
      });
      setNote('');
      setStatus('');
      onChanged(changed, t('observations.changed', { number: o.number, status: t(`common:observationStatus.${changed.status}`) }));
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <fieldset disabled={busy}>
        <legend>{t('observations.change')}</legend>
        {problem && <ProblemAlert problem={problem} fieldLabels={{ status: t('observations.newStatus'), note: t('observations.note'), duplicateOf: t('observations.duplicateOf') }} />}
        <SelectField name="status" label={t('observations.newStatus')} value={status} problem={problem} onChange={(v) => setStatus(v as ObservationStatus)}>
          <option value="">—</option>
          {observationStatuses
            .filter((s) => s !== o.status)
            .map((s) => (
              <option key={s} value={s}>
                {t(`common:observationStatus.${s}`)}
              </option>
            ))}
        </SelectField>
        {status === 'duplicate' && (
          <SelectField name="duplicateOf" label={t('observations.duplicateOf')} value={duplicateOf} problem={problem} onChange={setDuplicateOf}>
            <option value="">{t('observations.chooseDuplicate')}</option>
            {others
              .filter((x) => x.id !== o.id)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {t('observations.heading', { number: x.number, category: x.categoryName })}
                </option>
              ))}
          </SelectField>
        )}
        <TextField name="note" multiline rows={2} label={t('observations.note')} hint={t('observations.noteHint')} value={note} problem={problem} onChange={setNote} />
        <button type="submit">{busy ? t('observations.working') : t('observations.statusSubmit')}</button>
      </fieldset>
    </form>
  );
}
