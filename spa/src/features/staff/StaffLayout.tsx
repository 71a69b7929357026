import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { Loading, Page } from '../../shared/Page';
import { session } from '../../shared/session';
import { abilitiesFor, can, signInPath, useSession } from './access';
import { shownCount, useWaitingReports } from './reviewQueue';
import './staff.css';

/**
 * The frame of the staff area: only for the signed-in (others go to the sign-in page and come back
 * afterwards), with a menu of what the role may do and the sign-out.
 */
export function StaffLayout() {
  const { t } = useTranslation(['staff', 'surveys']);
  const current = useSession();
  const location = useLocation();
  // Signing out on purpose leads to the start page; a session that ran out leads to the sign-in.
  const [leaving, setLeaving] = useState(false);
  // The menu says how many reports wait for review, for those who review them.
  const waiting = useWaitingReports(can(current?.role, 'moderation'));
  if (!current) return <Navigate to={leaving ? '/' : signInPath(location.pathname + location.search + location.hash)} replace />;

  const role = current.role;
  const needed = abilitiesFor(location.pathname);
  const allowed = needed.length === 0 || needed.some((a) => can(role, a));
  const signOut = () => {
    setLeaving(true);
    session.signOut();
  };

  return (
    <div className="staff-area">
      <div className="staff-bar">
        <nav aria-label={t('nav.label')} className="staff-nav">
          <ul>
            <li>
              <NavLink to="/personal" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {can(role, 'events') && (
              <li>
                <NavLink to="/personal/evenemang">{t('nav.events')}</NavLink>
              </li>
            )}
            {(can(role, 'followUp') || can(role, 'assigned')) && (
              <li>
                <NavLink to="/personal/iakttagelser">{t('nav.observations')}</NavLink>
              </li>
            )}
            {can(role, 'signals') && (
              <li>
                <NavLink to="/personal/signaler">{t('nav.signals')}</NavLink>
              </li>
            )}
            {can(role, 'moderation') && (
              <li>
                <NavLink to="/personal/granska" end>
                  {t('nav.review')}
                  {waiting && waiting.count > 0 && (
                    <>
                      <span className="nav-count" aria-hidden="true">
                        {shownCount(waiting)}
                      </span>
                      <span className="visually-hidden"> ({t('nav.waiting', { n: shownCount(waiting) })})</span>
                    </>
                  )}
                </NavLink>
              </li>
            )}
            {can(role, 'moderation') && (
              <li>
                <NavLink to="/personal/granska/enkatsvar">{t('surveys:moderation.nav')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <p className="staff-who">
          <span>{t('nav.signedInAs', { name: current.name, role: t(`role.${role}`) })}</span>
          <button type="button" className="secondary" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        </p>
      </div>
      <Suspense fallback={<Loading />}>
        {allowed ? (
          <Outlet />
        ) : (
          <Page title={t('forbidden.title')}>
            <p>{t('forbidden.text', { role: t(`role.${role}`) })}</p>
            <p>
              <Link to="/personal">{t('forbidden.home')}</Link>
            </p>
          </Page>
        )}
      </Suspense>
    </div>
  );
}
