import ClearIcon from '@mui/icons-material/Clear';
import { Button, FormHelperText, FormLabel, Stack, Typography } from '@mui/material';
import { pickedPoint, type GeoPoint } from '@whistle/domain';
import { CircleMarker, useMapEvents } from 'react-leaflet';
import { useInput, useTranslate } from 'react-admin';
import { PlaceMap } from './PlaceMap';
import { POINT_STYLE } from './pointStyle';

const isPoint = (value: unknown): value is GeoPoint =>
  typeof value === 'object' && value !== null && Number.isFinite((value as GeoPoint).latitude) && Number.isFinite((value as GeoPoint).longitude);

/** Places the point where the map is clicked. */
function ClickToPlace({ onPlace }: { onPlace: (point: GeoPoint) => void }) {
  useMapEvents({ click: (event) => onPlace(pickedPoint(event.latlng.lat, event.latlng.lng)) });
  return null;
}

/**
 * The whistle's point on the map (`location`): a click places it, another click moves it, the button removes it.
 * Optional: the address may say where instead.
 */
export function LocationInput() {
  const translate = useTranslate();
  // Kept as the point itself: react-admin's default format would turn "no point" into an empty string.
  const { field } = useInput<GeoPoint | null>({ source: 'location', defaultValue: null, format: (value) => value, parse: (value) => value });
  const point = isPoint(field.value) ? field.value : null;
  return (
    <Stack spacing={0.5} sx={{ width: '100%', maxWidth: 720, mb: 2 }}>
      <FormLabel>{translate('whistle.places.location')}</FormLabel>
      <PlaceMap height={320} testId="location-picker" center={point}>
        <ClickToPlace onPlace={(placed) => field.onChange(placed)} />
        {point && <CircleMarker center={[point.latitude, point.longitude]} pathOptions={{ ...POINT_STYLE, className: 'picked-point' }} />}
      </PlaceMap>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" data-testid="location-text">
          {point
            ? translate('whistle.places.picked', { latitude: point.latitude, longitude: point.longitude })
            : translate('whistle.places.notPicked')}
        </Typography>
        {point && (
          <Button size="small" startIcon={<ClearIcon />} onClick={() => field.onChange(null)} data-action="clear-location">
            {translate('whistle.places.clear')}
          </Button>
        )}
      </Stack>
      <FormHelperText>{translate('whistle.places.pickHelp')}</FormHelperText>
    </Stack>
  );
}
