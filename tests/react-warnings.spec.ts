import { reactWarnings } from './e2e/pages/react-warnings';

describe("the browser suites' React warning check", () => {
  it('catches the warnings React 18 and 19 and MUI print, and lets ordinary errors through', () => {
    const warnings = [
      'Warning: validateDOMNesting(...): <div> cannot appear as a descendant of <p>.',
      'In HTML, <div> cannot be a descendant of <p>.\nThis will cause a hydration error.',
      'Each child in a list should have a unique "key" prop.%s%s See https://react.dev/link/warning-keys for more information.',
      'A component is changing an uncontrolled input to be controlled.',
      'An update to Timeline inside a test was not wrapped in act(...).',
      'React does not recognize the `showTime` prop on a DOM element.',
      'MUI: The `anchorEl` prop provided to the component is invalid.',
    ];
    const ordinary = ['Failed to load resource: the server responded with a status of 410 (Gone)', 'ra.notification.http_error'];
    expect(reactWarnings([...warnings, ...ordinary])).toEqual(warnings);
  });
});
