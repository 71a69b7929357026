import type { Observation, ObservationCategory, ParticipantObservationInput } from '@trygghet/client';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { DescriptionText } from '../../shared/DescriptionText';
import { ProblemAlert, fieldErrors } from '../../shared/ProblemAlert';
import { useAction } from '../../shared/useAction';
import { useLoad } from '../../shared/useLoad';
import { PointField } from './PointField';
import { emptyPoint, parsePoint, type MeetingPoint, type PointValue } from './point';
import './observations.css';

interface Draft {
  category: ObservationCategory | '';
  description: string;
  severity: number;
  point: PointValue;
  /** A resident's report only: the photo chosen and the address to follow the report by. */
  photo: File | null;
  email: string;
}

const emptyDraft: Draft = { category: '', description: '', severity: 2, point: emptyPoint, photo: null, email: '' };

/** What a resident's report adds to an observation. */
export interface ReportExtras {
  photo: File | null;
  email: string;
}

/** The largest photo the form sends (the API's default limit; the API says so itself when its limit differs). */
export const maxPhotoBytes = 10 * 1024 * 1024;

/**
 * What an observation is (category, description, severity) and where (the point input); used by
 * walk participants on their manage page and by staff and actors. On success the form starts over
 * for the next observation and says which one was recorded, with a link to its public page.
 */
