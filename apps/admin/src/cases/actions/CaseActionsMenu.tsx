import MoreVertIcon from '@mui/icons-material/MoreVert';
import { Button, Menu, MenuItem } from '@mui/material';
import type { ActionType } from '@whistle/domain';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

/**
 * The case's actions on a phone, where a row of buttons would not fit: one "actions" button opening a menu of the
 * same actions, each item with the desk's button's `data-action` and test id. Choosing one closes the menu and
 * opens that action's dialog, which the toolbar renders outside the menu.
 */
export function CaseActionsMenu({ types, onChoose }: { types: ActionType[]; onChoose: (type: ActionType) => void }) {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!types.length) return null;
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
        {types.map((type) => (
          <MenuItem
            key={type}
            data-action={type}
            data-testid={`action-${type}`}
            onClick={() => {
              setAnchor(null);
              onChoose(type);
            }}
          >
            {translate(`whistle.actions.${type}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
