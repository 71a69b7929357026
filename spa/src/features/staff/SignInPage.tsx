import type { DevRole } from '@trygghet/client';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, toProblem, type Problem } from '../../shared/api';
import { Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { decodeToken, session } from '../../shared/session';
import { returnPath } from './access';
import { beginSignIn, completeSignIn, developmentSignIn, oidcConfig } from './oidc';
import './staff.css';

const roles: DevRole[] = ['staff', 'moderator', 'admin', 'actor'];

/**
 * Staff sign-in: the district's OIDC provider when the serving API (or the build) names one; otherwise
 * the development sign-in, which the API offers only in Development (elsewhere it answers 404, and the
 * page says that no sign-in is available). Afterwards the user goes on to where they were headed.
 */
export function SignInPage() {
  const { t } = useTranslation('staff');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const target = returnPath(params.get('till'));
  const oidc = oidcConfig();
  // The serving API says whether it offers the development sign-in; a build served elsewhere (or the
  // Vite dev server) offers it whenever no provider is named, and the API's 404 tells if it is not there.
  const dev = developmentSignIn() ?? (!oidc || import.meta.env.DEV);
  const [completing, setCompleting] = useState(() => !!oidc && (params.has('code') || params.has('error')));
  const [message, setMessage] = useState<string | null>(null);
  const started = useRef(false);

  // Back from the provider: exchange the code once (StrictMode runs effects twice in development).
  useEffect(() => {
    if (!oidc || !completing || started.current) return;
    started.current = true;
    void completeSignIn(oidc, params).then((result) => {
      setCompleting(false);
      if (!result) return;
      if ('error' in result) {
        setMessage(t(`signIn.error.${result.error}`, { detail: result.detail ?? '' }));
        return;
      }
      const claims = decodeToken(result.tokens.accessToken);
      if (!claims?.role) {
        setMessage(t('signIn.error.noRole'));
        return;
      }
      const expiresAt = result.tokens.expiresIn ? Date.now() + result.tokens.expiresIn * 1000 : claims.expiresAt;
      session.signIn({ token: result.tokens.accessToken, role: claims.role, name: claims.name, expiresAt });
      void navigate(returnPath(result.returnTo), { replace: true });
    });
  }, [oidc, completing, params, navigate, t]);

  const done = (path: string) => void navigate(path, { replace: true });

  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      {message && (
        <p className="problem" role="alert">
          {message}
        </p>
      )}
      {completing ? (
        <p role="status">{t('signIn.completing')}</p>
      ) : (
        <>
          {oidc && <OidcSignIn target={target} />}
          {dev && <DevSignIn target={target} onDone={done} alone={!oidc} />}
          {!oidc && !dev && (
            <p className="notice warn" role="alert">
              {t('signIn.none')}
            </p>
          )}
        </>
      )}
    </Page>
  );
}

function OidcSignIn({ target }: { target: string }) {
  const { t } = useTranslation('staff');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const start = async () => {
    const config = oidcConfig();
    if (!config) return;
    setBusy(true);
    setFailed(false);
    try {
      window.location.assign(await beginSignIn(config, target));
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="oidc-heading">
      <h2 id="oidc-heading">{t('signIn.oidcHeading')}</h2>
      {failed && (
        <p className="problem" role="alert">
          {t('signIn.error.discovery')}
        </p>
      )}
      <button type="button" onClick={() => void start()} disabled={busy}>
        {busy ? t('signIn.oidcWorking') : t('signIn.oidcButton')}
      </button>
    </section>
  );
}

function DevSignIn({ target, onDone, alone }: { target: string; onDone: (path: string) => void; alone: boolean }) {
  const { t } = useTranslation('staff');
  const ids = { role: useId(), actor: useId(), actorHint: useId(), warning: useId() };
  const [role, setRole] = useState<DevRole>('staff');
  const [actorId, setActorId] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [gone, setGone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const token = await api().createDevToken({ role, actorId: role === 'actor' ? actorId.trim() || null : null });
      const claims = decodeToken(token.accessToken);
      session.signIn({
        token: token.accessToken,
        role: claims?.role ?? role,
        name: claims?.name ?? role,
        expiresAt: Date.parse(token.expiresAt) || claims?.expiresAt || Date.now() + 3600_000,
      });
      onDone(target);
    } catch (error) {
      const p = toProblem(error);
      if (p.status === 404) setGone(true);
      else setProblem(p);
      setBusy(false);
    }
  };

  if (gone) return <p className="notice warn" role="alert">{alone ? t('signIn.none') : t('signIn.devGone')}</p>;
  return (
    <section className="panel dev-sign-in" aria-labelledby="dev-heading">
      <h2 id="dev-heading">{t('signIn.devHeading')}</h2>
      <p className="notice warn" id={ids.warning}>
        {t('signIn.devWarning')}
      </p>
      {problem && <ProblemAlert problem={problem} fieldLabels={{ role: t('signIn.role'), actorId: t('signIn.actorId') }} />}
      <form onSubmit={(e) => void submit(e)} aria-describedby={ids.warning}>
        <div className="field">
          <label htmlFor={ids.role}>{t('signIn.role')}</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as DevRole)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {role === 'actor' && (
          <div className="field">
            <label htmlFor={ids.actor}>{t('signIn.actorId')}</label>
            <input id={ids.actor} value={actorId} onChange={(e) => setActorId(e.target.value)} aria-describedby={ids.actorHint} required />
            <p className="hint" id={ids.actorHint}>
              {t('signIn.actorIdHint')}
            </p>
          </div>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
