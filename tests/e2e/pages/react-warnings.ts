/**
 * React's (and MUI's) development warnings as they reach the browser console: each names a defect on the screen
 * (invalid markup, a missing key, a state update in render...) that production builds hide. React 19 dropped the
 * old "Warning:" prefix, so the wording of each kind is matched too.
 */
const REACT_WARNINGS: RegExp[] = [
  /^Warning: /,
  /validateDOMNesting/,
  /In HTML, .* cannot be a (child|descendant) of/,
  /cannot contain a nested/,
  /unique "key" prop/,
  /Encountered two children with the same key/,
  /not wrapped in act\(/,
  /React does not recognize the .* prop on a DOM element/,
  /Invalid DOM property/,
  /Received `?(true|false)`? for a non-boolean attribute/,
  /is changing an? (un)?controlled input/,
  /Cannot update a component .* while rendering a different component/,
  /Maximum update depth exceeded/,
  /Function components cannot be given refs/,
  /Each child in a list should have/,
  /^MUI: /,
];

/** The console messages (of type error or warning) that are React or MUI development warnings. */
export function reactWarnings(messages: readonly string[]): string[] {
  return messages.filter((message) => REACT_WARNINGS.some((pattern) => pattern.test(message)));
}
