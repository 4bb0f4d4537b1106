import { Card, CardContent, CardHeader, Stack } from '@mui/material';
import { TIMED_STAGES } from '@whistle/domain';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { StageCount } from './StageCount';

/** The street at a glance: open cases per stage, and how many are past their time limit. */
export function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="whistle.title" />
      <CardHeader title={translate('whistle.dashboard.title')} subheader={identity ? translate('whistle.dashboard.welcome', { name: identity.fullName }) : ''} />
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="dashboard">
          {TIMED_STAGES.map((stage) => (
            <StageCount key={stage} label={`whistle.stages.${stage}`} filter={{ stage }} testId={`stage-count-${stage}`} />
          ))}
          <StageCount label="whistle.dashboard.overdue" filter={{ overdue: true }} testId="stage-count-overdue" />
        </Stack>
      </CardContent>
    </Card>
  );
}
