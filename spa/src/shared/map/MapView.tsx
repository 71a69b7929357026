import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import type { ObservationStatus } from '@trygghet/client';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { escapeText, shades, useBaseMap, type Shading } from './baseMap';
import type { MapFeature } from './features';

/** Colours by how far an observation's follow-up has come; each meets 3:1 against the map's base (WCAG 1.4.11). */
export function statusGroup(status: ObservationStatus | undefined): 'open' | 'planned' | 'done' | 'other' {
  switch (status) {
    case 'planned':
    case 'inProgress':
      return 'planned';
    case 'fixed':
    case 'closed':
      return 'done';
    case 'duplicate':
    case 'notResponsible':
      return 'other';
    default:
      return 'open';
  }
}

export const colours = { open: '#b43c00', planned: '#0b4f8a', done: '#1d6b36', other: '#4f5963', route: '#6a1b9a', meeting: '#1b1f24' } as const;

/**
 * A map on Leaflet: the tile source the API names, or — with none, or offline — the neighbourhoods drawn from our own
 * boundaries as the base; over it the features given. Paths are SVG, one element per feature with a class per kind,
 * so what is drawn can be counted. The map is one region with a name; its content is also in the list beside it.
 */
export default function MapView({ label, area, features, focus, shading }: {
  /** The map's accessible name, e.g. "Karta över vandringen". */
  label: string;
  /** The area whose neighbourhoods form the base (the district by default). */
  area?: string;
  features: MapFeature[];
  /** The area to show when there are no features to fit (its slug). */
  focus?: string;
  /** Neighbourhoods filled by what a page found in them, by slug, with the words the page's list uses. */
  shading?: Shading;
}) {
  const element = useRef<HTMLDivElement>(null);
  const { map, overlay, baseFailed } = useBaseMap(element, { area, focus, shading });
  const navigate = useNavigate();

  useEffect(() => {
    const current = map.current;
    const group = overlay.current;
    if (!current || !group) return;
    group.clearLayers();
    for (const feature of features) group.addLayer(layerOf(feature, (href) => void navigate(href)));
    const bounds = group.getBounds();
    if (bounds.isValid()) current.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
  }, [features, navigate, map, overlay]);

  return (
    <div className="map-frame">
      <div ref={element} className="map" role="region" aria-label={label} />
      {baseFailed && <BaseFailed />}
      <MapKey features={features} shading={shading} />
    </div>
  );
}

function layerOf(feature: MapFeature, open: (href: string) => void): L.Layer {
  switch (feature.kind) {
    case 'route':
      return L.polyline(feature.positions, { className: 'map-feature map-route', color: colours.route, weight: 5, opacity: 0.9 })
        .bindTooltip(escapeText(feature.label), { sticky: true });
    case 'area':
      return L.geoJSON(feature.geometry as GeoJSON.GeometryObject, {
        style: { className: 'map-feature map-focus', color: colours.meeting, weight: 3, fill: false },
      }).bindTooltip(escapeText(feature.label), { sticky: true });
    case 'point': {
      const group = feature.role === 'observation' ? statusGroup(feature.status) : null;
      const marker = L.circleMarker(feature.at, {
        className: `map-feature map-${feature.role}${group ? ` map-status-${group}` : ''}`,
        radius: feature.role === 'observation' ? 8 : 10,
        color: '#ffffff',
        weight: 2,
        fillColor: group ? colours[group] : colours.meeting,
        fillOpacity: 1,
      }).bindTooltip(escapeText(feature.label));
      if (feature.href) {
        const href = feature.href;
        marker.on('click', () => open(href));
      }
      return marker;
    }
  }
}

/** The base (tiles and neighbourhoods) could not be fetched: the map is said to be incomplete, not left blank. */
export function BaseFailed() {
  const { t } = useTranslation('map');
  return <p className="map-warning" role="status">{t('baseFailed')}</p>;
}

/** What the symbols mean, for the kinds the map shows. */
function MapKey({ features, shading }: { features: MapFeature[]; shading?: Shading }) {
  const { t } = useTranslation('map');
  const shown = new Set<string>();
  for (const f of features) {
    if (f.kind === 'route') shown.add('route');
    else if (f.kind === 'point') shown.add(f.role === 'observation' ? statusGroup(f.status) : f.role);
  }
  const entries = (['route', 'meeting', 'venue', 'open', 'planned', 'done', 'other'] as const).filter((k) => shown.has(k));
  if (entries.length === 0 && !shading) return null;
  const text = { route: t('route'), meeting: t('meeting'), venue: t('venue'), open: t('observationOpen'), planned: t('observationPlanned'), done: t('observationDone'), other: t('observationOther') };
  return (
    <div className="map-key">
      <span className="visually-hidden">{t('legend')}: </span>
      <ul className="plain">
        {shading && (['attention', 'calm'] as const).map((group) => (
          <li key={group}>
            <span className={`map-symbol map-symbol-area map-symbol-${group}`} aria-hidden="true" style={{ background: shades[group] }} />
            {shading.key[group]}
          </li>
        ))}
        {entries.map((entry) => (
          <li key={entry}>
            <span className={`map-symbol map-symbol-${entry}`} aria-hidden="true" style={{ background: entry === 'venue' ? colours.meeting : colours[entry] }} />
            {text[entry]}
          </li>
        ))}
      </ul>
      <p className="hint">{t('sameAsList')}</p>
    </div>
  );
}
