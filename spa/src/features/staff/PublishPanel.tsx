import type { EventPlan, PublicationCheck, PublicationReport } from '@trygghet/client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type Problem } from '../../shared/api';
import { Loading } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';

/** The routine's verdict as the publish form needs it: may it go out, and must staff say why? */
export function publishState(report: PublicationReport | null | undefined): 'unknown' | 'ready' | 'needsReason' {
  if (!report) return 'unknown';
  return report.checks.some((c) => !c.passed && c.blocking) ? 'needsReason' : 'ready';
}

function checksOf(problem: Problem): PublicationCheck[] | null {
  const checks = problem.extensions.checks;
  return Array.isArray(checks) ? (checks as PublicationCheck[]) : null;
}

/**
 * Publishing a draft: the routine's checks (a dry run) with each result in words, then publish.
 * When a blocking check fails, publishing anyway needs a reason, which the API keeps and audits.
 */
export function PublishPanel({ plan, onPublished }: { plan: EventPlan; onPublished: (plan: EventPlan) => void }) {
  const { t } = useTranslation('staff');
  const ids = { reason: useId(), reasonHint: useId(), reasonError: useId() };
  const check = useLoad((signal) => api().checkPublication(plan.id, signal), [plan.id]);
  const [override, setOverride] = useState<PublicationReport | null>(null);
  const report = override ?? check.data;
  const state = publishState(report);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (state === 'needsReason' && !reason.trim()) {
      setReasonMissing(true);
      document.getElementById(ids.reason)?.focus();
      return;
    }
    setReasonMissing(false);
    setBusy(true);
    setProblem(null);
    try {
      const published = await api().publishEvent(plan.id, { overrideReason: state === 'needsReason' ? reason.trim() : null });
      onPublished(published);
    } catch (error) {
      const p = toProblem(error);
      const checks = checksOf(p);
      // The routine ran again on publish and found something the dry run did not: show it, ask for a reason.
      if (p.status === 422 && checks) setOverride({ ready: false, checks });
      setProblem(p);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('publish.heading')}</h2>
      <p>{t('publish.lead')}</p>
      {check.state === 'failed' && <ProblemAlert problem={check.problem} focus={false} />}
      {check.state === 'loading' && !report && <Loading />}
      {report && (
        <>
          <h3>{t('publish.results')}</h3>
          <ul className="checks" aria-busy={check.state === 'loading'}>
            {report.checks.map((c) => (
              <li key={c.name} className={c.passed ? 'passed' : c.blocking ? 'failed' : 'warned'}>
                <span className="verdict">
                  {t(`publish.name.${c.name}`, { defaultValue: c.name })}: {c.passed ? t('publish.passed') : c.blocking ? t('publish.failed') : t('publish.warning')}
                </span>
                <br />
                {c.message}
              </li>
            ))}
          </ul>
          <p className={state === 'ready' ? 'notice' : 'notice warn'} role="status">
            {state === 'ready' ? t('publish.ready') : t('publish.notReady')}
          </p>
        </>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setOverride(null);
          check.reload();
        }}
        disabled={check.state === 'loading'}
      >
        {check.state === 'loading' ? t('publish.checking') : t('publish.recheck')}
      </button>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {problem && <ProblemAlert problem={problem} />}
        {state === 'needsReason' && (
          <div className="field">
            <label htmlFor={ids.reason}>{t('publish.overrideReason')}</label>
            <textarea
              id={ids.reason}
              rows={3}
              value={reason}
              required
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonMissing || undefined}
              aria-describedby={reasonMissing ? ids.reasonError : undefined}
            />
            {reasonMissing && (
              <p className="field-error" id={ids.reasonError}>
                {t('publish.reasonRequired')}
              </p>
            )}
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={busy || state === 'unknown'}>
            {busy ? t('publish.submitting') : t('publish.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
