import L from 'leaflet';
import type { BaseMap } from '@trygghet/client';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';

/** Leaflet puts tooltips and attributions in as HTML: texts from people and sources go in escaped. */
export function escapeText(text: string): string {
  const div = document.createElement('div');
  div.textContent = text;
  return div.innerHTML;
}

/**
 * A Leaflet map in `element` with named zoom controls and the base every map shares: the tile source the API names,
 * or — with none, or offline — the neighbourhoods drawn from our own boundaries. `overlay` holds what the page draws
 * over it; while it is empty the map fits the focused area (or the whole district).
 */
export function useBaseMap(element: RefObject<HTMLDivElement | null>, { area, focus }: { area?: string; focus?: string }) {
  const { t } = useTranslation('common');
  const map = useRef<L.Map | null>(null);
  const overlay = useRef<L.FeatureGroup | null>(null);
  const [base, setBase] = useState<BaseMap | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api().getBaseMap(area, controller.signal).then(setBase, () => setBase(null));
    return () => controller.abort();
  }, [area]);

  // The map itself, once; the base and the overlay are layers redrawn when they change.
  useEffect(() => {
    if (!element.current) return;
    const created = L.map(element.current, { zoomControl: false, attributionControl: false, scrollWheelZoom: false, center: [59.29, 17.99], zoom: 12 });
    L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(created);
    L.control.attribution({ prefix: false }).addTo(created);
    overlay.current = L.featureGroup().addTo(created);
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
    };
  }, [element, t]);

  useEffect(() => {
    const current = map.current;
    if (!current || !base) return;
    const layers: L.Layer[] = [];
    if (base.tiles) {
      layers.push(L.tileLayer(base.tiles.urlTemplate, { attribution: escapeText(base.tiles.attribution), maxZoom: base.tiles.maxZoom }));
    }
    const areas = L.geoJSON(base.areas as unknown as GeoJSON.FeatureCollection, {
      interactive: false,
      style: (feature) => ({
        className: 'map-area',
        color: '#6b7a89',
        weight: feature?.id === focus ? 3 : 1,
        fillColor: base.tiles ? 'transparent' : '#eef3f7',
        fillOpacity: base.tiles ? 0 : 1,
      }),
      onEachFeature: (feature, layer) => {
        // Without tiles the names come from our own data; tiles carry their own.
        if (!base.tiles) layer.bindTooltip(escapeText(String((feature.properties as { name?: string } | null)?.name ?? '')), { permanent: true, direction: 'center', className: 'map-area-label' });
      },
    });
    layers.push(areas);
    current.attributionControl.addAttribution(escapeText(t('map.boundaries')));
    for (const layer of layers) layer.addTo(current);
    areas.bringToBack();
    if (overlay.current?.getLayers().length === 0) {
      const focused = focus ? areas.getLayers().find((l) => (l as L.Layer & { feature?: GeoJSON.Feature }).feature?.id === focus) : undefined;
      const bounds = focused ? (focused as L.Polygon).getBounds() : areas.getBounds();
      if (bounds.isValid()) current.fitBounds(bounds, { padding: [8, 8] });
    }
    return () => {
      for (const layer of layers) layer.remove();
      current.attributionControl.removeAttribution(escapeText(t('map.boundaries')));
    };
  }, [base, focus, t]);

  return { map, overlay };
}
