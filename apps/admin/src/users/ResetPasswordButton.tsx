import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, Button as MuiButton } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { WhistleDataProvider } from '../dataProvider';

/**
 * Resets a user's password (admin), after a confirmation, and shows the one-time temporary password once:
 * the admin hands it over, the user must replace it at their next sign-in. It is never shown again.
 */
export function ResetPasswordButton() {
  const record = useRecordContext<{ id: string; username: string }>();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.resetPassword(String(record!.id)),
    onSuccess: (answer) => {
      setConfirming(false);
      setTemporaryPassword(answer.temporaryPassword);
    },
    onError: (error: Error) => {
      setConfirming(false);
      notify(error.message, { type: 'error' });
    },
  });
  if (!record) return null;
  const close = () => {
    setTemporaryPassword(null);
    refresh();
  };
  return (
    <>
      <Button label="whistle.users.resetPassword" onClick={() => setConfirming(true)} disabled={isPending} data-testid="reset-password">
        <LockResetIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="whistle.users.resetConfirmTitle"
        content="whistle.users.resetConfirmContent"
        translateOptions={{ username: record.username }}
        onConfirm={() => mutate()}
        onClose={() => setConfirming(false)}
      />
      <Dialog open={temporaryPassword !== null} onClose={close}>
        <DialogTitle>{translate('whistle.users.temporaryTitle', { username: record.username })}</DialogTitle>
        <DialogContent>
          <Box
            component="code"
            data-testid="temporary-password"
            sx={{ display: 'block', my: 1, p: 1.5, fontSize: 20, bgcolor: 'action.hover', borderRadius: 1, userSelect: 'all' }}
          >
            {temporaryPassword}
          </Box>
          <Alert severity="info">{translate('whistle.users.temporaryHelp')}</Alert>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} data-testid="temporary-password-close">
            {translate('ra.action.close')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
