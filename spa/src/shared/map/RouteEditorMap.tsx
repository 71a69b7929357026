import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useBaseMap, useMapPick } from './baseMap';
import type { LatLon } from './features';
import { BaseFailed, colours } from './MapView';
import type { RouteDraft } from './routeEditing';

/** The route editor's map: a click or tap picks a position; the drawn route and meeting point are redrawn as they change. */
export default function RouteEditorMap({ label, area, draft, disabled, onPick }: {
  label: string;
  area?: string;
  draft: RouteDraft;
  disabled?: boolean;
  onPick: (point: LatLon) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const { map, overlay, baseFailed } = useBaseMap(element, { focus: area });
  const fitted = useRef(false);
  useMapPick(map, onPick, disabled);

  useEffect(() => {
    const current = map.current;
    const group = overlay.current;
    if (!current || !group) return;
    group.clearLayers();
    if (draft.route.length > 1) {
      group.addLayer(L.polyline(draft.route, { className: 'map-feature map-route', color: colours.route, weight: 5, opacity: 0.9, interactive: false }));
    }
    draft.route.forEach((point) =>
      group.addLayer(L.circleMarker(point, { className: 'map-feature map-route-point', radius: 5, color: '#ffffff', weight: 2, fillColor: colours.route, fillOpacity: 1, interactive: false })));
    if (draft.meeting) {
      group.addLayer(L.circleMarker(draft.meeting, { className: 'map-feature map-meeting', radius: 10, color: '#ffffff', weight: 2, fillColor: colours.meeting, fillOpacity: 1, interactive: false }));
    }
    // Fit what is already drawn once; later the map stays where staff are drawing.
    const bounds = group.getBounds();
    if (!fitted.current && bounds.isValid()) {
      current.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
      fitted.current = true;
    }
  }, [draft, map, overlay]);

  return (
    <div className="map-frame">
      <div ref={element} className="map map-editor" role="region" aria-label={label} />
      {baseFailed && <BaseFailed />}
    </div>
  );
}
