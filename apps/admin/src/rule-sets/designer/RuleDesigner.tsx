import { Badge, Box, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { JsonTab } from './advanced/JsonTab';
import { CalendarEditor } from './calendar/CalendarEditor';
import { DefinitionStatus } from './DefinitionStatus';
import { FlowDiagram } from './flow/FlowDiagram';
import { FLOW_STAGES, type FlowStage } from './flow/stage-summary';
import { DefinitionCheckProvider, useProblemCountUnder } from './problems';

const TABS = ['flow', 'tasks', 'calendar', 'advanced'] as const;
type DesignerTab = (typeof TABS)[number];

/** Where a problem's field lives: the tab, and on the flow tab the stage, that shows it. */
export function placeOfProblem(path: string): { tab: DesignerTab; stage?: FlowStage } {
  const [head, stage] = path.split('.');
  if (head === 'stages' && (FLOW_STAGES as readonly string[]).includes(stage)) return { tab: 'flow', stage: stage as FlowStage };
  if (head === 'tasks') return { tab: 'tasks' };
  if (head === 'calendar') return { tab: 'calendar' };
  return { tab: 'advanced' };
}

/** A tab's label with the number of problems in what it edits. */
function TabLabel({ tab }: { tab: DesignerTab }) {
  const translate = useTranslate();
  const prefix = { flow: 'stages', tasks: 'tasks', calendar: 'calendar', advanced: '' }[tab];
  const problems = useProblemCountUnder(prefix);
  return (
    <Badge color="warning" badgeContent={problems} invisible={!problems || tab === 'advanced'}>
      <Box component="span" sx={{ pr: problems && tab !== 'advanced' ? 1.5 : 0 }}>
        {translate(`whistle.ruleDesigner.tabs.${tab}`)}
      </Box>
    </Badge>
  );
}

/** The settings of the stage picked on the diagram. */
function StagePanel({ stage }: { stage: FlowStage }) {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} data-testid="stage-settings" data-stage={stage}>
      <Typography variant="h6" gutterBottom>
        {translate(`whistle.stages.${stage}`)}
      </Typography>
    </Paper>
  );
}

/**
 * The rule designer: the flow drawn with each stage's settings beside it, the tasks, the calendar, and the JSON
 * for those who want it, all editing the one `definition` of the form; below, whether it would publish.
 */
export function RuleDesigner() {
  const translate = useTranslate();
  const definition = useWatch({ name: 'definition' }) as unknown;
  const [tab, setTab] = useState<DesignerTab>('flow');
  const [stage, setStage] = useState<FlowStage>('registration');
  const goTo = (path: string) => {
    const place = placeOfProblem(path);
    setTab(place.tab);
    if (place.stage) setStage(place.stage);
  };
  return (
    <DefinitionCheckProvider definition={definition}>
      <Stack spacing={2} sx={{ width: '100%' }} data-testid="rule-designer">
        <Tabs value={tab} onChange={(_, next: DesignerTab) => setTab(next)} variant="scrollable" allowScrollButtonsMobile>
          {TABS.map((name) => (
            <Tab key={name} value={name} label={<TabLabel tab={name} />} data-testid={`designer-tab-${name}`} />
          ))}
        </Tabs>
        {tab === 'flow' ? (
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Box sx={{ width: { xs: '100%', md: 420 }, flexShrink: 0 }}>
              <FlowDiagram chosen={stage} onChoose={setStage} />
            </Box>
            <StagePanel stage={stage} />
          </Stack>
        ) : null}
        {tab === 'tasks' ? <Typography color="text.secondary">{translate('whistle.ruleDesigner.tabs.tasks')}</Typography> : null}
        {tab === 'calendar' ? <CalendarEditor /> : null}
        {tab === 'advanced' ? <JsonTab /> : null}
        <DefinitionStatus onPick={goTo} />
      </Stack>
    </DefinitionCheckProvider>
  );
}
