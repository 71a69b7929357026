import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { currentLanguage, languageNames, languages, setLanguage, uiLanguage, type Language } from '../i18n';
import { Loading } from '../shared/Page';

/** The frame of every page: skip link, banner with menu and language switch, main, footer. */
export function Layout() {
  const { t } = useTranslation();
  useFocusOnNavigation();
  const other = currentLanguage() === 'en' ? 'sv' : 'en';
  // Resident pages speak all the district's languages; staff pages Swedish and English.
  const residentPage = !useLocation().pathname.startsWith('/personal');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            {t('appName')}
          </Link>
          <nav aria-label={t('nav.label')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.events')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/omraden">{t('nav.areas')}</NavLink>
              </li>
              <li>
                <NavLink to="/personal">{t('nav.staff')}</NavLink>
              </li>
            </ul>
          </nav>
          <button type="button" className="language" lang={other} onClick={() => setLanguage(other)}>
            {t('language.switchTo')}
          </button>
          {residentPage && (
            <label className="language-choice">
              <span>{t('language.label')}</span>
              <select value={uiLanguage()} onChange={(e) => setLanguage(e.target.value as Language)}>
                {languages.map((language) => (
                  <option key={language} value={language} lang={language}>
                    {languageNames[language]}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('footer.text')}</p>
        <p>
          <a href="/swagger">{t('footer.api')}</a>
        </p>
      </footer>
    </>
  );
}

/**
 * After a route change (not the first load), focus moves to the new page's heading, or to main
 * while the page is still loading, and the scroll position goes to the top.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    let tries = 0;
    let frame = 0;
    const focus = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        heading.focus();
      } else if (tries++ < 60) {
        frame = requestAnimationFrame(focus);
      } else {
        document.querySelector<HTMLElement>('main')?.focus();
      }
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
