import { Typography } from '@mui/material';
import type { GeoPoint } from '@whistle/domain';
import { CircleMarker } from 'react-leaflet';
import { Labeled, useRecordContext, useTranslate } from 'react-admin';
import { PlaceMap } from './PlaceMap';
import { POINT_STYLE } from './pointStyle';

/** The case's point on a small map, with its coordinates; nothing when the whistle named no point. */
export function CaseLocationMap() {
  const record = useRecordContext<{ location?: GeoPoint | null }>();
  const translate = useTranslate();
  const point = record?.location;
  if (!point) return null;
  return (
    <Labeled label="whistle.places.location" fullWidth>
      <div>
        <PlaceMap height={220} testId="case-location-map" center={point}>
          <CircleMarker center={[point.latitude, point.longitude]} pathOptions={{ ...POINT_STYLE, className: 'case-point' }} />
        </PlaceMap>
        <Typography variant="body2" data-testid="case-location-text">
          {translate('whistle.places.picked', { latitude: point.latitude, longitude: point.longitude })}
        </Typography>
      </div>
    </Labeled>
  );
}
