import type { EventPlan, StaffRegistration } from '@trygghet/client';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api, toProblem, type Problem } from '../../shared/api';
import { formatDate, formatShortDate, formatTime } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { fieldErrors, ProblemAlert } from '../../shared/ProblemAlert';
import { useAction } from '../../shared/useAction';
import { useLoad } from '../../shared/useLoad';
import { RegistrationSummaryPanel } from '../staff/InvitationsPanel';
import {
  checkInResult, csvFileName, downloadText, exportRegistrationsCsv, replaceRegistration, type CheckInResult,
} from './staffRegistrations';
import '../staff/staff.css';
import './registrations.css';

const pageSize = 50;

/** Codes as the API reads them: without spaces and dashes, in capitals. */
const normalise = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/**
 * `/personal/evenemang/:id/anmalningar`: an event's registrations for staff. Check-in at the door by code, the
 * counts, the list with personal data (every read audited by the API) and the CSV.
 */
export function RegistrationsPage() {
  const { t } = useTranslation('registrations');
  const { id = '' } = useParams();
  const plan = useLoad((signal) => api().getEventPlan(id, signal), [id]);
  if (plan.state === 'failed' && !plan.data) {
    return (
      <Page title={t('staff.titleShort')}>
        <ProblemAlert problem={plan.problem} />
      </Page>
    );
  }
  if (!plan.data) return <Loading />;
  return <Registrations key={id} plan={plan.data} />;
}

function Registrations({ plan }: { plan: EventPlan }) {
  const { t } = useTranslation('registrations');
  const lang = currentLanguage();
  const [refresh, setRefresh] = useState(0);
  const list = useRegistrationList(plan.id);

  const { replace, find } = list;
  const onCheckedIn = useCallback((registration: StaffRegistration) => {
    replace(registration);
    setRefresh((r) => r + 1);
  }, [replace]);
  const door = useCheckIn(plan.id, find, onCheckedIn);

  return (
    <Page title={t('staff.title', { title: plan.title })} lead={formatDate(plan.startsAt, lang)}>
      <p>
        <Link to={`/personal/evenemang/${plan.id}`}>{t('staff.back')}</Link>
      </p>
      <CheckInForm door={door} />
      <RegistrationSummaryPanel eventId={plan.id} refresh={refresh} />
      <RegistrationList list={list} door={door} />
      <ExportPanel plan={plan} />
    </Page>
  );
}

