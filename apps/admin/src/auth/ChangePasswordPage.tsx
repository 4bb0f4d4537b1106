import { Alert, Card, CardContent, Stack } from '@mui/material';
import { Form, HttpError, PasswordInput, SaveButton, Title, required, useDataProvider, useNavigate, useNotify, useTranslate } from 'react-admin';
import type { WhistleDataProvider } from '../dataProvider';
import { newPasswordValidator } from './newPasswordValidator';
import { mustChangePassword, readSession, saveSession } from './session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const sameAsNew = (value: unknown, values: Record<string, unknown>) =>
  value && value !== values.newPassword ? 'whistle.password.mismatch' : undefined;
const notCurrent = (value: unknown, values: Record<string, unknown>) =>
  value && value === values.currentPassword ? 'whistle.password.sameAsCurrent' : undefined;

/**
 * Every user's own password change (from the user menu), and the only page shown after signing in with a
 * password an admin reset. The API's refusals (a wrong current password, a weak new one) show on their fields.
 */
export function ChangePasswordPage() {
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const notify = useNotify();
  const navigate = useNavigate();
  const translate = useTranslate();
  const forced = mustChangePassword();
  const acceptable = newPasswordValidator(() => readSession()?.user.username);

  const submit = async (values: Partial<Values>) => {
    try {
      const changed = await dataProvider.changePassword(values.currentPassword ?? '', values.newPassword ?? '');
      saveSession(changed.accessToken, { ...changed.user, mustChangePassword: false });
      notify('whistle.password.changed', { type: 'success' });
      navigate('/');
      return undefined;
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      if (errors) return errors;
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 560 }} data-testid="change-password">
      <Title title="whistle.password.title" />
      <CardContent>
        <Stack spacing={2}>
          {forced ? (
            <Alert severity="warning" data-testid="password-change-required">
              {translate('whistle.password.forced')}
            </Alert>
          ) : null}
          <Form onSubmit={submit}>
            <Stack>
              <PasswordInput source="currentPassword" label="whistle.password.current" validate={required()} autoComplete="current-password" />
              <PasswordInput
                source="newPassword"
                label="whistle.password.new"
                validate={[required(), notCurrent, acceptable]}
                helperText="whistle.password.policy"
                autoComplete="new-password"
              />
              <PasswordInput
                source="confirmPassword"
                label="whistle.password.confirm"
                validate={[required(), sameAsNew]}
                autoComplete="new-password"
              />
              <SaveButton label="whistle.password.submit" alwaysEnable />
            </Stack>
          </Form>
        </Stack>
      </CardContent>
    </Card>
  );
}
