import { Grid, Stack } from '@mui/material';
import { Labeled, NumberField, ReferenceField, SelectField, TextField, useRecordContext } from 'react-admin';
import { useCategoryWord } from '../../categories/useCategoryWord';
import { channelChoices, urgencyChoices } from '../choices';
import { StageChip } from '../StageChip';
import { WhenField } from '../../common/WhenField';
import { GridField } from './GridField';
import { CaseLocationMap } from '../../places/CaseLocationMap';
import { ReporterPhone } from './RevealablePhone';

/** The category's name as the directory gives it; a category only a rule set names is shown as its code. */
function CategoryField() {
  const record = useRecordContext<{ category?: string }>();
  const categoryWord = useCategoryWord();
  return record?.category ? <span>{categoryWord(record.category)}</span> : null;
}

/** What the case is, where, who raised it (left); where it stands and how it is classed (right). */
export function CaseSummary() {
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Stack>
          <Labeled>
            <TextField source="title" variant="h6" />
          </Labeled>
          <Labeled fullWidth>
            <TextField source="description" />
          </Labeled>
          <Labeled>
            <TextField source="address" emptyText="—" />
          </Labeled>
          <CaseLocationMap />
          <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Labeled>
              <ReferenceField source="communityId" reference="organizations" link={false} />
            </Labeled>
            <Labeled label="resources.cases.fields.gridId">
              <GridField />
            </Labeled>
            <Labeled>
              <TextField source="reporter.name" />
            </Labeled>
            <Labeled label="resources.cases.fields.reporter.phone">
              <ReporterPhone />
            </Labeled>
            <Labeled>
              <SelectField source="channel" choices={channelChoices} />
            </Labeled>
          </Stack>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Stack>
          <Labeled label="resources.cases.fields.stage">
            <StageChip />
          </Labeled>
          <Labeled>
            <WhenField source="stageDueAt" emptyText="—" />
          </Labeled>
          <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Labeled label="resources.cases.fields.category">
              <CategoryField />
            </Labeled>
            <Labeled>
              <SelectField source="urgency" choices={urgencyChoices} />
            </Labeled>
            <Labeled>
              <NumberField source="reopenCount" />
            </Labeled>
          </Stack>
          <Labeled>
            <WhenField source="createdAt" />
          </Labeled>
        </Stack>
      </Grid>
    </Grid>
  );
}
