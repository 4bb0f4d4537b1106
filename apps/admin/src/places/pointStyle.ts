import type { CircleMarkerOptions } from 'leaflet';

/** How a case's point is drawn on every map: a filled circle, big enough to click on a phone. */
export const POINT_STYLE: CircleMarkerOptions = { radius: 9, color: '#b71c1c', weight: 2, fillColor: '#e53935', fillOpacity: 0.85 };
