import MoreVertIcon from '@mui/icons-material/MoreVert';
import { Button, Menu, MenuItem } from '@mui/material';
import type { ActionType } from '@whistle/domain';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { ActionDialogControl } from './ActionDialogControl';

/**
 * The case's actions on a phone, where a row of buttons would not fit: one "actions" button opening a menu of the
 * same actions (each item with the desktop button's `data-action` and test id). The chosen action's dialog is
 * rendered here, outside the menu, so it stays open when the menu closes.
 */
export function CaseActionsMenu({ actions }: { actions: [ActionType, ReactNode][] }) {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [chosen, setChosen] = useState<ActionType | null>(null);
  if (!actions.length) return null;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        endIcon={<MoreVertIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        data-testid="case-actions-menu"
      >
        {translate('whistle.casePage.actionsMenu')}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {actions.map(([type]) => (
          <MenuItem
            key={type}
            data-action={type}
            data-testid={`action-${type}`}
            onClick={() => {
              setAnchor(null);
              setChosen(type);
            }}
          >
            {translate(`whistle.actions.${type}`)}
          </MenuItem>
        ))}
      </Menu>
      {actions.map(([type, dialog]) => (
        <ActionDialogControl.Provider key={type} value={{ open: chosen === type, onClose: () => setChosen(null) }}>
          {dialog}
        </ActionDialogControl.Provider>
      ))}
    </>
  );
}
