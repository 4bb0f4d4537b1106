import { BooleanInput, TextInput, maxLength, minValue, regex, required } from 'react-admin';

/** The code rule of the API (libs/domain categoryCodeSchema), checked as the admin types. */
const codeRule = regex(/^[a-z][a-z0-9_]{1,63}$/, 'whistle.categoryDirectory.codeInvalid');
const nameRules = [required(), maxLength(100)];

/** The order typed, as a number; nothing typed is no order (a new category then goes last, an edit leaves it). */
const wholeNumber = (value: string) => (value.trim() === '' ? undefined : Number(value));

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
      {/* A number field as text: react-admin's NumberInput hands MUI 9 a prop it no longer takes. Empty: left out. */}
      <TextInput source="sortOrder" type="number" parse={wholeNumber} validate={minValue(0)} helperText="whistle.categoryDirectory.sortOrderHelp" />
      {editing ? <BooleanInput source="active" helperText="whistle.categoryDirectory.activeHelp" /> : null}
    </>
  );
}
