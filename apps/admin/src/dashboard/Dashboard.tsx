import { Card, CardContent, CardHeader, Stack } from '@mui/material';
import { TIMED_STAGES, type Role } from '@whistle/domain';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { seesAnyCase } from '../auth/seesCases';
import { WhistleButton } from '../cases/whistle/WhistleButton';
import { AdminOverview } from './AdminOverview';
import { InsightSection } from './insight/InsightSection';
import { RatesSection } from './RatesSection';
import { StageCount } from './StageCount';

/** Who may read GET /api/metrics/rates. */
const READS_RATES: Role[] = ['leader', 'coordinator'];

/** The street at a glance: open cases per stage, how many are past their time limit, and (for leaders) the rates. */
export function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Role[]>();
  const readsRates = !!permissions?.some((role) => READS_RATES.includes(role));
  if (!seesAnyCase()) {
    return (
      <Stack spacing={2} sx={{ mt: 2 }}>
        <Title title="whistle.title" />
        <AdminOverview />
      </Stack>
    );
  }
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="whistle.title" />
      <Card>
        <CardHeader
          title={translate('whistle.dashboard.title')}
          subheader={identity ? translate('whistle.dashboard.welcome', { name: identity.fullName }) : ''}
          action={<WhistleButton />}
        />
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="dashboard">
            {TIMED_STAGES.map((stage) => (
              <StageCount key={stage} label={`whistle.stages.${stage}`} filter={{ stage }} testId={`stage-count-${stage}`} />
            ))}
            <StageCount label="whistle.dashboard.overdue" filter={{ overdue: true }} testId="stage-count-overdue" />
          </Stack>
        </CardContent>
      </Card>
      {readsRates ? <RatesSection /> : null}
      {readsRates ? <InsightSection /> : null}
    </Stack>
  );
}