/** The first page of registrations, more on request, and single registrations replaced after a check-in. */
function useRegistrationList(eventId: string) {
  const first = useLoad((signal) => api().listRegistrations(eventId, pageSize, undefined, signal), [eventId]);
  const [items, setItems] = useState<StaffRegistration[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const more = useAction();
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  // A new first page (another event, a reload) starts the list over.
  const [firstShown, setFirstShown] = useState(first.data);
  if (first.data && first.data !== firstShown) {
    setFirstShown(first.data);
    setItems(first.data.items);
    setCursor(first.data.nextCursor ?? null);
  }

  const loadMore = () => {
    if (!cursor) return;
    void more.run(async () => {
      const page = await api().listRegistrations(eventId, pageSize, cursor);
      setItems((current) => {
        const known = new Set(current.map((r) => r.id));
        return [...current, ...page.items.filter((r) => !known.has(r.id))];
      });
      setCursor(page.nextCursor ?? null);
    });
  };
  const replace = useCallback((updated: StaffRegistration) => setItems((current) => replaceRegistration(current, updated)), []);
  const find = useCallback((code: string) => itemsRef.current.find((r) => r.checkInCode === normalise(code)), []);
  return { first, items, cursor, more, loadMore, replace, find };
}

type RegistrationList = ReturnType<typeof useRegistrationList>;

/** One check-in at a time against the API; the result or the problem for the door, with a serial so a repeat is announced again. */
function useCheckIn(eventId: string, find: (code: string) => StaffRegistration | undefined, onCheckedIn: (r: StaffRegistration) => void) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(CheckInResult & { serial: number }) | null>(null);
  const [problem, setProblem] = useState<(Problem & { serial: number }) | null>(null);
  const serial = useRef(0);
  const inFlight = useRef(false);

  const checkIn = useCallback(async (code: string): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    const known = find(code);
    const sentAt = Date.now();
    try {
      const registration = await api().checkIn(eventId, { code });
      serial.current += 1;
      setProblem(null);
      setResult({ ...checkInResult(registration, sentAt, known), serial: serial.current });
      onCheckedIn(registration);
      return true;
    } catch (error) {
      serial.current += 1;
      setResult(null);
      setProblem({ ...toProblem(error), serial: serial.current });
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, [eventId, find, onCheckedIn]);

  const fail = useCallback((message: string) => {
    serial.current += 1;
    setResult(null);
    setProblem({ status: 400, title: message, errors: {}, extensions: {}, serial: serial.current });
  }, []);

  return { busy, result, problem, checkIn, fail };
}

type Door = ReturnType<typeof useCheckIn>;

/**
 * The door's form: type or paste a code, press Enter. The outcome is announced, and the code field keeps the focus,
 * emptied after a check-in and with the code selected after a problem, so the next one can be typed at once.
 */
function CheckInForm({ door }: { door: Door }) {
  const { t } = useTranslation('registrations');
  const lang = currentLanguage();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (door.busy) return;
    if (!code.trim()) {
      door.fail(t('staff.checkIn.empty'));
      input.current?.focus();
      return;
    }
    const ok = await door.checkIn(code.trim());
    if (ok) setCode('');
    input.current?.focus();
    if (!ok) input.current?.select();
  };

  const { result, problem } = door;
  const codeErrors = fieldErrors(problem, 'code');
  const describedBy = [`${id}-hint`, problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  const registration = result?.registration;
  const who = registration?.name || t('staff.checkIn.noName');
  const mode = registration ? t(`staff.mode.${registration.mode}`) : '';

  return (
    <section className="panel checkin" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('staff.checkIn.heading')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate className="checkin-form">
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('staff.checkIn.code')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('staff.checkIn.hint')}
          </p>
          <div className="checkin-row">
            <input
              id={`${id}-code`}
              ref={input}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              readOnly={door.busy}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              className="checkin-code"
              aria-invalid={problem ? true : undefined}
              aria-describedby={describedBy}
            />
            <button type="submit" disabled={door.busy}>
              {door.busy ? t('staff.checkIn.submitting') : t('staff.checkIn.submit')}
            </button>
          </div>
        </div>
      </form>
      <div role="status" aria-live="polite" aria-atomic="true">
        {result && registration && (
          <div key={result.serial} className={`checkin-result ${result.already || registration.status === 'waitlisted' ? 'warn' : 'ok'}`}>
            <p className="checkin-big">
              {result.already
                ? t('staff.checkIn.already', { time: registration.checkedInAt ? formatTime(registration.checkedInAt, lang) : '', who, mode })
                : t('staff.checkIn.done', { who, mode })}
            </p>
            {registration.status === 'waitlisted' && (
              <p>
                {registration.waitlistPosition
                  ? t('staff.checkIn.waitlisted', { position: registration.waitlistPosition })
                  : t('staff.checkIn.waitlistedNoPosition')}
              </p>
            )}
            {registration.accessibilityNeeds && <p>{t('staff.checkIn.needs', { needs: registration.accessibilityNeeds })}</p>}
          </div>
        )}
      </div>
      <div role="alert" aria-atomic="true">
        {problem && (
          <div key={problem.serial} className="checkin-result failed" id={`${id}-problem`}>
            <p className="checkin-big">{t('staff.checkIn.failed')}</p>
            <p>{codeErrors ? codeErrors.join(' ') : problem.status === 0 ? t('common:error.offline') : (problem.detail ?? problem.title)}</p>
          </div>
        )}
      </div>
    </section>
  );
}

