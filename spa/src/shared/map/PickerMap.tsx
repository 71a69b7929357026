import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBaseMap, useMapPick } from './baseMap';
import type { LatLon } from './features';
import { colours, BaseFailed } from './MapView';

/**
 * A map to choose one place on: a click or tap picks it, and the chosen place is marked. The page around it offers the
 * same choice by position, address and typed coordinates, so the map is never the only way.
 */
export default function PickerMap({ label, area, focus, value, disabled, onPick }: {
  label: string;
  area?: string;
  focus?: string;
  value: LatLon | null;
  disabled?: boolean;
  onPick: (point: LatLon) => void;
}) {
  const { t } = useTranslation('map');
  const element = useRef<HTMLDivElement>(null);
  const { map, overlay, baseFailed } = useBaseMap(element, { area, focus });
  useMapPick(map, onPick, disabled);

  // The chosen place, however it was chosen; the map moves to it unless it is already in view.
  useEffect(() => {
    const current = map.current;
    const group = overlay.current;
    if (!current || !group) return;
    group.clearLayers();
    if (!value) return;
    group.addLayer(L.circleMarker(value, { className: 'map-feature map-picked', radius: 10, color: '#ffffff', weight: 3, fillColor: colours.open, fillOpacity: 1, interactive: false })
      .bindTooltip(t('picker.chosen')));
    // A map not laid out yet (or one Leaflet could not fit) has no bounds to ask: it is simply moved to the place.
    const zoom = current.getZoom();
    const size = current.getSize();
    const inView = Number.isFinite(zoom) && size.x > 0 && size.y > 0 && current.getBounds().contains(value);
    if (!inView) current.setView(value, Number.isFinite(zoom) ? Math.max(zoom, 16) : 16);
  }, [value, map, overlay, t]);

  return (
    <div className="map-frame">
      <div ref={element} className="map map-picker" role="region" aria-label={label} />
      {baseFailed && <BaseFailed />}
    </div>
  );
}
