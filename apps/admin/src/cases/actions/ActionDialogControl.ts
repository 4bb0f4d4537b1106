import { createContext } from 'react';

/**
 * The case toolbar's hold on its actions' dialogs: which one is open, and whether each shows its own button (on a
 * desk) or is opened from the actions menu (on a phone). Held above the dialogs, so that a dialog stays open, with
 * what was typed, when the menu closes or the window crosses the phone's width. Absent (an action on a row of one
 * of the case's lists), a dialog keeps its own state and always has its button.
 */
export interface ActionDialogControlValue {
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  showButton: boolean;
}

export const ActionDialogControl = createContext<ActionDialogControlValue | null>(null);
