import './map.css';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../api';
import { fieldErrors } from '../ProblemAlert';
import { addPoint, clearRoute, formatLatLon, parseLatLon, removePoint, setMeeting, undo, type RouteHistory } from './routeEditing';

// Leaflet loads only with the editor's map; the buttons, the typed field and the list work without it.
const RouteEditorMap = lazy(() => import('./RouteEditorMap'));

export type RouteMode = 'route' | 'meeting';

/**
 * Staff draw a walk's route and meeting point: on the map by clicking or tapping (the mode says which), or by typing
 * coordinates. Every change can be undone in turn; the points are listed as text, each removable.
 */
export function RouteEditor({ history, onChange, problem, area, disabled }: {
  history: RouteHistory;
  onChange: (history: RouteHistory) => void;
  problem?: Problem | null;
  /** The walk's area, shown when nothing is drawn yet. */
  area?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation('staff');
  const { t: common } = useTranslation('common');
  const id = useId();
  const [mode, setMode] = useState<RouteMode>('route');
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState(false);
  const [status, setStatus] = useState('');
  const { route, meeting } = history.current;
  const routeErrors = fieldErrors(problem, 'walk.route');
  const meetingErrors = [...(fieldErrors(problem, 'walk.meetingLat') ?? []), ...(fieldErrors(problem, 'walk.meetingLon') ?? [])];

  const pick = (point: [number, number], how: RouteMode) => {
    if (how === 'route') {
      onChange(addPoint(history, point));
      setStatus(t('routeEditor.added', { n: route.length + 1, at: formatLatLon(point) }));
    } else {
      onChange(setMeeting(history, point));
      setStatus(t('routeEditor.meetingSet', { at: formatLatLon(point) }));
    }
  };
  const addTyped = (how: RouteMode) => {
    const point = parseLatLon(typed);
    setTypedError(!point);
    if (!point) return;
    pick(point, how);
    setTyped('');
  };

  return (
    <div className="route-editor">
      <div className="route-modes" role="group" aria-label={t('routeEditor.mode')}>
        <button type="button" className={mode === 'route' ? '' : 'secondary'} aria-pressed={mode === 'route'} disabled={disabled} onClick={() => setMode('route')}>
          {t('routeEditor.drawRoute')}
        </button>
        <button type="button" className={mode === 'meeting' ? '' : 'secondary'} aria-pressed={mode === 'meeting'} disabled={disabled} onClick={() => setMode('meeting')}>
          {t('routeEditor.setMeeting')}
        </button>
      </div>
      <p className="hint">{mode === 'route' ? t('routeEditor.routeHint') : t('routeEditor.meetingHint')}</p>
      <Suspense fallback={<div className="map-frame"><div className="map map-loading" role="status">{common('loading')}</div></div>}>
        <RouteEditorMap label={t('routeEditor.mapLabel')} area={area} draft={history.current} disabled={disabled} onPick={(point) => pick(point, mode)} />
      </Suspense>
      <div className="route-actions">
        <button type="button" className="secondary" disabled={disabled || history.past.length === 0} onClick={() => { onChange(undo(history)); setStatus(t('routeEditor.undone')); }}>
          {t('routeEditor.undo')}
        </button>
        <button type="button" className="secondary" disabled={disabled || route.length === 0} onClick={() => { onChange(clearRoute(history)); setStatus(t('routeEditor.cleared')); }}>
          {t('routeEditor.clear')}
        </button>
      </div>
      <p className="visually-hidden" role="status">{status}</p>

      <div className="field">
        <label htmlFor={`${id}-typed`}>{t('routeEditor.typed')}</label>
        <p className="hint" id={`${id}-typed-hint`}>{t('routeEditor.typedHint')}</p>
        <input
          id={`${id}-typed`}
          value={typed}
          inputMode="decimal"
          autoComplete="off"
          disabled={disabled}
          aria-invalid={typedError || undefined}
          aria-describedby={`${id}-typed-hint${typedError ? ` ${id}-typed-error` : ''}`}
          onChange={(e) => { setTyped(e.target.value); setTypedError(false); }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addTyped(mode);
            }
          }}
        />
        {typedError && <p className="field-error" id={`${id}-typed-error`}>{t('routeEditor.typedInvalid')}</p>}
        <div className="route-actions">
          <button type="button" className="secondary" disabled={disabled} onClick={() => addTyped('route')}>{t('routeEditor.addTypedPoint')}</button>
          <button type="button" className="secondary" disabled={disabled} onClick={() => addTyped('meeting')}>{t('routeEditor.setTypedMeeting')}</button>
        </div>
      </div>

      <h3 id={`${id}-meeting`}>{t('routeEditor.meetingHeading')}</h3>
      {meeting ? (
        <p className="route-meeting">
          <span>{formatLatLon(meeting)}</span>{' '}
          <button type="button" className="secondary" disabled={disabled} onClick={() => onChange(setMeeting(history, null))}>
            {t('routeEditor.removeMeeting')}
          </button>
        </p>
      ) : (
        <p>{t('routeEditor.noMeeting')}</p>
      )}
      {meetingErrors.length > 0 && <p className="field-error" data-field="walk.meetingLat">{meetingErrors.join(' ')}</p>}

      <h3 id={`${id}-route`}>{t('routeEditor.routeHeading', { n: route.length })}</h3>
      {route.length === 0 ? (
        <p>{t('routeEditor.noRoute')}</p>
      ) : (
        <ol className="route-points" aria-labelledby={`${id}-route`}>
          {route.map((point, i) => (
            <li key={`${i}-${point[0]}-${point[1]}`}>
              <span>{formatLatLon(point)}</span>{' '}
              <button type="button" className="secondary" disabled={disabled} onClick={() => onChange(removePoint(history, i))}>
                {t('routeEditor.removePoint', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
      )}
      {routeErrors && <p className="field-error" data-field="walk.route">{routeErrors.join(' ')}</p>}
    </div>
  );
}