function RegistrationList({ list, door }: { list: RegistrationList; door: Door }) {
  // The mode column reads the staff area's names for on site and remote, as the summary above it does.
  const { t } = useTranslation(['registrations', 'staff']);
  const lang = currentLanguage();
  const { first, items } = list;
  const checkInState = (r: StaffRegistration) => {
    if (r.checkedInAt) return t('staff.list.checkedInAt', { time: formatTime(r.checkedInAt, lang) });
    if (r.joinedAt) return t('staff.list.joinedAt', { time: formatTime(r.joinedAt, lang) });
    return t('staff.list.notCheckedIn');
  };
  return (
    <section className="panel" aria-labelledby="registrations-heading">
      <h2 id="registrations-heading">{t('staff.list.heading')}</h2>
      <p className="notice warn">{t('staff.list.logged')}</p>
      {first.state === 'failed' && <ProblemAlert problem={first.problem} focus={false} />}
      {first.state === 'loading' && !first.data && <Loading />}
      {first.data && items.length === 0 && <p>{t('staff.list.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('staff.list.heading')}>
          <table className="registrations">
            <caption className="visually-hidden">{t('staff.list.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.list.name')}</th>
                <th scope="col">{t('staff.list.email')}</th>
                <th scope="col">{t('staff.list.mode')}</th>
                <th scope="col">{t('staff.list.status')}</th>
                <th scope="col">{t('staff.list.needs')}</th>
                <th scope="col">{t('staff.list.checkedIn')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.erasedAt ? t('staff.list.erased', { date: formatShortDate(r.erasedAt, lang) }) : r.name || t('staff.list.noName')}
                  </th>
                  <td>{r.email ?? ''}</td>
                  <td>{t(`staff:summary.${r.mode}`)}</td>
                  <td>
                    {t(`staff.list.statusValue.${r.status}`)}
                    {r.status === 'waitlisted' && r.waitlistPosition ? ` (${t('staff.list.position', { position: r.waitlistPosition })})` : ''}
                  </td>
                  <td>{r.accessibilityNeeds ?? ''}</td>
                  <td>
                    {checkInState(r)}
                    {!r.checkedInAt && r.status !== 'cancelled' && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="secondary small"
                          disabled={door.busy}
                          aria-label={t('staff.checkIn.row', { who: r.name || r.email || t('staff.checkIn.noName') })}
                          onClick={() => void door.checkIn(r.checkInCode)}
                        >
                          {t('staff.checkIn.submit')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p role="status" aria-live="polite" className="hint">
        {items.length > 0 ? t('staff.list.shown', { count: items.length }) : ''}
      </p>
      {list.more.problem && <ProblemAlert problem={list.more.problem} />}
      {list.cursor && (
        <button type="button" className="secondary" disabled={list.more.busy} onClick={list.loadMore}>
          {list.more.busy ? t('staff.list.loadingMore') : t('staff.list.more')}
        </button>
      )}
    </section>
  );
}

/** The CSV of every registration, offered as a file; it holds personal data, and the API logs the export. */
function ExportPanel({ plan }: { plan: EventPlan }) {
  const { t } = useTranslation('registrations');
  const { busy, problem, run } = useAction();
  const [file, setFile] = useState<string | null>(null);
  const download = () => {
    setFile(null);
    void run(async () => {
      const csv = await exportRegistrationsCsv(plan.id);
      const name = csvFileName(plan.slug || plan.id);
      downloadText(csv, name);
      setFile(name);
    });
  };
  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('staff.export.heading')}</h2>
      <p>{t('staff.export.note')}</p>
      {problem && <ProblemAlert problem={problem} />}
      <button type="button" disabled={busy} onClick={download}>
        {busy ? t('staff.export.busy') : t('staff.export.button')}
      </button>
      <p role="status" aria-live="polite" className="hint">
        {file ? t('staff.export.done', { file }) : ''}
      </p>
    </section>
  );
}