export function ObservationForm({
  record,
  meeting,
  before,
  onRecorded,
  headingLevel = 2,
  map,
  resident = false,
}: {
  /** Sends the observation to the API (with the photo and address of a resident's report). */
  record: (input: ParticipantObservationInput, extras: ReportExtras) => Promise<Observation>;
  /** Offer a map to tap the place on (see PointField). */
  map?: { area?: string; focus?: string };
  /** A resident's report: a photo and an e-mail address may go with it, and the API names the place's fields `latitude`/`longitude`. */
  resident?: boolean;
  meeting?: MeetingPoint | null;
  /** Fields shown before the point (the staff's walk). */
  before?: ReactNode;
  onRecorded?: (observation: Observation) => void;
  /** The level of the list of what was recorded: one below the heading the form sits under. */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation('observations');
  const lang = currentLanguage();
  const ids = { category: useId(), description: useId(), severity: useId(), photo: useId(), email: useId() };
  const categories = useLoad((signal) => api().listObservationCategories(signal), []);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  // What the app checks itself before sending: a category and a place (the API checks the rest).
  const [missing, setMissing] = useState<{ category: boolean; point: boolean; photoTooLarge: boolean }>({ category: false, point: false, photoTooLarge: false });
  const [recorded, setRecorded] = useState<Observation[]>([]);
  const { busy, problem, setProblem, run } = useAction();
  const doneRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const latest = recorded[0];
  const Heading = headingLevel === 3 ? 'h3' : 'h2';

  useEffect(() => {
    if (latest) doneRef.current?.focus();
  }, [latest]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const point = parsePoint(draft.point);
    const lacking = { category: !draft.category, point: !point, photoTooLarge: (draft.photo?.size ?? 0) > maxPhotoBytes };
    setMissing(lacking);
    if (!point || lacking.category || lacking.photoTooLarge) {
      setProblem(null);
      // Focus goes to the first thing to fix, whose message is tied to it.
      const first = lacking.category
        ? document.getElementById(ids.category)
        : !point
          ? formRef.current?.querySelector<HTMLElement>('.point-field button')
          : document.getElementById(ids.photo);
      first?.focus();
      return;
    }
    void run(async () => {
      const observation = await record({
        category: draft.category as ObservationCategory,
        description: draft.description.trim(),
        severity: draft.severity,
        lat: point.lat,
        lon: point.lon,
      }, { photo: draft.photo, email: draft.email.trim() });
      setDraft(emptyDraft);
      setRecorded((list) => [observation, ...list]);
      onRecorded?.(observation);
    });
  };

  const categoryErrors = missing.category ? [t('form.categoryMissing')] : fieldErrors(problem, 'category');
  const descriptionErrors = fieldErrors(problem, 'description');
  const severityErrors = fieldErrors(problem, 'severity');
  // A photo the API would not take comes back as 413 or 415; the message belongs next to the photo.
  const photoErrors = missing.photoTooLarge
    ? [t('report.photoTooLarge', { megabytes: maxPhotoBytes / 1024 / 1024 })]
    : problem && (problem.status === 413 || problem.status === 415)
      ? [problem.detail ?? problem.title]
      : fieldErrors(problem, 'photo');
  const emailErrors = fieldErrors(problem, 'email');
  // A 422 here is the point outside the district: it belongs next to the place.
  const placeError = missing.point ? t('point.missing') : problem?.status === 422 ? (problem.detail ?? problem.title) : undefined;
  const chosenCategory = categories.data?.find((c) => c.code === draft.category);
  const fieldLabels = {
    category: t('form.category'), description: t('form.description'), severity: t('form.severity'), lat: t('point.lat'), lon: t('point.lon'),
    latitude: t('point.lat'), longitude: t('point.lon'), photo: t('report.photo'), email: t('report.email'),
  };

  return (
    <div className="observation-form">
      {latest && (
        <div className="notice" role="status" tabIndex={-1} ref={doneRef}>
          <p>
            <strong>{t('form.recorded', { number: latest.number, status: t(`common:observationStatus.${latest.status}`) })}</strong> {t('form.recordedIn', { area: latest.area.name })}
          </p>
          {latest.descriptionHeld && <p>{t('form.held')}</p>}
          {latest.photoHeld && <p>{t('report.photoHeld')}</p>}
          <p>
            <Link to={`/iakttagelser/${latest.id}`}>{t('form.publicPage', { number: latest.number })}</Link>
          </p>
          <p>{t('form.next')}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate ref={formRef}>
        {problem && <ProblemAlert problem={problem} fieldLabels={fieldLabels} />}
        {categories.state === 'failed' && <ProblemAlert problem={{ ...categories.problem, title: t('form.categoriesFailed') }} focus={false} />}
        {before}
        <div className="field">
          <label htmlFor={ids.category}>{t('form.category')}</label>
          <select
            id={ids.category}
            value={draft.category}
            onChange={(e) => set('category', e.target.value as ObservationCategory)}
            disabled={busy}
            aria-invalid={categoryErrors ? true : undefined}
            aria-describedby={[chosenCategory ? `${ids.category}-hint` : '', categoryErrors ? `${ids.category}-error` : ''].filter(Boolean).join(' ') || undefined}
          >
            <option value="">{t('form.chooseCategory')}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {lang === 'en' ? c.nameEn : c.name}
              </option>
            ))}
          </select>
          {chosenCategory && (
            <p className="hint" id={`${ids.category}-hint`}>
              {chosenCategory.description}
            </p>
          )}
          {categoryErrors && (
            <p className="field-error" id={`${ids.category}-error`}>
              {categoryErrors.join(' ')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.description}>{t('form.description')}</label>
          <p className="hint" id={`${ids.description}-hint`}>
            {t('form.descriptionHint')}
          </p>
          <textarea
            id={ids.description}
            rows={4}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
            disabled={busy}
            aria-invalid={descriptionErrors ? true : undefined}
            aria-describedby={[`${ids.description}-hint`, descriptionErrors ? `${ids.description}-error` : ''].filter(Boolean).join(' ')}
          />
          {descriptionErrors && (
            <p className="field-error" id={`${ids.description}-error`}>
              {descriptionErrors.join(' ')}
            </p>
          )}
        </div>
        <fieldset disabled={busy} aria-describedby={severityErrors ? `${ids.severity}-error` : undefined}>
          <legend>{t('form.severity')}</legend>
          {severityErrors && (
            <p className="field-error" id={`${ids.severity}-error`}>
              {severityErrors.join(' ')}
            </p>
          )}
          {[1, 2, 3].map((level) => (
            <label key={level} className="choice">
              <input type="radio" name={ids.severity} value={level} checked={draft.severity === level} onChange={() => set('severity', level)} />
              {t(`form.severityValue.${level}`)}
            </label>
          ))}
        </fieldset>
        <PointField value={draft.point} onChange={(point) => set('point', point)} meeting={meeting} problem={problem} error={placeError} disabled={busy} map={map} search={resident} fields={resident ? { lat: 'latitude', lon: 'longitude' } : undefined} />
        {resident && (
          <>
            <PhotoField id={ids.photo} photo={draft.photo} onChange={(photo) => set('photo', photo)} errors={photoErrors} disabled={busy} />
            <div className="field">
              <label htmlFor={ids.email}>{t('report.email')}</label>
              <p className="hint" id={`${ids.email}-hint`}>
                {t('report.emailHint')}
              </p>
              <input
                id={ids.email}
                type="email"
                autoComplete="email"
                inputMode="email"
                value={draft.email}
                onChange={(e) => set('email', e.target.value)}
                disabled={busy}
                aria-invalid={emailErrors ? true : undefined}
                aria-describedby={[`${ids.email}-hint`, emailErrors ? `${ids.email}-error` : ''].filter(Boolean).join(' ')}
              />
              {emailErrors && (
                <p className="field-error" id={`${ids.email}-error`}>
                  {emailErrors.join(' ')}
                </p>
              )}
            </div>
          </>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('form.sending') : t('form.submit')}
        </button>
      </form>
      {recorded.length > 1 && (
        <section aria-labelledby={`${ids.category}-mine`}>
          <Heading id={`${ids.category}-mine`}>{t('form.mine')}</Heading>
          <ul>
            {recorded.map((o) => (
              <li key={o.id}>
                <Link to={`/iakttagelser/${o.id}`}>{t('form.publicPage', { number: o.number })}</Link> – {o.categoryName}, {o.area.name}
                {o.descriptionHeld && (
                  <>
                    {' · '}
                    <DescriptionText held />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** One photo, chosen from the device or taken with its camera, shown before it is sent and removable. */
function PhotoField({ id, photo, onChange, errors, disabled }: { id: string; photo: File | null; onChange: (photo: File | null) => void; errors?: string[]; disabled?: boolean }) {
  const { t } = useTranslation('observations');
  const input = useRef<HTMLInputElement>(null);
  const preview = useMemo(() => (photo && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(photo) : null), [photo]);
  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  // The form starting over empties the file input too.
  useEffect(() => {
    if (!photo && input.current) input.current.value = '';
  }, [photo]);

  return (
    <div className="field photo-field">
      <label htmlFor={id}>{t('report.photo')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('report.photoHint')}
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
        disabled={disabled}
        aria-invalid={errors ? true : undefined}
        aria-describedby={[`${id}-hint`, errors ? `${id}-error` : ''].filter(Boolean).join(' ')}
      />
      {errors && (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
      {photo && (
        <div className="photo-chosen">
          {preview && <img src={preview} alt={t('report.photoPreview')} />}
          <p>
            {t('report.photoChosen', { name: photo.name, size: (photo.size / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 }) })}{' '}
            <button type="button" className="secondary" onClick={() => onChange(null)} disabled={disabled}>
              {t('report.photoRemove')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
