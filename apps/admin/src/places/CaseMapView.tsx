import { Alert, Stack, Typography } from '@mui/material';
import type { GeoPoint } from '@whistle/domain';
import { latLngBounds } from 'leaflet';
import { useEffect } from 'react';
import { CircleMarker, Tooltip, useMap } from 'react-leaflet';
import { useCreatePath, useGetList, useListContext, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { PlaceMap } from './PlaceMap';
import { POINT_STYLE } from './pointStyle';

/** The most cases one map shows: the API's largest page. A list with more says how many it left out. */
export const MAP_CASE_LIMIT = 500;

interface LocatedCase {
  id: string;
  code: string;
  title: string;
  location: GeoPoint;
}

/** Frames the cases' points (a single one at street level). */
function FitPoints({ points }: { points: GeoPoint[] }) {
  const map = useMap();
  const key = points.map((p) => `${p.latitude},${p.longitude}`).join(';');
  useEffect(() => {
    if (points.length === 0) return;
    map.fitBounds(latLngBounds(points.map((p) => [p.latitude, p.longitude])), { padding: [32, 32], maxZoom: 16 });
    // Keyed on the coordinates, not the array: a refetch of the same cases leaves the view where the user moved it.
  }, [map, key]);
  return null;
}

/**
 * The case list on a map: the cases the list's filters match that have a point (`located`), each a marker that
 * opens its case. The list's filters (a grid, a stage, overdue...) narrow the map as they narrow the table.
 */
export function CaseMapView() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const { filterValues, sort } = useListContext();
  const { data, total, isPending } = useGetList<LocatedCase>('cases', {
    filter: { ...filterValues, located: true },
    sort,
    pagination: { page: 1, perPage: MAP_CASE_LIMIT },
  });
  const cases = data ?? [];
  return (
    <Stack spacing={1} sx={{ p: 2 }} data-testid="case-map-view">
      {!isPending && cases.length === 0 && <Alert severity="info">{translate('whistle.places.mapNone')}</Alert>}
      <PlaceMap height="calc(100vh - 260px)" testId="case-list-map">
        <FitPoints points={cases.map((c) => c.location)} />
        {cases.map((c) => (
          <CircleMarker
            key={c.id}
            center={[c.location.latitude, c.location.longitude]}
            pathOptions={{ ...POINT_STYLE, className: `case-marker case-marker-${c.code}` }}
            eventHandlers={{ click: () => navigate(createPath({ resource: 'cases', id: c.id, type: 'show' })) }}
          >
            <Tooltip>
              {c.code} {c.title}
            </Tooltip>
          </CircleMarker>
        ))}
      </PlaceMap>
      {!isPending && cases.length > 0 && (
        <Typography variant="caption" color="text.secondary" data-testid="case-map-count">
          {translate('whistle.places.mapCount', { shown: cases.length, total: total ?? cases.length })}
        </Typography>
      )}
    </Stack>
  );
}
