import { Link as MuiLink, Typography } from '@mui/material';
import type { RuleSetRoute } from '@whistle/domain';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

/** A published rule set and version, linking to it; the built-in rules (null) said plainly. */
export function RuleSetRouteLink({ route }: { route: RuleSetRoute }) {
  const translate = useTranslate();
  if (!route) {
    return (
      <Typography variant="body2" color="text.secondary" component="span" data-testid="route-built-in">
        {translate('whistle.routing.builtIn')}
      </Typography>
    );
  }
  return (
    <MuiLink
      component={Link}
      to={`/rule-sets/${encodeURIComponent(route.id)}/show`}
      onClick={(event) => event.stopPropagation()}
      data-testid="route-rule-set"
    >
      {translate('whistle.routing.ruleSet', { name: route.name, version: route.version })}
    </MuiLink>
  );
}
