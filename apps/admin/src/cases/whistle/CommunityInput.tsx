import { TextField as MuiTextField } from '@mui/material';
import { AutocompleteInput, ReferenceInput, required, useGetOne, useTranslate } from 'react-admin';

/**
 * The community the whistle is blown for. A community's own user blows it for their community only: it is fixed
 * (the form's default value) and shown by name, not offered as a choice. A coordinator picks one of the communities.
 */
export function CommunityInput({ fixedCommunityId }: { fixedCommunityId: string | null }) {
  if (fixedCommunityId) return <FixedCommunity id={fixedCommunityId} />;
  return (
    <ReferenceInput source="communityId" reference="organizations" filter={{ kind: 'community' }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" validate={required()} />
    </ReferenceInput>
  );
}

function FixedCommunity({ id }: { id: string }) {
  const translate = useTranslate();
  const { data } = useGetOne<{ id: string; name: string }>('organizations', { id });
  return (
    <MuiTextField
      label={translate('resources.cases.fields.communityId')}
      value={data?.name ?? ''}
      helperText={translate('whistle.whistleForm.communityFixed')}
      slotProps={{ input: { readOnly: true }, htmlInput: { 'data-testid': 'whistle-community' } }}
      size="small"
      variant="filled"
      sx={{ mb: 1, minWidth: 280 }}
    />
  );
}
