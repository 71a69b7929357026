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
 * Neighbourhoods filled by what a page found. The fills are light so the names stay readable; an area needing
 * attention also gets a thick dark-orange outline (5:1 against white), and the page's list says the same in words.
 */
export interface Shading {
  areas: Record<string, { group: 'attention' | 'calm'; label: string }>;
  /** What each fill means, in the words of the page's list. */
  key: { attention: string; calm: string };
}

export const shades = { attention: '#f3b38f', calm: '#e3eef7' } as const;
const attentionOutline = '#b43c00';

/** A click or tap on the map calls `onPick` with its position (not while `disabled`). */
export function useMapPick(map: RefObject<L.Map | null>, onPick: (point: [number, number]) => void, disabled?: boolean) {
  const pick = useRef(onPick);

  useEffect(() => {
    pick.current = disabled ? () => undefined : onPick;
  }, [onPick, disabled]);

  useEffect(() => {
    const current = map.current;
    if (!current) return;
    const click = (e: L.LeafletMouseEvent) => pick.current([e.latlng.lat, e.latlng.lng]);
    current.on('click', click);
    return () => {
      current.off('click', click);
    };
  }, [map]);
}

/**
 * A Leaflet map in `element` with named zoom controls and the base every map shares: the tile source the API names,
 * or — with none, or offline — the neighbourhoods drawn from our own boundaries. `overlay` holds what the page draws
 * over it; while it is empty the map fits the focused area (or the whole district).
 */
export function useBaseMap(element: RefObject<HTMLDivElement | null>, { area, focus, shading }: { area?: string; focus?: string; shading?: Shading }) {
  const { t } = useTranslation('map');
  const map = useRef<L.Map | null>(null);
  const overlay = useRef<L.FeatureGroup | null>(null);
  const [base, setBase] = useState<BaseMap | null>(null);
  const [baseFailed, setBaseFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api().getBaseMap(area, controller.signal).then(
      (loaded) => {
        setBase(loaded);
        setBaseFailed(false);
      },
      () => {
        if (controller.signal.aborted) return;
        setBase(null);
        setBaseFailed(true);
      },
    );
    return () => controller.abort();
  }, [area]);

  // The map itself, once; the base and the overlay are layers redrawn when they change.
  useEffect(() => {
    if (!element.current) return;
    const created = L.map(element.current, { zoomControl: false, attributionControl: false, scrollWheelZoom: false, center: [59.29, 17.99], zoom: 12, maxZoom: 19 });
    L.control.zoom({ zoomInTitle: t('zoomIn'), zoomOutTitle: t('zoomOut') }).addTo(created);
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
      style: (feature) => {
        const shade = shading?.areas[String(feature?.id)];
        return {
          className: shade ? `map-area map-area-${shade.group}` : 'map-area',
          color: shade?.group === 'attention' ? attentionOutline : '#6b7a89',
          weight: feature?.id === focus || shade?.group === 'attention' ? 3 : 1,
          fillColor: shade ? shades[shade.group] : base.tiles ? 'transparent' : '#eef3f7',
          fillOpacity: shade ? (base.tiles ? 0.5 : 1) : base.tiles ? 0 : 1,
        };
      },
      onEachFeature: (feature, layer) => {
        const name = String((feature.properties as { name?: string } | null)?.name ?? '');
        const shade = shading?.areas[String(feature.id)];
        // Without tiles the names come from our own data; tiles carry their own. A shaded area says why in words.
        if (!base.tiles) layer.bindTooltip(escapeText(name), { permanent: true, direction: 'center', className: 'map-area-label' });
        else if (shade) layer.bindTooltip(escapeText(`${name}: ${shade.label}`), { sticky: true });
      },
    });
    layers.push(areas);
    current.attributionControl.addAttribution(escapeText(t('boundaries')));
    for (const layer of layers) layer.addTo(current);
    areas.bringToBack();
    if (overlay.current?.getLayers().length === 0) {
      const focused = focus ? areas.getLayers().find((l) => (l as L.Layer & { feature?: GeoJSON.Feature }).feature?.id === focus) : undefined;
      const bounds = focused ? (focused as L.Polygon).getBounds() : areas.getBounds();
      if (bounds.isValid()) current.fitBounds(bounds, { padding: [8, 8] });
    }
    return () => {
      for (const layer of layers) layer.remove();
      current.attributionControl.removeAttribution(escapeText(t('boundaries')));
    };
  }, [base, focus, shading, t]);

  /** `baseFailed`: the base could not be fetched; the map then shows only what the page draws, and says so. */
  return { map, overlay, baseFailed };
}
