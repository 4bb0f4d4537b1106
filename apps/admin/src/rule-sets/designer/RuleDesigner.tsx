import { Badge, Box, Paper, Stack, Tab, Tabs } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { JsonTab } from './advanced/JsonTab';
import { CalendarEditor } from './calendar/CalendarEditor';
import { DefinitionStatus } from './DefinitionStatus';
import { FlowDiagram } from './flow/FlowDiagram';
import { FLOW_STAGES, type FlowStage } from './flow/stage-summary';
import { DefinitionCheckProvider, useProblemCountUnder } from './problems';
import { StageSettings } from './stages/StageSettings';
import { TasksEditor } from './tasks/TasksEditor';

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

/** The settings of the stage picked on the diagram, beside it. */
function StagePanel({ stage }: { stage: FlowStage }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0, width: '100%' }}>
      <StageSettings stage={stage} />
    </Paper>
  );
}

/**
 * The definition as it stands, as a new object exactly when its content changes: the forms set parts of the object the
 * form holds in place, so its identity says nothing about whether it changed.
 */
export function useDefinitionSnapshot(): unknown {
  const definition: unknown = useWatch({ name: 'definition' });
  const json = JSON.stringify(definition ?? {});
  return useMemo(() => JSON.parse(json) as unknown, [json]);
}

/**
 * The rule designer: the flow drawn with each stage's settings beside it, the tasks, the calendar, and the JSON
 * for those who want it, all editing the one `definition` of the form; below, whether it would publish.
 */
export function RuleDesigner() {
  const definition = useDefinitionSnapshot();
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
              <FlowDiagram definition={definition} chosen={stage} onChoose={setStage} />
            </Box>
            <StagePanel stage={stage} />
          </Stack>
        ) : null}
        {tab === 'tasks' ? <TasksEditor /> : null}
        {tab === 'calendar' ? <CalendarEditor /> : null}
        {tab === 'advanced' ? <JsonTab /> : null}
        <DefinitionStatus onPick={goTo} />
      </Stack>
    </DefinitionCheckProvider>
  );
}
