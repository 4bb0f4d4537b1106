import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCategoryWord } from '../categories/useCategoryWord';

/**
 * A list of case categories or urgencies as chips; categories as the category directory names them, urgencies
 * translated, `*` as "every category". An empty urgency list means every urgency.
 */
export function ChipsField({ source, prefix }: { source: 'categories' | 'urgencies'; prefix: string; label?: string }) {
  const record = useRecordContext<Record<string, unknown>>();
  const translate = useTranslate();
  const categoryWord = useCategoryWord();
  const values = (record?.[source] as string[] | undefined) ?? [];
  const label = (value: string) =>
    value === '*'
      ? translate('whistle.ruleSets.anyCategory')
      : source === 'categories'
        ? categoryWord(value)
        : translate(`${prefix}.${value}`, { _: value });
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {values.length ? (
        values.map((value) => <Chip key={value} size="small" variant="outlined" label={label(value)} title={value} />)
      ) : (
        <Chip size="small" variant="outlined" label={translate('whistle.ruleSets.anyUrgency')} />
      )}
    </Stack>
  );
}

export const CategoriesField = (props: { label?: string }) => <ChipsField source="categories" prefix="whistle.categories" {...props} />;
export const UrgenciesField = (props: { label?: string }) => <ChipsField source="urgencies" prefix="whistle.urgencies" {...props} />;
