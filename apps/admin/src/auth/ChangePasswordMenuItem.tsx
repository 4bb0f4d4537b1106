import KeyIcon from '@mui/icons-material/Key';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { LinkBase, useTranslate, useUserMenu } from 'react-admin';
import { CHANGE_PASSWORD_PATH } from '../authProvider';

/** "Change password" in the user menu, for every user. */
export const ChangePasswordMenuItem = forwardRef<HTMLLIElement>(function ChangePasswordMenuItem(props, ref) {
  const userMenu = useUserMenu();
  const translate = useTranslate();
  return (
    <MenuItem ref={ref} {...props} component={LinkBase} to={CHANGE_PASSWORD_PATH} onClick={userMenu?.onClose} data-testid="menu-change-password">
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('whistle.password.menu')}</ListItemText>
    </MenuItem>
  );
});
