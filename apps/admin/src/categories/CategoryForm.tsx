import { BooleanInput, NumberInput, TextInput, maxLength, minValue, regex, required } from 'react-admin';

/** The code rule of the API (libs/domain categoryCodeSchema), checked as the admin types. */
const codeRule = regex(/^[a-z][a-z0-9_]{1,63}$/, 'whistle.categoryDirectory.codeInvalid');
const nameRules = [required(), maxLength(100)];

/** The code: typed once, when the category is created; shown, not editable, afterwards (cases store it). */
export function CategoryCodeInput({ editing = false }: { editing?: boolean }) {
  return editing ? (
    <TextInput source="id" label="resources.categories.fields.code" disabled helperText="whistle.categoryDirectory.codeFixed" />
  ) : (
    <TextInput source="code" validate={[required(), codeRule]} helperText="whistle.categoryDirectory.codeHelp" />
  );
}

/** The names and order, the same on both forms; retiring only on edit. */
export function CategoryFields({ editing = false }: { editing?: boolean }) {
  return (
    <>
      <TextInput source="nameZh" validate={nameRules} fullWidth />
      <TextInput source="nameEn" validate={nameRules} fullWidth />
      <NumberInput source="sortOrder" validate={minValue(0)} step={10} helperText="whistle.categoryDirectory.sortOrderHelp" />
      {editing ? <BooleanInput source="active" helperText="whistle.categoryDirectory.activeHelp" /> : null}
    </>
  );
}
