import './map.css';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapFeature } from './features';
import type { Shading } from './baseMap';

// Leaflet loads only with a page that shows a map: the residents' first download stays as it is (scripts/budget.mjs).
const MapView = lazy(() => import('./MapView'));

/** A map, loaded on demand; while it loads, a box of the same size says so. */
export function Map(props: { label: string; area?: string; features: MapFeature[]; focus?: string; shading?: Shading }) {
  const { t } = useTranslation('common');
  return (
    <Suspense fallback={<div className="map-frame"><div className="map map-loading" role="status">{t('loading')}</div></div>}>
      <MapView {...props} />
    </Suspense>
  );
}
