import { AutocompleteArrayInput, AutocompleteInput, ReferenceArrayInput, ReferenceInput, type Validator } from 'react-admin';

/** Units the street can dispatch: departments, property companies and red partners. */
const HANDLER_KINDS = { kind: ['department', 'property_company', 'partner'] };
const BY_NAME = { field: 'name', order: 'ASC' } as const;

export function HandlerInput({ source, validate }: { source: string; validate?: Validator }) {
  return (
    <ReferenceInput source={source} reference="organizations" filter={HANDLER_KINDS} sort={BY_NAME}>
      <AutocompleteInput optionText="name" label={`whistle.actionFields.${source}`} validate={validate} fullWidth />
    </ReferenceInput>
  );
}

export function HandlersInput({ source }: { source: string }) {
  return (
    <ReferenceArrayInput source={source} reference="organizations" filter={HANDLER_KINDS} sort={BY_NAME}>
      <AutocompleteArrayInput optionText="name" label={`whistle.actionFields.${source}`} fullWidth />
    </ReferenceArrayInput>
  );
}

/** One of the units dispatched on this case (a coordinator acting for it names it). */
export function AssignedUnitInput({ organizationIds }: { organizationIds: string[] }) {
  return (
    <ReferenceInput source="organizationId" reference="organizations" filter={{ id: organizationIds }} sort={BY_NAME}>
      <AutocompleteInput optionText="name" label="whistle.actionFields.organizationId" fullWidth />
    </ReferenceInput>
  );
}
