import { AutocompleteInput, BooleanInput, DateTimeInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { CategoryFilterInput } from '../categories/CategoryFilterInput';
import { fromBeijingInput, toBeijingInput } from '../common/when';
import { stageChoices, urgencyChoices } from './choices';

const BY_NAME = { field: 'name', order: 'ASC' } as const;
// Wide enough for a whole name ("宜春路第六网格 Yichun Grid 6"): cut short, grids and units of one street look alike.
const PICKER = { minWidth: 320 } as const;

/**
 * The case filters the list and the board share (the API's GET /api/cases filter keys): text, stage, category,
 * community, grid, current lead unit, urgency, overdue, awaiting arbitration, and "my unit's queue"; then the
 * dashboard's drill-downs (opened from/before, no lead unit, declined by, reopened, unit taking part). Pickers search the
 * directory by name; each carries its label on the outer input too, which the add-filter menu reads.
 */
export const caseFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={stageChoices} alwaysOn />,
  <CategoryFilterInput key="category" source="category" />,
  <ReferenceInput
    label="resources.cases.fields.communityId"
    key="communityId"
    source="communityId"
    reference="organizations"
    filter={{ kind: 'community' }}
    sort={BY_NAME}
  >
    <AutocompleteInput optionText="name" sx={PICKER} label="resources.cases.fields.communityId" />
  </ReferenceInput>,
  <ReferenceInput label="whistle.places.gridId" key="gridId" source="gridId" reference="organizations" filter={{ kind: 'grid' }} sort={BY_NAME}>
    <AutocompleteInput optionText="name" sx={PICKER} label="whistle.places.gridId" />
  </ReferenceInput>,
  <ReferenceInput
    label="resources.cases.fields.leadOrganizationId"
    key="leadOrganizationId"
    source="leadOrganizationId"
    reference="organizations"
    filter={{ kind: ['department', 'property_company', 'partner'] }}
    sort={BY_NAME}
  >
    <AutocompleteInput optionText="name" sx={PICKER} label="resources.cases.fields.leadOrganizationId" />
  </ReferenceInput>,
  <SelectInput key="urgency" source="urgency" choices={urgencyChoices} />,
  <BooleanInput key="overdue" source="overdue" />,
  <BooleanInput key="arbitration" source="arbitration" />,
  <BooleanInput key="myQueue" source="myQueue" />,
  // The dashboard's drill-downs (dashboard/insight/drillDown.ts): shown when a chart opened the list with them.
  <DateTimeInput
    key="createdFrom"
    source="createdFrom"
    label="whistle.insight.filters.createdFrom"
    format={toBeijingInput}
    parse={fromBeijingInput}
  />,
  <DateTimeInput key="createdTo" source="createdTo" label="whistle.insight.filters.createdTo" format={toBeijingInput} parse={fromBeijingInput} />,
  <BooleanInput key="noLead" source="noLead" label="whistle.insight.filters.noLead" />,
  <ReferenceInput
    label="whistle.insight.filters.declinedBy"
    key="declinedBy"
    source="declinedBy"
    reference="organizations"
    filter={{ kind: ['department', 'property_company', 'partner'] }}
    sort={BY_NAME}
  >
    <AutocompleteInput optionText="name" sx={PICKER} label="whistle.insight.filters.declinedBy" />
  </ReferenceInput>,
  <BooleanInput key="reopened" source="reopened" label="whistle.insight.filters.reopened" />,
  <ReferenceInput
    label="whistle.insight.filters.organizationId"
    key="organizationId"
    source="organizationId"
    reference="organizations"
    filter={{ kind: ['department', 'property_company', 'partner'] }}
    sort={BY_NAME}
  >
    <AutocompleteInput optionText="name" sx={PICKER} label="whistle.insight.filters.organizationId" />
  </ReferenceInput>,
];
