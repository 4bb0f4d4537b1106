import { CASE_UNIT_KINDS } from '@whistle/domain';
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

/** One of the units the user may act for on this case, by name (a coordinator acting for a unit names it). */
export function AssignedUnitInput({ organizationIds }: { organizationIds: string[] }) {
  return (
    <ReferenceInput source="organizationId" reference="organizations" filter={{ id: organizationIds }} sort={BY_NAME}>
      <AutocompleteInput optionText="name" label="whistle.actionFields.organizationId" fullWidth />
    </ReferenceInput>
  );
}

/**
 * Whether the user must say which unit they act for: yes when they may act for a unit other than their own (a
 * coordinator); a unit's own user acts for itself and the API takes their unit.
 */
export function actsForOtherUnits(organizationIds: string[], ownOrganizationId: string | null | undefined): boolean {
  return organizationIds.some((id) => id !== ownOrganizationId);
}

/** The unit preselected when there is only one the user may act for. */
export function onlyUnit(organizationIds: string[]): string | undefined {
  return organizationIds.length === 1 ? organizationIds[0] : undefined;
}

/** Every kind of unit a case can name; grids are places, not units. */
const UNIT_KINDS = { kind: [...CASE_UNIT_KINDS] };

/**
 * Any unit of the directory, found by typing part of its name (the API searches with `q`, so the whole
 * directory is reachable, not only its first page). `label` is an i18n key; `source` may be a row's (`attendees.0.organizationId`).
 */
export function DirectoryOrganizationInput({ source, label, validate }: { source: string; label: string; validate?: Validator }) {
  return (
    <ReferenceInput source={source} reference="organizations" filter={UNIT_KINDS} sort={BY_NAME}>
      <AutocompleteInput optionText="name" label={label} validate={validate} fullWidth />
    </ReferenceInput>
  );
}
