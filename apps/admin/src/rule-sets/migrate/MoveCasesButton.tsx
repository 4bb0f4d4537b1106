import MoveUpIcon from '@mui/icons-material/MoveUp';
import type { Role } from '@whistle/domain';
import { useState } from 'react';
import { Button, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { RuleSetRecord } from '../types';
import { MoveCasesDialog } from './MoveCasesDialog';

/**
 * "Move running cases to version N" (admins): open cases keep the version they started with until an admin moves
 * them here, after seeing each case's time limits before and after. Only once there is an older version to move from.
 */
export function MoveCasesButton() {
  const record = useRecordContext<RuleSetRecord>();
  const { permissions } = usePermissions<Role[]>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record || !permissions?.includes('admin') || record.latestVersion < 2) return null;
  return (
    <>
      <Button
        label={translate('whistle.migrate.open', { version: record.latestVersion })}
        onClick={() => setOpen(true)}
        data-testid="move-cases-open"
      >
        <MoveUpIcon />
      </Button>
      {open ? <MoveCasesDialog ruleSetId={String(record.id)} version={record.latestVersion} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
