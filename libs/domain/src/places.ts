import { z } from 'zod';

/**
 * Where on the map a case is: a point in WGS 84 degrees, as a map component or a phone's location gives it. Each
 * coordinate is a finite number in its range (a latitude beyond ±90 or a longitude beyond ±180 is no place on
 * earth); the schema refuses anything else, so the API answers 400 before a case is opened.
 */
export const geoPointSchema = z
  .object({
    latitude: z.number().min(-90, 'a latitude is at least -90').max(90, 'a latitude is at most 90').describe('Degrees north (WGS 84), -90 to 90'),
    longitude: z
      .number()
      .min(-180, 'a longitude is at least -180')
      .max(180, 'a longitude is at most 180')
      .describe('Degrees east (WGS 84), -180 to 180'),
  })
  .strict();
export type GeoPoint = z.infer<typeof geoPointSchema>;

/** Digits kept of a picked coordinate: 6 decimals is about 0.1 m, finer than any click on a map means. */
export const COORDINATE_DECIMALS = 6;

/** A point as the whistle form sends it: rounded to what a click can mean, longitude wrapped into -180..180. */
export function pickedPoint(latitude: number, longitude: number): GeoPoint {
  const round = (value: number) => Number(value.toFixed(COORDINATE_DECIMALS));
  // A map panned past the antimeridian reports longitudes beyond ±180 for the same place.
  const wrapped = ((((longitude + 180) % 360) + 360) % 360) - 180;
  return { latitude: round(Math.max(-90, Math.min(90, latitude))), longitude: round(wrapped) };
}

/**
 * What is wrong with a map tile URL template (null: nothing): an http(s) address with the `{z}`, `{x}` and `{y}` a
 * tile server takes (Leaflet's template; `{s}` for subdomains is allowed). A city's own tile server is one.
 */
export function tileUrlProblem(template: string): string | null {
  let url: URL;
  try {
    url = new URL(template);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http(s) URL';
  const missing = ['{z}', '{x}', '{y}'].filter((part) => !template.includes(part));
  return missing.length ? `must contain ${missing.join(', ')} (a tile template such as https://tiles.example/{z}/{x}/{y}.png)` : null;
}

/** Where a map opens when it has no case to show: a point and a zoom level (0 the whole earth, 19 a house). */
export interface MapView extends GeoPoint {
  zoom: number;
}

/** `latitude,longitude,zoom` as a deployment writes it (`WHISTLE_MAP_CENTER`), or null when it is not one. */
export function parseMapView(text: string): MapView | null {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 3 || parts.some((part) => part === '' || !Number.isFinite(Number(part)))) return null;
  const [latitude, longitude, zoom] = parts.map(Number);
  if (!geoPointSchema.safeParse({ latitude, longitude }).success || !Number.isInteger(zoom) || zoom < 0 || zoom > 19) return null;
  return { latitude, longitude, zoom };
}
