import ListIcon from '@mui/icons-material/ViewList';
import MapIcon from '@mui/icons-material/Map';
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useStore, useTranslate } from 'react-admin';

export type CaseListView = 'list' | 'map';

/** Whether the case list shows as a list or on a map; kept per browser, as one's way of working. */
export function useCaseListView() {
  return useStore<CaseListView>('cases.listView', 'list');
}

/** The list's switch between the table (or cards) and the map. */
export function CaseViewToggle() {
  const translate = useTranslate();
  const [view, setView] = useCaseListView();
  return (
    <ToggleButtonGroup size="small" exclusive value={view} onChange={(_event, next: CaseListView | null) => next && setView(next)}>
      <ToggleButton value="list" aria-label={translate('whistle.places.view.list')} data-list-view="list">
        <ListIcon fontSize="small" sx={{ mr: 0.5 }} />
        {translate('whistle.places.view.list')}
      </ToggleButton>
      <ToggleButton value="map" aria-label={translate('whistle.places.view.map')} data-list-view="map">
        <MapIcon fontSize="small" sx={{ mr: 0.5 }} />
        {translate('whistle.places.view.map')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
