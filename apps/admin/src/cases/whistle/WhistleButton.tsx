import CampaignIcon from '@mui/icons-material/Campaign';
import { Button } from '@mui/material';
import { WHISTLE_ROLES, type Role } from '@whistle/domain';
import { Link } from 'react-router-dom';
import { usePermissions, useTranslate } from 'react-admin';

/** The dashboard's way into the whistle form, for those who may blow the whistle (community users, coordinators). */
export function WhistleButton() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role[]>();
  if (!permissions?.some((role) => WHISTLE_ROLES.includes(role))) return null;
  return (
    <Button component={Link} to="/cases/create" variant="contained" color="error" size="large" startIcon={<CampaignIcon />} data-action="whistle">
      {translate('whistle.dashboard.whistle')}
    </Button>
  );
}
