import { useFormContext, useWatch } from 'react-hook-form';

/**
 * The surrounding rule-set form's `definition.calendar`: its value as the draft holds it (maybe missing or partial),
 * and a setter that marks the form changed. While the definition is not an object (JSON being typed that does not parse
 * yet) there is no calendar to edit.
 */
export function useCalendarField() {
  const { control, setValue } = useFormContext();
  const definition: unknown = useWatch({ control, name: 'definition' });
  const editable = definition == null || (typeof definition === 'object' && !Array.isArray(definition));
  const value = editable ? (definition as { calendar?: unknown } | undefined)?.calendar : undefined;
  const set = (next: unknown) => setValue('definition.calendar', next, { shouldDirty: true, shouldTouch: true });
  return { value, set, editable };
}
