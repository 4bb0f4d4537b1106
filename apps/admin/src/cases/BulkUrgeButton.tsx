import CampaignIcon from '@mui/icons-material/Campaign';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Button, Form, TextInput, maxLength, required, useDataProvider, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { WhistleDataProvider } from '../dataProvider';

/**
 * 批量督办: urges the lead unit of each selected case with one note. Each case is its own action, so the API decides
 * case by case (a case with no lead yet, or one this user may not urge, refuses); the user is told how many were
 * urged and how many refused.
 */
export function BulkUrgeButton() {
  const { selectedIds, onUnselectItems } = useListContext();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const urgeAll = async ({ note }: { note: string }) => {
    setBusy(true);
    // One at a time: a street's selection is a page of cases, and the API answers each in its own workflow.
    let urged = 0;
    for (const id of selectedIds) {
      try {
        await dataProvider.act(String(id), { type: 'urge', note });
        urged += 1;
      } catch {
        // Counted below as refused; the case page says why for a single case.
      }
    }
    setBusy(false);
    setOpen(false);
    const refused = selectedIds.length - urged;
    notify('whistle.bulkUrge.result', { type: refused === 0 ? 'success' : 'warning', messageArgs: { urged, refused } });
    if (urged > 0) onUnselectItems();
    refresh();
  };

  return (
    <>
      <Button label="whistle.bulkUrge.button" onClick={() => setOpen(true)} disabled={selectedIds.length === 0} data-action="urge">
        <CampaignIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-label={translate('whistle.bulkUrge.button')}>
        <Form record={{}} onSubmit={(values: Record<string, unknown>) => void urgeAll(values as { note: string })}>
          <DialogTitle>{translate('whistle.bulkUrge.title', { smart_count: selectedIds.length })}</DialogTitle>
          <DialogContent>
            <TextInput source="note" label="whistle.actionFields.urgeNote" validate={[required(), maxLength(2000)]} multiline fullWidth />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={busy} data-testid="action-submit">
              {translate('whistle.bulkUrge.button')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
