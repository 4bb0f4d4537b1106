import { useFormContext, useWatch } from 'react-hook-form';

type Definition = Record<string, unknown> | null | undefined;

/**
 * The surrounding rule-set form's `definition.calendar`: its value as the draft holds it (maybe missing or partial),
 * and a setter that marks the form changed. While the definition is not an object (JSON being typed that does not parse
 * yet) there is no calendar to edit.
 */
export function useCalendarField() {
  const { control, setValue } = useFormContext();
  const definition: unknown = useWatch({ control, name: 'definition' });
  const editable = definition == null || (typeof definition === 'object' && !Array.isArray(definition));
  const value = editable ? (definition as Definition)?.calendar : undefined;
  // The whole definition is set, not only its calendar: inputs of `definition` itself (the JSON) watch that exact name
  // and would go on showing the old calendar, then write it back on the admin's next keystroke there.
  const set = (next: unknown) => setValue('definition', { ...(definition as Definition), calendar: next }, { shouldDirty: true, shouldTouch: true });
  return { value, set, editable };
}
