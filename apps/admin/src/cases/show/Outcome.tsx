import { Labeled, NumberField, SelectField, TextField, useRecordContext } from 'react-admin';
import type { CaseView } from '@whistle/domain';
import { Stack } from '@mui/material';
import { outcomeChoices } from '../choices';

/** How the lead unit resolved the case and what the residents said; nothing until then. */
export function Outcome() {
  const record = useRecordContext<CaseView>();
  if (!record?.resolution && !record?.feedback) return null;
  return (
    <Stack direction="row" spacing={4}>
      {record.resolution ? (
        <>
          <Labeled>
            <TextField source="resolution.summary" />
          </Labeled>
          <Labeled>
            <SelectField source="resolution.outcome" choices={outcomeChoices} />
          </Labeled>
        </>
      ) : null}
      {record.feedback ? (
        <>
          <Labeled>
            <NumberField source="feedback.satisfaction" />
          </Labeled>
          <Labeled>
            <TextField source="feedback.comment" emptyText="—" />
          </Labeled>
        </>
      ) : null}
    </Stack>
  );
}
