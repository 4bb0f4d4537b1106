import DownloadIcon from '@mui/icons-material/GetApp';
import { useState } from 'react';
import { Button, useListContext, useLocaleState, useNotify } from 'react-admin';
import { downloadWithSession } from '../common/download';

/**
 * The case list as a CSV file, built and streamed by the API (GET /api/cases/export.csv) for every row the list's
 * filter matches, or only the selected rows: react-admin's own export fetches pages in the browser and asked for
 * more rows than the API gives.
 */
const downloadCaseExport = (params: URLSearchParams) => downloadWithSession(`/api/cases/export.csv?${params}`, 'cases.csv');

/** Exports with the list's filter, its order and the console's language; `ids` limits it to chosen rows. */
function useCaseExport(ids?: readonly (string | number)[]) {
  const { filterValues, sort } = useListContext();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const params = new URLSearchParams({
      // Chosen rows are exported as chosen, even if a filter changed since (react-admin keeps the selection).
      filter: JSON.stringify(ids ? {} : (filterValues ?? {})),
      sort: JSON.stringify([sort.field, sort.order]),
      lang: locale === 'en' ? 'en' : 'zh',
    });
    if (ids) params.set('ids', ids.join(','));
    setBusy(true);
    try {
      await downloadCaseExport(params);
    } catch (error) {
      notify('whistle.caseExport.failed', { type: 'error', messageArgs: { message: error instanceof Error ? error.message : String(error) } });
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}

/** In the list's toolbar: every case the current filter matches. */
export function CaseExportButton() {
  const { run, busy } = useCaseExport();
  return (
    <Button label="ra.action.export" onClick={() => void run()} disabled={busy} data-action="export">
      <DownloadIcon />
    </Button>
  );
}

/** In the bulk-action bar: only the selected cases. */
export function CaseExportSelectedButton() {
  const { selectedIds } = useListContext();
  const { run, busy } = useCaseExport(selectedIds);
  return (
    <Button label="whistle.caseExport.selected" onClick={() => void run()} disabled={busy || selectedIds.length === 0} data-action="export-selected">
      <DownloadIcon />
    </Button>
  );
}
