import { CheckboxGroupInput, FormDataConsumer, SaveButton, SimpleForm, TextInput, Toolbar, maxLength, required, useRecordContext } from 'react-admin';
import { urgencyChoices } from '../cases/choices';
import { CategoriesInput } from './CategoriesInput';
import { RuleDesigner } from './designer/RuleDesigner';
import { EditedDryRun } from './dry-run/EditedDryRun';
import { PublishButton } from './PublishButton';
import type { RuleSetRecord } from './types';

/** What PUT /api/rule-sets/:id takes (the form also holds the Advanced tab's JSON state, which is not saved). */
export function toDraft(values: Record<string, unknown>) {
  return {
    name: values.name,
    categories: ((values.categories as string[] | undefined) ?? []).map((c) => String(c ?? '').trim()).filter(Boolean),
    urgencies: values.urgencies ?? [],
    definition: values.definition ?? {},
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Save, and (editing) Publish, which waits until what is on screen is saved. */
function EditToolbar() {
  const record = useRecordContext<RuleSetRecord>();
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton />
      <FormDataConsumer>
        {({ formData }) => {
          const draft = toDraft(formData);
          const saved = record
            ? { name: record.name, categories: record.categories, urgencies: record.urgencies, definition: record.definition }
            : null;
          return <PublishButton disabled={!saved || !same(draft, saved)} />;
        }}
      </FormDataConsumer>
    </Toolbar>
  );
}

/** The draft's fields: which cases it applies to, and the rules themselves in the designer, checked as they change. */
export function RuleSetForm({ defaultValues, editing = false }: { defaultValues?: Record<string, unknown>; editing?: boolean }) {
  return (
    <SimpleForm defaultValues={defaultValues} toolbar={editing ? <EditToolbar /> : undefined}>
      <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
      <CategoriesInput />
      <CheckboxGroupInput source="urgencies" choices={urgencyChoices} helperText="whistle.ruleSets.urgenciesHelp" />
      <RuleDesigner />
      {editing ? <EditedDryRun /> : null}
    </SimpleForm>
  );
}
