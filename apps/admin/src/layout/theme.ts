import type { Theme } from '@mui/material';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * On a phone the app bar's language button shows only its icon: its "中文 ⌄" label took the room of the page title,
 * which then showed a cut-off case code.
 */
function withCompactLanguageButton(base: RaThemeOptions): RaThemeOptions {
  return {
    ...base,
    components: {
      ...base.components,
      RaLocalesMenuButton: {
        styleOverrides: {
          root: ({ theme }: { theme: Theme }) => ({
            [theme.breakpoints.down('sm')]: {
              // The label is a bare text node: a zero font size hides it, the icon keeps its own size.
              '& .MuiButton-root': { minWidth: 0, fontSize: 0 },
              '& .MuiButton-startIcon': { margin: 0 },
              '& .MuiButton-endIcon': { display: 'none' },
            },
          }),
        },
      },
    },
  };
}

/** react-admin's light and dark themes (the dark one still follows the system's preference), each with the change above. */
export const whistleLightTheme = withCompactLanguageButton(defaultLightTheme);
export const whistleDarkTheme = withCompactLanguageButton(defaultDarkTheme);
