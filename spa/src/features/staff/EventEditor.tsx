import type { AreaNode, EventPlan } from '@trygghet/client';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, toProblem, type Problem } from '../../shared/api';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { RouteEditor } from '../../shared/map/RouteEditor';
import { startHistory, type RouteHistory } from '../../shared/map/routeEditing';
import { useLoad } from '../../shared/useLoad';
import { eventPath, flattenAreas } from '../events/upcoming';
import { emptyForm, etagOf, formats, formToInput, kinds, missingFields, participationLevels, planToForm, type EventForm } from './eventForm';
import { SelectField, TextField } from './fields';
import { InvitationsPanel, RegistrationSummaryPanel } from './InvitationsPanel';
import { LifecyclePanel } from './LifecyclePanel';
import { PublishPanel } from './PublishPanel';
import { TranslationsPanel } from './TranslationsPanel';
import { StatusBadge } from './StatusBadge';
import './staff.css';

/** `/personal/evenemang/ny` plans a new event; `/personal/evenemang/:id` edits one and runs its lifecycle. */
export function EventEditor() {
  const { id } = useParams();
  return id ? <ExistingEvent key={id} id={id} /> : <NewEvent />;
}

function NewEvent() {
  const { t } = useTranslation('staff');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const initial = useMemo(
    () => emptyForm({ kind: params.get('typ'), areaSlug: params.get('omrade'), title: params.get('titel') }),
    [params],
  );
  return (
    <Page title={t('editor.newTitle')}>
      <EventFormView
        plan={null}
        initial={initial}
        onSaved={(plan) => void navigate(`/personal/evenemang/${plan.id}`, { state: { created: true } })}
      />
    </Page>
  );
}

function ExistingEvent({ id }: { id: string }) {
  const { t } = useTranslation('staff');
  const location = useLocation();
  const loaded = useLoad((signal) => api().getEventPlan(id, signal), [id]);
  // A new generation re-initialises the form from the plan (after "load the latest version").
  const [generation, setGeneration] = useState(0);
  const [changes, setChanges] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const created = (location.state as { created?: boolean } | null)?.created === true;

  if (loaded.state === 'failed' && !loaded.data) {
    return (
      <Page title={t('editor.editTitle')}>
        <ProblemAlert problem={loaded.problem} />
      </Page>
    );
  }
  if (!loaded.data) return <Loading />;
  const plan = loaded.data;

  const reloadLatest = async () => {
    const fresh = await api().getEventPlan(id);
    loaded.set(fresh);
    setGeneration((g) => g + 1);
  };
  const changed = (next: EventPlan, message?: string) => {
    loaded.set(next);
    setChanges((c) => c + 1);
    setNotice(message ?? null);
  };
  const live = plan.status === 'published' || plan.status === 'rescheduled';

  return (
    <Page title={`${t('editor.editTitle')}: ${plan.title}`} lead={<StatusBadge status={plan.status} />}>
      <div role="status" aria-live="polite">
        {created && changes === 0 && <p className="notice">{t('editor.created')}</p>}
        {notice && <p className="notice">{notice}</p>}
      </div>
      {plan.cancelReason && <p className="notice warn">{t('lifecycle.cancelledReason', { reason: plan.cancelReason })}</p>}
      {plan.publishOverride && <p className="notice warn">{t('publish.override', { reason: plan.publishOverride })}</p>}
      <nav aria-label={t('editor.links')} className="actions">
        <Link to="/personal/evenemang">{t('editor.back')}</Link>
        {plan.status !== 'draft' && <Link to={eventPath(plan)}>{t('editor.publicPage')}</Link>}
        {plan.kind === 'dialogue' && <Link to={`/personal/evenemang/${plan.id}/fragor`}>{t('editor.moderation')}</Link>}
        {plan.status !== 'draft' && <Link to={`/personal/evenemang/${plan.id}/anmalningar`}>{t('editor.registrations')}</Link>}
      </nav>
      <EventFormView key={generation} plan={plan} initial={planToForm(plan)} onSaved={(p) => changed(p)} onReloadLatest={reloadLatest} />
      {plan.status === 'draft' && <PublishPanel key={`publish-${changes}`} plan={plan} onPublished={(p) => changed(p, t('publish.published'))} />}
      {(live || plan.status === 'held') && <LifecyclePanel plan={plan} onChanged={changed} />}
      <InvitationsPanel eventId={plan.id} onInvited={() => setChanges((c) => c + 1)} />
      <TranslationsPanel key={`translations-${plan.version}`} plan={plan} />
      {plan.status !== 'draft' && (
        <RegistrationSummaryPanel eventId={plan.id}>
          <p>
            <Link to={`/personal/evenemang/${plan.id}/anmalningar`}>{t('summary.open')}</Link>
          </p>
        </RegistrationSummaryPanel>
      )}
    </Page>
  );
}

