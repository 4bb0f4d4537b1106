import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { useRecordContext, useTranslate } from 'react-admin';
import { useConsoleConfig } from '../../common/useConsoleConfig';

/**
 * The case's workflow in the Temporal UI, for coordinators tracing what the engine did (the API gives the address
 * to coordinators only, and only where the deployment names one).
 */
export function TemporalLink() {
  const record = useRecordContext<CaseView>();
  const translate = useTranslate();
  const { data } = useConsoleConfig();
  if (!record?.workflowId || !data?.temporalUi) return null;
  const { url, namespace } = data.temporalUi;
  const href = `${url.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(record.workflowId)}`;
  return (
    <Button size="small" href={href} target="_blank" rel="noopener noreferrer" startIcon={<OpenInNewIcon />} data-testid="temporal-link">
      {translate('whistle.casePage.temporal')}
    </Button>
  );
}
