import type { Theme } from '@mui/material';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's theme, with the app bar's language button reduced to its icon on a phone: its "中文 ⌄" label took
 * the room of the page title, which then showed a cut-off case code.
 */
export const whistleTheme: RaThemeOptions = {
  ...defaultTheme,
  components: {
    ...defaultTheme.components,
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
