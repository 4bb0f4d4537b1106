import { Grid } from '@mui/material';
import { DateField, Labeled, NumberField, ReferenceField, SelectField, TextField } from 'react-admin';
import { categoryChoices, channelChoices, urgencyChoices } from '../choices';
import { StageChip } from '../StageChip';

/** What the case is, where, who raised it, and where it stands. */
export function CaseSummary() {
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Labeled>
          <TextField source="title" variant="h6" />
        </Labeled>
        <Labeled fullWidth>
          <TextField source="description" />
        </Labeled>
        <Labeled>
          <TextField source="address" emptyText="—" />
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Labeled label="resources.cases.fields.stage">
          <StageChip />
        </Labeled>
        <Labeled>
          <DateField source="stageDueAt" showTime emptyText="—" />
        </Labeled>
        <Labeled>
          <ReferenceField source="communityId" reference="organizations" link={false} />
        </Labeled>
        <Labeled>
          <SelectField source="category" choices={categoryChoices} />
        </Labeled>
        <Labeled>
          <SelectField source="urgency" choices={urgencyChoices} />
        </Labeled>
        <Labeled>
          <SelectField source="channel" choices={channelChoices} />
        </Labeled>
        <Labeled>
          <TextField source="reporter.name" />
        </Labeled>
        <Labeled>
          <TextField source="reporter.phone" />
        </Labeled>
        <Labeled>
          <NumberField source="reopenCount" />
        </Labeled>
        <Labeled>
          <DateField source="createdAt" showTime />
        </Labeled>
      </Grid>
    </Grid>
  );
}
