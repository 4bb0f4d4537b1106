import { Chip } from '@mui/material';
import type { WhistleCategory } from '@whistle/domain';
import { useRecordContext, useTranslate } from 'react-admin';

/** In use, retired, or (older data) only named by a published rule set. */
export function CategoryStatusField(_: { label?: string }) {
  const record = useRecordContext<WhistleCategory>();
  const translate = useTranslate();
  if (!record) return null;
  const status = !record.inDirectory ? 'notInDirectory' : record.active ? 'active' : 'retired';
  const color = status === 'active' ? 'success' : status === 'retired' ? 'default' : 'warning';
  return (
    <Chip
      size="small"
      variant="outlined"
      color={color}
      label={translate(`whistle.categoryDirectory.${status}`)}
      data-testid={`category-status-${record.id}`}
    />
  );
}
