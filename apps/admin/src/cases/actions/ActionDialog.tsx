import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, useMediaQuery, type Theme } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { ActionType, AttachmentPurpose, CaseAction } from '@whistle/domain';
import { useContext, useState, type ReactNode } from 'react';
import { Form, HttpError, RecordContextProvider, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { failedUploads } from '../../attachments/attachmentRefusal';
import { uploadAll, type PickedFile } from '../../attachments/attachmentsApi';
import { FILES_FIELD } from '../../attachments/EvidenceFilesInput';
import { TextButton } from '../../common/TextButton';
import type { WhistleDataProvider } from '../../dataProvider';
import type { CaseRecord } from '../case-record';
import { ActionDialogControl } from './ActionDialogControl';
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
  /** Turns the form's values into the payload, where they differ (e.g. dropping empty rows of a list). */
  transform?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** The case, where the record context is something else (a row of one of its lists). */
  caseRecord?: CaseRecord;
  /**
   * Files picked in an `EvidenceFilesInput` go up once the action is taken, as this purpose (and the item or task
   * the payload names); they are never part of the action itself.
   */
  evidence?: { purpose: AttachmentPurpose; targetOf?: (payload: Record<string, unknown>) => string | null };
}

/**
 * The API's field issues (`details.issues`, which the data provider copies to `body.errors`, keyed by payload path
 * and worded in the console's language where it knows the message), for the form to show under its inputs.
 */
function fieldErrors(error: unknown): Record<string, string> | undefined {
  const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> } | undefined)?.errors : undefined;
  return errors && Object.keys(errors).length ? errors : undefined;
}

/**
 * One case action: a button that opens a dialog with the action's inputs, and POSTs
 * `{type, ...values}` to /api/cases/:id/actions. A refusal is shown in the console's language, from its reason.
 * Under the case toolbar's `ActionDialogControl` the toolbar holds whether it is open (on a phone its menu opens it).
 * On a phone the dialog takes the whole screen.
 */
export function ActionDialog({ type, children, defaultValues, transform = (values) => values, caseRecord, evidence }: ActionDialogProps) {
  const contextRecord = useRecordContext<CaseRecord>();
  const record = caseRecord ?? contextRecord;
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const wordRefusal = useCaseRefusal(record);
  const control = useContext(ActionDialogControl);
  const [ownOpen, setOwnOpen] = useState(false);
  const open = control ? control.open : ownOpen;
  const show = () => (control ? control.onOpen() : setOwnOpen(true));
  const close = () => (control ? control.onClose() : setOwnOpen(false));
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const label = `whistle.actions.${type}`;
  const { mutateAsync, isPending } = useMutation({
    mutationFn: async ({ [FILES_FIELD]: files, ...values }: Record<string, unknown>) => {
      const payload = compact(transform(values));
      const after = await dataProvider.act(String(record!.id), { type, ...payload } as CaseAction);
      if (evidence) {
        const failed = await uploadAll(String(record!.id), evidence.purpose, evidence.targetOf?.(payload) ?? null, files as PickedFile[] | undefined);
        // The action is taken either way; a refused file is named, and can be added again from the case page's action.
        if (failed.length) notify('whistle.attachments.uploadFailed', { type: 'warning', messageArgs: { files: failedUploads(failed, translate) } });
      }
      return after;
    },
    onSuccess: () => {
      close();
      notify('whistle.actions.done', { type: 'success', messageArgs: { action: translate(label) } });
      refresh();
    },
    // Field issues are shown under their inputs; the notification only points at them.
    // A refusal comes already worded: `_` has the notification show it as it is rather than look it up as a key.
    onError: (error: Error) => {
      const message = fieldErrors(error) ? translate('ra.message.invalid_form') : wordRefusal(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
  });
  // Returned to the form, which shows each under its input (the notification says the whole refusal).
  const submit = (values: Record<string, unknown>) =>
    mutateAsync(values).then(
      () => undefined,
      (error: unknown) => fieldErrors(error),
    );
  if (!record) return null;
  return (
    <RecordContextProvider value={record}>
      {control && !control.showButton ? null : <TextButton label={label} onClick={show} data-testid={`action-${type}`} data-action={type} />}
      <Dialog open={open} onClose={close} fullWidth fullScreen={phone} maxWidth="sm" aria-label={translate(label)}>
        {/* record={{}}: the form holds the action's payload, not the case in the surrounding record context. */}
        <Form record={{}} defaultValues={defaultValues} onSubmit={submit}>
          <DialogTitle>{translate(label)}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={isPending} data-testid="action-submit">
              {translate(label)}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </RecordContextProvider>
  );
}
