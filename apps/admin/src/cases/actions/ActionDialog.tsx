import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { ActionType, CaseAction } from '@whistle/domain';
import { useState, type ReactNode } from 'react';
import { Form, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { TextButton } from '../../common/TextButton';
import type { WhistleDataProvider } from '../../dataProvider';
import type { CaseRecord } from '../case-record';
import { useCaseRefusal } from './useCaseRefusal';

/** Empty inputs are absent fields to the API (its schemas are strict about what they get). */
function compact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== null && v !== undefined));
}

interface ActionDialogProps {
  type: ActionType;
  /** The form's inputs; their sources are the action's payload fields. */
  children?: ReactNode;
  defaultValues?: Record<string, unknown>;
}

/**
 * One case action: a button that opens a dialog with the action's inputs, and POSTs
 * `{type, ...values}` to /api/cases/:id/actions. A refusal is shown in the console's language, from its reason.
 */
export function ActionDialog({ type, children, defaultValues }: ActionDialogProps) {
  const record = useRecordContext<CaseRecord>();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const wordRefusal = useCaseRefusal(record);
  const [open, setOpen] = useState(false);
  const label = `whistle.actions.${type}`;
  const { mutate, isPending } = useMutation({
    mutationFn: (values: Record<string, unknown>) => dataProvider.act(String(record!.id), { type, ...compact(values) } as CaseAction),
    onSuccess: () => {
      setOpen(false);
      notify('whistle.actions.done', { type: 'success', messageArgs: { action: translate(label) } });
      refresh();
    },
    onError: (error: Error) => notify(wordRefusal(error), { type: 'error' }),
  });
  if (!record) return null;
  return (
    <>
      <TextButton label={label} onClick={() => setOpen(true)} data-testid={`action-${type}`} data-action={type} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-label={translate(label)}>
        {/* record={{}}: the form holds the action's payload, not the case in the surrounding record context. */}
        <Form record={{}} defaultValues={defaultValues} onSubmit={(values: Record<string, unknown>) => mutate(values)}>
          <DialogTitle>{translate(label)}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={isPending} data-testid="action-submit">
              {translate(label)}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
