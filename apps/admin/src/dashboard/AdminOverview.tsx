import { Button, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { Link, useGetIdentity, useTranslate } from 'react-admin';
import audit from '../audit';
import organizations from '../organizations';
import ruleSets from '../rule-sets';
import users from '../users';

/** A resource's menu entry again, as a button: same name (plural) and icon. */
function Shortcut({ resource, Icon }: { resource: string; Icon: ComponentType }) {
  const translate = useTranslate();
  return (
    <Button component={Link} to={`/${resource}`} variant="outlined" startIcon={<Icon />} data-testid={`admin-shortcut-${resource}`}>
      {translate(`resources.${resource}.name`, { smart_count: 2 })}
    </Button>
  );
}

/**
 * The dashboard of someone who sees no case (an admin): instead of stage counts that would always read 0,
 * what the console is for them, and the way to each of their screens.
 */
export function AdminOverview() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Card data-testid="dashboard">
      <CardHeader
        title={translate('whistle.dashboard.adminTitle')}
        subheader={
          identity
            ? translate('whistle.dashboard.welcome', {
                name: identity.fullName,
              })
            : ''
        }
      />
      <CardContent>
        <Typography sx={{ mb: 2 }} data-testid="admin-no-cases">
          {translate('whistle.dashboard.adminHelp')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Shortcut resource="users" Icon={users.icon} />
          <Shortcut resource="organizations" Icon={organizations.icon} />
          <Shortcut resource="rule-sets" Icon={ruleSets.icon} />
          <Shortcut resource="audit" Icon={audit.icon} />
        </Stack>
      </CardContent>
    </Card>
  );
}
