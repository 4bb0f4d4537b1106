import { createContext } from 'react';

/**
 * Opens an action's dialog from outside it: the phone's actions menu lists the actions as its items and opens the
 * chosen one's dialog, so the dialog outlives the menu that closes on the click. Absent, each dialog has its own button.
 */
export const ActionDialogControl = createContext<{ open: boolean; onClose: () => void } | null>(null);
