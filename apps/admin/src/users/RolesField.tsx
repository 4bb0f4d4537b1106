import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** `label` is read by show layouts for the field's caption. */
export function RolesField(_props: { label?: string }) {
  const record = useRecordContext<{ roles: string[] }>();
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5}>
      {(record?.roles ?? []).map((role) => (
        <Chip key={role} size="small" label={translate(`whistle.roles.${role}`)} />
      ))}
    </Stack>
  );
}