function EventFormView({
  plan,
  initial,
  onSaved,
  onReloadLatest,
}: {
  plan: EventPlan | null;
  initial: EventForm;
  onSaved: (plan: EventPlan) => void;
  onReloadLatest?: () => Promise<void>;
}) {
  const { t } = useTranslation('staff');
  const areas = useLoad((signal) => api().listAreas(signal), []);
  const [form, setForm] = useState<EventForm>(initial);
  const [walkPlace, setWalkPlace] = useState<RouteHistory>(() => startHistory(initial.walkPlace));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  const editable = !plan || plan.status === 'draft' || plan.status === 'published' || plan.status === 'rescheduled';
  const timesLocked = !!plan && plan.status !== 'draft';
  const areaOptions: AreaNode[] = areas.data ? flattenAreas(areas.data).filter((a) => a.kind !== 'city') : [];
  const onSite = form.format !== 'remote';
  const remote = form.format !== 'onSite';

  const labels: Record<string, string> = {
    title: t('editor.title'),
    areaSlug: t('editor.area'),
    startsAt: t('editor.startsAt'),
    endsAt: t('editor.endsAt'),
    remoteUrl: t('editor.remoteUrl'),
    'venue.address': t('editor.venueAddress'),
    'venue.accessibilityNotes': t('editor.accessibility'),
    'walk.meetingPoint': t('editor.meetingPoint'),
    'walk.route': t('editor.route'),
    'walk.meetingLat': t('editor.meetingPosition'),
    'walk.meetingLon': t('editor.meetingPosition'),
    registrationDeadline: t('editor.deadline'),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setConflict(false);
    const missing = missingFields(form);
    if (missing) {
      setProblem({ ...missing, title: t('editor.required'), errors: Object.fromEntries(Object.keys(missing.errors).map((k) => [k, [t('editor.requiredField')]])) });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const input = formToInput(form, plan ?? undefined);
      const result = plan ? await api().updateEvent(plan.id, etagOf(plan), input) : await api().createEvent(input);
      setSaved(true);
      onSaved(result);
    } catch (error) {
      const p = toProblem(error);
      if (p.status === 412) setConflict(true);
      setProblem(p);
    } finally {
      setBusy(false);
    }
  };

  const agendaItem = (index: number, key: 'title' | 'minutes', value: string) =>
    set(
      'agenda',
      form.agenda.map((item, i) => (i === index ? { ...item, [key]: value } : item)),
    );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="editor-form-heading">
      <h2 id="editor-form-heading" className="visually-hidden">
        {plan ? t('editor.editTitle') : t('editor.newTitle')}
      </h2>
      {!editable && plan && <p className="notice warn">{t('editor.readOnly', { status: t(`status.${plan.status}`).toLowerCase() })}</p>}
      {problem && !conflict && <ProblemAlert problem={problem} fieldLabels={labels} />}
      {conflict && (
        <div className="problem" role="alert">
          <p>{t('editor.conflict')}</p>
          <button type="button" className="secondary" onClick={() => void onReloadLatest?.()}>
            {t('editor.reload')}
          </button>
        </div>
      )}
      <fieldset disabled={!editable || busy}>
        <legend>{t('editor.basics')}</legend>
        <div className="form-grid">
          <SelectField name="kind" label={t('editor.kind')} value={form.kind} problem={problem} disabled={!!plan} onChange={(v) => set('kind', v as EventForm['kind'])}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`common:kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="areaSlug" label={t('editor.area')} value={form.areaSlug} problem={problem} required onChange={(v) => set('areaSlug', v)}>
            <option value="">{t('editor.chooseArea')}</option>
            {areaOptions.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.kind === 'district' ? a.name : `\u2003${a.name}`}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField name="title" label={t('editor.title')} hint={t('editor.titleHint')} value={form.title} problem={problem} required onChange={(v) => set('title', v)} />
        <div className="form-grid">
          <SelectField name="format" label={t('editor.format')} value={form.format} problem={problem} onChange={(v) => set('format', v as EventForm['format'])}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {t(`common:format.${f}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="participationLevel"
            label={t('editor.participation')}
            hint={t('editor.participationHint')}
            value={form.participationLevel}
            problem={problem}
            onChange={(v) => set('participationLevel', v as EventForm['participationLevel'])}
          >
            {participationLevels.map((p) => (
              <option key={p} value={p}>
                {t(`participation.${p}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <fieldset disabled={!editable || busy || timesLocked}>
        <legend>{t('editor.time')}</legend>
        {timesLocked && editable && <p className="hint">{t('editor.timesLocked')}</p>}
        <div className="form-grid">
          <TextField name="startsAt" type="datetime-local" label={t('editor.startsAt')} hint={t('editor.timeHint')} value={form.startsAt} problem={problem} required onChange={(v) => set('startsAt', v)} />
          <TextField name="endsAt" type="datetime-local" label={t('editor.endsAt')} hint={t('editor.timeHint')} value={form.endsAt} problem={problem} required onChange={(v) => set('endsAt', v)} />
        </div>
      </fieldset>

      <fieldset disabled={!editable || busy}>
        <legend>{t('editor.content')}</legend>
        <TextField name="description" multiline label={t('editor.description')} value={form.description} problem={problem} onChange={(v) => set('description', v)} />
        <TextField name="problem" multiline rows={3} label={t('editor.problem')} value={form.problem} problem={problem} onChange={(v) => set('problem', v)} />
        <div className="form-grid">
          <TextField name="place" label={t('editor.place')} value={form.place} problem={problem} onChange={(v) => set('place', v)} />
          <TextField name="method" label={t('editor.method')} hint={t('editor.methodHint')} value={form.method} problem={problem} onChange={(v) => set('method', v)} />
        </div>
      </fieldset>

      {onSite && (
        <fieldset disabled={!editable || busy}>
          <legend>{t('editor.venue')}</legend>
          <div className="form-grid">
            <TextField name="venue.name" label={t('editor.venueName')} value={form.venueName} problem={problem} onChange={(v) => set('venueName', v)} />
            <TextField name="venue.address" label={t('editor.venueAddress')} value={form.venueAddress} problem={problem} onChange={(v) => set('venueAddress', v)} />
          </div>
          <TextField
            name="venue.accessibilityNotes"
            multiline
            rows={3}
            label={t('editor.accessibility')}
            hint={t('editor.accessibilityHint')}
            value={form.accessibilityNotes}
            problem={problem}
            onChange={(v) => set('accessibilityNotes', v)}
          />
        </fieldset>
      )}

      {remote && (
        <fieldset disabled={!editable || busy}>
          <legend>{t('editor.remote')}</legend>
          <TextField name="remoteUrl" type="url" label={t('editor.remoteUrl')} hint={t('editor.remoteUrlHint')} value={form.remoteUrl} problem={problem} onChange={(v) => set('remoteUrl', v)} />
        </fieldset>
      )}

      {form.kind === 'walk' && (
        <fieldset disabled={!editable || busy}>
          <legend>{t('editor.walk')}</legend>
          <div className="form-grid">
            <TextField name="walk.meetingPoint" label={t('editor.meetingPoint')} value={form.meetingPoint} problem={problem} onChange={(v) => set('meetingPoint', v)} />
            <SelectField name="walk.lightCondition" label={t('editor.light')} value={form.lightCondition} problem={problem} onChange={(v) => set('lightCondition', v as EventForm['lightCondition'])}>
              <option value="darkness">{t('editor.lightCondition.darkness')}</option>
              <option value="daylight">{t('editor.lightCondition.daylight')}</option>
            </SelectField>
          </div>
          <h3>{t('editor.route')}</h3>
          <RouteEditor
            history={walkPlace}
            onChange={(next) => {
              setWalkPlace(next);
              set('walkPlace', next.current);
            }}
            problem={problem}
            area={form.areaSlug || undefined}
            disabled={!editable || busy}
          />
        </fieldset>
      )}

      <fieldset disabled={!editable || busy}>
        <legend>{t('editor.registration')}</legend>
        <div className="form-grid">
          {onSite && (
            <TextField name="capacityOnSite" type="number" min={0} label={t('editor.capacityOnSite')} hint={t('editor.capacityHint')} value={form.capacityOnSite} problem={problem} onChange={(v) => set('capacityOnSite', v)} />
          )}
          {remote && (
            <TextField name="capacityRemote" type="number" min={0} label={t('editor.capacityRemote')} hint={t('editor.capacityHint')} value={form.capacityRemote} problem={problem} onChange={(v) => set('capacityRemote', v)} />
          )}
          <TextField
            name="registrationDeadline"
            type="datetime-local"
            label={t('editor.deadline')}
            hint={t('editor.deadlineHint')}
            value={form.registrationDeadline}
            problem={problem}
            disabled={timesLocked}
            onChange={(v) => set('registrationDeadline', v)}
          />
        </div>
      </fieldset>

      <fieldset disabled={!editable || busy}>
        <legend>{t('editor.agenda')}</legend>
        {form.agenda.length === 0 && <p className="hint">{t('editor.agendaNone')}</p>}
        <ol className="agenda">
          {form.agenda.map((item, index) => (
            <li key={index} className="agenda-item">
              <TextField name={`agenda[${index}].title`} label={t('editor.agendaTitle', { n: index + 1 })} value={item.title} problem={problem} onChange={(v) => agendaItem(index, 'title', v)} />
              <TextField name={`agenda[${index}].minutes`} type="number" min={1} label={t('editor.agendaMinutes', { n: index + 1 })} value={item.minutes} problem={problem} onChange={(v) => agendaItem(index, 'minutes', v)} />
              <button type="button" className="secondary" onClick={() => set('agenda', form.agenda.filter((_, i) => i !== index))}>
                {t('editor.removeItem', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="secondary" onClick={() => set('agenda', [...form.agenda, { title: '', minutes: '' }])}>
          {t('editor.addItem')}
        </button>
      </fieldset>

      {editable && (
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('editor.saving') : plan ? t('editor.save') : t('editor.create')}
          </button>
          <p role="status" aria-live="polite" className="hint">
            {saved && plan ? t('editor.saved') : ''}
          </p>
        </div>
      )}
    </form>
  );
}
