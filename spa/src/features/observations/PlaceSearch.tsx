import type { FoundPlace, PlaceSearch as Found } from '@trygghet/client';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type Problem } from '../../shared/api';
import { ProblemAlert } from '../../shared/ProblemAlert';

/**
 * Finds a place in the district by a typed address or name ("Fruängstorget", "Älvsjö station", a street address when
 * the city's address search is configured). The search runs when asked (button or Enter), not on every keystroke.
 * Choosing a result places the report there; the map then shows it, and a tap can still correct it.
 */
export function PlaceSearch({ onChoose, disabled }: { onChoose: (place: FoundPlace) => void; disabled?: boolean }) {
  const { t } = useTranslation('observations');
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const search = async () => {
    const q = text.trim();
    if (q.length < 2) {
      setFound(null);
      setProblem({ status: 400, title: t('point.search.tooShort'), errors: {}, extensions: {} });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      setFound(await api().searchPlaces(q, 8));
    } catch (error) {
      setFound(null);
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  // Enter in the search box searches; it must not send the report the box sits in.
  const enter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void search();
  };

  const places = found?.places ?? [];
  return (
    <div className="place-search">
      <label htmlFor={`${id}-q`}>{t('point.search.label')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('point.search.hint')}
      </p>
      <div className="place-search-row">
        <input id={`${id}-q`} type="search" autoComplete="street-address" enterKeyHint="search" value={text} onChange={(e) => setText(e.target.value)}
          onKeyDown={enter} disabled={disabled} aria-describedby={`${id}-hint`} />
        <button type="button" className="secondary" onClick={() => void search()} disabled={disabled || busy}>
          {busy ? t('point.search.searching') : t('point.search.button')}
        </button>
      </div>
      {problem && <ProblemAlert problem={problem} focus={false} />}
      <div role="status" aria-live="polite">
        {found && (
          <>
            <p className="hint">
              {places.length === 0 ? t('point.search.none', { text: text.trim() }) : t('point.search.count', { count: places.length })}
              {found.addressSearch === 'unavailable' && ` ${t('point.search.addressesUnavailable')}`}
            </p>
            {places.length > 0 && (
              <ul className="plain place-results">
                {places.map((place) => (
                  <li key={`${place.kind}-${place.lat}-${place.lon}-${place.name}`}>
                    <button type="button" className="secondary" onClick={() => onChoose(place)} disabled={disabled}>
                      {place.name}
                    </button>{' '}
                    <span className="hint">
                      {[t(`point.search.kind.${place.kind}`), place.detail, place.area.name].filter(Boolean).join(' · ')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}
