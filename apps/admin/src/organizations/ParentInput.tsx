import { AutocompleteInput, ReferenceInput } from 'react-admin';
import { useWatch } from 'react-hook-form';

const BY_NAME = { field: 'name', order: 'ASC' } as const;

/**
 * The organization it belongs to, picked by name: a grid belongs to a community (the API refuses anything else),
 * a community to its street.
 */
export function ParentInput() {
  const kind = useWatch<{ kind?: string }>({ name: 'kind' });
  const filter = kind === 'grid' ? { kind: 'community' } : { kind: ['street', 'community'] };
  return (
    <ReferenceInput source="parentId" reference="organizations" filter={filter} sort={BY_NAME}>
      <AutocompleteInput optionText="name" helperText="whistle.organizations.parentHelp" />
    </ReferenceInput>
  );
}
