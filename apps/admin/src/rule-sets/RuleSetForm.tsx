import { CheckboxGroupInput, FormDataConsumer, SaveButton, SimpleForm, TextInput, Toolbar, maxLength, required, useRecordContext } from 'react-admin';
import { urgencyChoices } from '../cases/choices';
import { CategoriesInput } from './CategoriesInput';
import { DefinitionInput } from './DefinitionInput';
import { EditedDryRun } from './dry-run/EditedDryRun';
import { PublishButton } from './PublishButton';
import { definitionOf } from './template';
import type { RuleSetRecord } from './types';

/** What PUT /api/rule-sets/:id takes: the definition typed as text becomes the object again. */
export function toDraft(values: Record<string, unknown>) {
  return {
    name: values.name,
    categories: ((values.categories as string[] | undefined) ?? []).map((c) => String(c ?? '').trim()).filter(Boolean),
    urgencies: values.urgencies ?? [],
    definition: definitionOf(values.definition),
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

/** The draft's fields: which cases it applies to, and the rules themselves as JSON checked while typing. */
export function RuleSetForm({ defaultValues, editing = false }: { defaultValues?: Record<string, unknown>; editing?: boolean }) {
  return (
    <SimpleForm defaultValues={defaultValues} toolbar={editing ? <EditToolbar /> : undefined}>
      <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
      <CategoriesInput />
      <CheckboxGroupInput source="urgencies" choices={urgencyChoices} helperText="whistle.ruleSets.urgenciesHelp" />
      <DefinitionInput />
      {editing ? <EditedDryRun /> : null}
    </SimpleForm>
  );
}
