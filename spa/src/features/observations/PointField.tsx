import type { AreaRef } from '@trygghet/client';
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type Problem } from '../../shared/api';
import { fieldErrors } from '../../shared/ProblemAlert';
import type { LatLon } from '../../shared/map/features';
import { PlaceSearch } from './PlaceSearch';
import { formatCoordinate, parsePoint, type MeetingPoint, type PointValue } from './point';

// Leaflet loads only with a form that offers the map.
const PickerMap = lazy(() => import('../../shared/map/PickerMap'));

type Geo = 'idle' | 'asking' | 'denied' | 'unavailable' | 'timeout' | 'unsupported';
type Lookup = { state: 'idle' } | { state: 'looking' } | { state: 'found'; area: AreaRef } | { state: 'outside' } | { state: 'failed' };

/** How long typed coordinates rest before the app asks where they are. */
const typingPause = 400;

/**
 * Where an observation was made: a tap on the map (when the form offers one), the device's position (with
 * permission), the walk's meeting point, a place found by name (`search`), or coordinates typed by hand. Each choice
 * is checked against the district at once ("Platsen ligger i Fruängen"), so a point outside it is noticed before
 * sending. Everything the map does can be done without it.
 */
export function PointField({
  value,
  onChange,
  meeting,
  problem,
  error,
  disabled,
  map,
  search,
  fields = { lat: 'lat', lon: 'lon' },
}: {
  value: PointValue;
  onChange: (value: PointValue) => void;
  meeting?: MeetingPoint | null;
  /** The API's problem, for the messages about `lat` and `lon`. */
  problem?: Problem | null;
  /** What is wrong with the place as a whole (none chosen, outside the district). */
  error?: string;
  disabled?: boolean;
  /** Offer a map to tap on, showing `area`'s neighbourhoods and starting at `focus`. */
  map?: { area?: string; focus?: string };
  /** Offer a search for places by name or address. */
  search?: boolean;
  /** The API's names of the coordinates, for its messages about them. */
  fields?: { lat: string; lon: string };
}) {
  const { t } = useTranslation('observations');
  const id = useId();
  const [geo, setGeo] = useState<Geo>('idle');
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const latErrors = fieldErrors(problem, fields.lat);
  const lonErrors = fieldErrors(problem, fields.lon);
  const [manualOpen, setManualOpen] = useState(false);
  const point = parsePoint(value);

  // Where the point lies, asked again whenever it changes (typed coordinates after a pause).
  useEffect(() => {
    if (!point) {
      // No point, nothing to look up: the answer about the last one goes with it.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setLookup({ state: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        setLookup({ state: 'looking' });
        api()
          .locateArea(point.lat, point.lon, controller.signal)
          .then(
            (area) => !controller.signal.aborted && setLookup({ state: 'found', area }),
            (e: unknown) => {
              if (controller.signal.aborted) return;
              try {
                setLookup(toProblem(e).status === 404 ? { state: 'outside' } : { state: 'failed' });
              } catch {
                // aborted
              }
            },
          );
      },
      value.source === 'manual' ? typingPause : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [point?.lat, point?.lon]);

  // A form that starts over forgets the last attempt's trouble.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the form's reset comes from the parent as a new value
    if (value.source === null && !value.lat && !value.lon) setGeo((g) => (g === 'asking' ? g : 'idle'));
  }, [value.source, value.lat, value.lon]);

  const useMine = () => {
    if (!('geolocation' in navigator) || !navigator.geolocation) {
      setGeo('unsupported');
      return;
    }
    setGeo('asking');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setGeo('idle');
        onChange({
          lat: formatCoordinate(position.coords.latitude),
          lon: formatCoordinate(position.coords.longitude),
          source: 'device',
          accuracy: Math.round(position.coords.accuracy),
        });
      },
      (e) => setGeo(e.code === 1 ? 'denied' : e.code === 3 ? 'timeout' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const useMeeting = () => {
    if (!meeting) return;
    setGeo('idle');
    onChange({ lat: formatCoordinate(meeting.lat), lon: formatCoordinate(meeting.lon), source: 'meeting' });
  };

  const tapped = ([lat, lon]: LatLon) => {
    setGeo('idle');
    onChange({ lat: formatCoordinate(lat), lon: formatCoordinate(lon), source: 'map' });
  };

  const type = (field: 'lat' | 'lon', text: string) => onChange({ ...value, [field]: text, source: 'manual', accuracy: undefined });

  const chosen =
    point && value.source === 'device'
      ? value.accuracy
        ? t('point.chosen.deviceAccuracy', { accuracy: value.accuracy })
        : t('point.chosen.device')
      : point && value.source === 'meeting'
        ? t('point.chosen.meeting', { name: meeting?.name ?? '' })
        : point && value.source === 'manual'
          ? t('point.chosen.manual')
          : point && value.source === 'map'
            ? t('point.chosen.map')
            : point && value.source === 'place'
              ? t('point.chosen.place', { name: value.name ?? '' })
              : '';
  const where =
    lookup.state === 'looking'
      ? t('point.looking')
      : lookup.state === 'found'
        ? t('point.inArea', { area: lookup.area.name })
        : lookup.state === 'outside'
          ? t('point.outside')
          : lookup.state === 'failed'
            ? t('point.lookupFailed')
            : '';
  const trouble = geo === 'denied' || geo === 'unavailable' || geo === 'timeout' || geo === 'unsupported' ? t(`point.${geo}`) : '';
  const status = geo === 'asking' ? t('point.asking') : [trouble, chosen, where].filter(Boolean).join(' ');
  const describedBy = [`${id}-hint`, error ? `${id}-error` : '', `${id}-status`].filter(Boolean).join(' ');
  const showManual = manualOpen || !!latErrors || !!lonErrors;

  return (
    <fieldset className="point-field" aria-describedby={describedBy} disabled={disabled}>
      <legend>{t('point.legend')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('point.hint')}
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {map && (
        <Suspense fallback={<div className="map-frame"><div className="map map-loading" role="status">{t('common:loading')}</div></div>}>
          <PickerMap label={t('point.mapLabel')} area={map.area} focus={map.focus} value={point ? [point.lat, point.lon] : null} disabled={disabled} onPick={tapped} />
        </Suspense>
      )}
      <div className="actions-row">
        <button type="button" onClick={useMine} disabled={geo === 'asking'} aria-pressed={value.source === 'device'}>
          {geo === 'asking' ? t('point.asking') : t('point.useMine')}
        </button>
        {meeting && (
          <button type="button" className="secondary" onClick={useMeeting} aria-pressed={value.source === 'meeting'}>
            {t('point.meeting')}
          </button>
        )}
      </div>
      {search && (
        <PlaceSearch
          disabled={disabled}
          onChoose={(place) => {
            setGeo('idle');
            onChange({ lat: formatCoordinate(place.lat), lon: formatCoordinate(place.lon), source: 'place', name: place.name });
          }}
        />
      )}
      <p id={`${id}-status`} role="status" aria-live="polite" className={lookup.state === 'outside' || trouble ? 'point-status warn' : 'point-status'}>
        {status}
      </p>
      <details open={showManual} onToggle={(e) => setManualOpen((e.currentTarget).open)}>
        <summary>{t('point.manual')}</summary>
        <p className="hint" id={`${id}-coordinates-hint`}>
          {t('point.coordinatesHint')}
        </p>
        <div className="point-coordinates">
          <Coordinate id={`${id}-lat`} label={t('point.lat')} value={value.lat} onChange={(v) => type('lat', v)} errors={latErrors} invalid={!!error} hintId={`${id}-coordinates-hint`} />
          <Coordinate id={`${id}-lon`} label={t('point.lon')} value={value.lon} onChange={(v) => type('lon', v)} errors={lonErrors} invalid={!!error} hintId={`${id}-coordinates-hint`} />
        </div>
      </details>
    </fieldset>
  );
}

function Coordinate({ id, label, value, onChange, errors, invalid, hintId }: { id: string; label: string; value: string; onChange: (v: string) => void; errors?: string[]; invalid: boolean; hintId: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors || invalid ? true : undefined}
        aria-describedby={[hintId, errors ? `${id}-error` : ''].filter(Boolean).join(' ')}
      />
      {errors && (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
