import {
  ArrayInput,
  CheckboxGroupInput,
  FormDataConsumer,
  SaveButton,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useRecordContext,
} from 'react-admin';
import { Divider, Stack } from '@mui/material';
import { TIMED_STAGES } from '@whistle/domain';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { urgencyChoices } from '../cases/choices';
import { DefinitionInput } from './DefinitionInput';
import { DefinitionCheckProvider } from './designer/problems';
import { StageSettings } from './designer/stages/StageSettings';
import { TasksEditor } from './designer/tasks/TasksEditor';
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

/**
 * Until the designer's diagram and tabs hold them: every stage's settings and the tasks, below the JSON, each problem
 * of the live check on its own field.
 */
function DesignerForms() {
  const definition: unknown = useWatch({ name: 'definition' });
  // A new object exactly when its content changes: the form edits parts of the one it holds in place.
  const json = typeof definition === 'string' ? '{}' : JSON.stringify(definition ?? {});
  const checked = useMemo(() => JSON.parse(json) as unknown, [json]);
  return (
    <DefinitionCheckProvider definition={checked}>
      <Stack spacing={3} divider={<Divider flexItem />} sx={{ width: '100%', my: 2 }}>
        {TIMED_STAGES.map((stage) => (
          <StageSettings key={stage} stage={stage} />
        ))}
        <TasksEditor />
      </Stack>
    </DefinitionCheckProvider>
  );
}

/** The draft's fields: which cases it applies to, and the rules themselves as JSON checked while typing. */
export function RuleSetForm({ defaultValues, editing = false }: { defaultValues?: Record<string, unknown>; editing?: boolean }) {
  return (
    <SimpleForm defaultValues={defaultValues} toolbar={editing ? <EditToolbar /> : undefined}>
      <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
      <ArrayInput source="categories" validate={required()} helperText="whistle.ruleSets.categoriesHelp">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="" label="whistle.ruleSets.category" helperText={false} validate={[required(), maxLength(64)]} />
        </SimpleFormIterator>
      </ArrayInput>
      <CheckboxGroupInput source="urgencies" choices={urgencyChoices} helperText="whistle.ruleSets.urgenciesHelp" />
      <DefinitionInput />
      <DesignerForms />
      {editing ? <EditedDryRun /> : null}
    </SimpleForm>
  );
}
