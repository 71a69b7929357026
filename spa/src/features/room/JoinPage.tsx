import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, toProblem, type Problem } from '../../shared/api';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';

/**
 * The short link on the room's screen (`/q/<code>`): finds the dialogue of the code and goes on to its questions page.
 * A code that leads nowhere (mistyped) says so and can be typed again.
 */
export function JoinPage() {
  const { t } = useTranslation('room');
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [typed, setTyped] = useState(code);
  const fieldId = useId();

  useEffect(() => {
    const controller = new AbortController();
    api().findJoinCode(code, controller.signal).then(
      (target) => void navigate(`/dialoger/${encodeURIComponent(target.slug)}/fragor`, { replace: true }),
      (error: unknown) => {
        if (!controller.signal.aborted) setProblem(toProblem(error));
      },
    );
    return () => {
      controller.abort();
      setProblem(null);
    };
  }, [code, navigate]);

  if (!problem) return <Loading />;
  return (
    <Page title={t('joinPage.title')}>
      <ProblemAlert problem={problem} fieldLabels={{ code: t('joinPage.code') }} />
      <form
        className="join-form"
        onSubmit={(event) => {
          event.preventDefault();
          void navigate(`/q/${encodeURIComponent(typed.replace(/[\s-]/g, '').toUpperCase())}`);
        }}
      >
        <div className="field">
          <label htmlFor={fieldId}>{t('joinPage.code')}</label>
          <input id={fieldId} value={typed} onChange={(e) => setTyped(e.target.value)} autoCapitalize="characters" autoComplete="off"
            spellCheck={false} />
        </div>
        <button type="submit">{t('joinPage.submit')}</button>
      </form>
    </Page>
  );
}
