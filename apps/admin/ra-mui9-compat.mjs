/**
 * react-admin 5 hands MUI's inputs both the props MUI 5 took (`InputProps`, `InputLabelProps`, `inputRef` on a
 * FormControlLabel) and, for MUI 6 and later, the same values as `slotProps`. MUI 9 removed the old props, so they
 * fall through to a <div> and React warns on every text, date and boolean input. This rewrites those few calls in
 * react-admin's build to pass `slotProps` only, when the console is built and when Vite pre-bundles it for the dev
 * server. Each rewrite must find its exact code: a react-admin upgrade that changes it fails the build, so this
 * shim is looked at again (and dropped once react-admin stops passing the old props).
 */
/** @type {Record<string, [string, string][]>} */
const REWRITES = {
  // The same props go in `slotProps.input` (mergedSlotProps) just after.
  'input/ResettableTextField.js': [['InputProps: inputProps, disabled:', 'disabled:']],
  // `slotProps.inputLabel` already carries `shrink`.
  'input/DateTimeInput.js': [['InputLabelProps: defaultInputLabelProps, ', '']],
  'input/DateInput.js': [['InputLabelProps: defaultInputLabelProps, ', '']],
  'input/TimeInput.js': [['InputLabelProps: defaultInputLabelProps, ', '']],
  // MUI 9's Autocomplete gives `params.slotProps`; react-admin's own input props (readOnly) join them there.
  'input/AutocompleteInput.js': [
    [
      '...params, ...TextFieldProps, InputProps: mergedTextFieldProps, ...mergedSlotProps,',
      '...params, ...TextFieldProps, slotProps: { ...params.slotProps, input: { ...params.slotProps?.input, ...mergedTextFieldProps } }, ...mergedSlotProps,',
    ],
  ],
  // The form's ref goes to the switch's or checkbox's own input instead of the label.
  'input/BooleanInput.js': [
    [
      'React.createElement(FormControlLabel, { inputRef: field.ref, control: React.createElement(Switch, { ',
      'React.createElement(FormControlLabel, { control: React.createElement(Switch, { slotProps: { input: { ref: field.ref } }, ',
    ],
  ],
  // The list's "select all" checkbox: `slotProps.input` carries the same aria-label just after.
  'list/datatable/SelectPageCheckbox.js': [['React.createElement(Checkbox, { inputProps: selectAllInputProps, ', 'React.createElement(Checkbox, { ']],
  'input/CheckboxGroupInputItem.js': [
    [
      'className: className, inputRef: inputRef, control: React.createElement(Checkbox, { ',
      'className: className, control: React.createElement(Checkbox, { slotProps: { input: { ref: inputRef } }, ',
    ],
  ],
};

/** @param {string} code @param {string} id @returns {string | null} */
function rewrite(code, id) {
  const path = id.split('?')[0].replace(/\\/g, '/');
  const marker = '/ra-ui-materialui/dist/';
  const at = path.lastIndexOf(marker);
  if (at < 0) return null;
  const rewrites = REWRITES[path.slice(at + marker.length)];
  if (!rewrites) return null;
  let out = code;
  for (const [from, to] of rewrites) {
    if (!out.includes(from))
      throw new Error(`ra-mui9-compat: ${path} no longer contains "${from}"; check whether react-admin still needs this rewrite`);
    out = out.split(from).join(to);
  }
  return out;
}

/**
 * The plugin, for Vite (the build, the dev server's own transforms) and for Rolldown (the dev server's dependency
 * pre-bundling, which Vite plugins do not reach): both take this shape.
 */
export function raMui9Compat() {
  return {
    name: 'whistle:ra-mui9-compat',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      const out = rewrite(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}
