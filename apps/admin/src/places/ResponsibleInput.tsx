import { useEffect } from 'react';
import { AutocompleteInput, ReferenceInput, useRecordContext } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

/**
 * A grid's grid member responsible (admin), picked by name among the users of that grid and of its community, the
 * only ones the API takes (active ones: it refuses a deactivated account). Other kinds have none: choosing another
 * kind empties it.
 */
export function ResponsibleInput() {
  const record = useRecordContext<{ id?: string }>();
  const [kind, parentId] = useWatch<{ kind?: string; parentId?: string | null }>({ name: ['kind', 'parentId'] });
  const { setValue, getValues } = useFormContext();
  useEffect(() => {
    if (kind !== 'grid' && getValues('responsibleUserId')) setValue('responsibleUserId', null, { shouldDirty: true });
  }, [kind, getValues, setValue]);
  if (kind !== 'grid') return null;
  const organizationIds = [record?.id, parentId].filter((id): id is string => !!id);
  return (
    <ReferenceInput
      source="responsibleUserId"
      reference="users"
      filter={{ organizationId: organizationIds }}
      sort={{ field: 'displayName', order: 'ASC' }}
      enableGetChoices={() => organizationIds.length > 0}
    >
      <AutocompleteInput
        optionText="displayName"
        label="whistle.places.responsible"
        helperText="whistle.places.responsibleHelp"
        parse={(value: string | null) => (value ? value : null)}
        data-testid="responsible-input"
      />
    </ReferenceInput>
  );
}
