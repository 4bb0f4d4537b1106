import 'leaflet/dist/leaflet.css';
import { Box, Skeleton, Typography } from '@mui/material';
import type { GeoPoint } from '@whistle/domain';
import type { ReactNode } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { useTranslate } from 'react-admin';
import { useConsoleConfig } from '../common/useConsoleConfig';

/** Leaflet writes an attribution as HTML: the deployment's credit is shown as the text it is. */
function asText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface PlaceMapProps {
  /** Where the map opens: a point (at `zoom`, default 16) or, without one, the deployment's centre. */
  center?: GeoPoint | null;
  zoom?: number;
  height: number | string;
  testId: string;
  children?: ReactNode;
}

/**
 * A map with the deployment's tiles (GET /api/console-config: a city's own tile server) under whatever it is given
 * (markers, a click handler). Without a tile server it still works: markers on a plain background, clicks placing
 * points. Markers are circles drawn by Leaflet itself, so no icon image is fetched from anywhere.
 */
export function PlaceMap({ center, zoom, height, testId, children }: PlaceMapProps) {
  const translate = useTranslate();
  const { data } = useConsoleConfig();
  // The map takes its first view when it mounts: it waits for the deployment's centre.
  if (!data) return <Skeleton variant="rectangular" height={height} />;
  const { tileUrl, attribution, center: home } = data.map;
  const opening = center ?? home;
  return (
    <Box data-testid={testId} data-tiles={tileUrl ? 'configured' : 'none'}>
      <Box sx={{ height, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider', bgcolor: 'grey.100' }}>
        <MapContainer center={[opening.latitude, opening.longitude]} zoom={center ? (zoom ?? 16) : home.zoom} style={{ height: '100%' }}>
          {tileUrl && <TileLayer url={tileUrl} attribution={asText(attribution)} />}
          {children}
        </MapContainer>
      </Box>
      {!tileUrl && (
        <Typography variant="caption" color="text.secondary">
          {translate('whistle.places.noTiles')}
        </Typography>
      )}
    </Box>
  );
}
