import VerifiedIcon from '@mui/icons-material/Verified';
import { Alert } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { WhistleDataProvider } from '../dataProvider';
import type { AuditChainReport } from './types';

/** Recomputes the hash chain on the server and says whether it is intact, or where it breaks. */
export function VerifyChainButton() {
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [report, setReport] = useState<AuditChainReport | null>(null);
  const [checking, setChecking] = useState(false);

  const verify = async () => {
    setChecking(true);
    try {
      setReport(await dataProvider.verifyAuditChain());
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      {report ? (
        <Alert severity={report.intact ? 'success' : 'error'} sx={{ py: 0 }} data-testid="audit-verify-result" data-intact={String(report.intact)}>
          {report.intact
            ? translate('whistle.audit.intact', { smart_count: report.rows })
            : translate('whistle.audit.broken', {
                seq: report.brokenAt?.seq ?? '?',
                reason: translate(`whistle.audit.reasons.${report.brokenAt?.reason}`),
              })}
        </Alert>
      ) : null}
      <Button label="whistle.audit.verify" onClick={verify} disabled={checking} data-testid="audit-verify">
        <VerifiedIcon />
      </Button>
    </>
  );
}
