import { GlobalStyles } from '@mui/material';

/**
 * On paper only the sheet (a case, a monthly report): react-admin's app bar and menu, and whatever the page marks
 * `data-print="hide"` (its own buttons), stay on screen.
 */
export const PRINT_ONLY_THE_SHEET = (
  <GlobalStyles
    styles={{
      '@media print': {
        'header, .MuiAppBar-root, .MuiDrawer-root, [class*="RaSidebar"], .RaAppBar-root, [data-print="hide"]': { display: 'none !important' },
        '.RaLayout-content, .RaLayout-contentWithSidebar, main': { padding: '0 !important', margin: '0 !important' },
        body: { background: '#fff' },
      },
    }}
  />
);

/** A ruled table cell, legible in print. */
export const SHEET_CELL = { border: '1px solid #555', padding: '4px 8px', textAlign: 'left', verticalAlign: 'top' } as const;
