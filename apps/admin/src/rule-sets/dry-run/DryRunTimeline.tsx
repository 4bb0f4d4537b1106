import { Box, Chip, Stack, Typography } from '@mui/material';
import { nonWorkingDaysBetween, type Calendar, type SimulatedAlarm, type SimulatedParty, type SimulatedStage } from '@whistle/domain';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useFormatWhen } from '../../common/WhenField';
import { skippedDaysText } from './skipped-days';
import type { DryRunAnswer } from './simulate';
import { usePartyWords } from './usePartyWords';

type Words = (party: SimulatedParty) => string;

/** The non-working days a clock from `from` to `due` skips, as a chip; nothing when it skips none. */
function Skipped({ from, due, calendar }: { from: string; due: string | null; calendar: Calendar | null }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!due || !calendar) return null;
  const days = nonWorkingDaysBetween(from, due, calendar);
  if (!days.length) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      data-testid="dry-run-skipped"
      label={translate('whistle.dryRun.skipped', { days: skippedDaysText(days, locale), smart_count: days.length })}
    />
  );
}

/** One line of the timeline: when, then what. */
function Line({ at, children, testId }: { at: string | null; children: ReactNode; testId: string }) {
  const when = useFormatWhen();
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', py: 0.5 }} data-testid={testId}>
      <Typography variant="body2" sx={{ minWidth: 130, fontVariantNumeric: 'tabular-nums', color: 'text.secondary' }}>
        {when(at)}
      </Typography>
      {children}
    </Stack>
  );
}

/** Whose clock an alarm belongs to, in words: the stage's, a unit's report-in, a task's, a meeting's. */
function clockWords(alarm: SimulatedAlarm, translate: ReturnType<typeof useTranslate>, words: Words): string {
  const stage = translate(`whistle.stages.${alarm.stage}`);
  if (alarm.clock === 'assignment' && alarm.unit) return translate('whistle.dryRun.clocks.assignment', { unit: words(alarm.unit) });
  if (alarm.clock === 'task' && alarm.task) return translate('whistle.dryRun.clocks.task', { task: alarm.task });
  if (alarm.clock === 'meeting') return translate('whistle.dryRun.clocks.meeting');
  return translate('whistle.dryRun.clocks.stage', { stage });
}

function AlarmLine({ alarm, words }: { alarm: SimulatedAlarm; words: Words }) {
  const translate = useTranslate();
  const when = useFormatWhen();
  return (
    <Line at={alarm.at} testId="dry-run-alarm">
      <Chip
        size="small"
        color={alarm.level === 'escalation' ? 'error' : 'warning'}
        label={translate(`whistle.notifications.levels.${alarm.level}`)}
        data-level={alarm.level}
      />
      <Typography variant="body2">
        {translate('whistle.dryRun.alarm', {
          clock: clockWords(alarm, translate, words),
          due: when(alarm.dueAt),
          recipients: alarm.recipients.map(words).join(translate('whistle.dryRun.listSeparator')),
        })}
      </Typography>
    </Line>
  );
}

/** A stage: when it starts and falls due, its units, tasks and alarms in time order. */
function StageBlock({ stage, answer, calendar, words }: { stage: SimulatedStage; answer: DryRunAnswer; calendar: Calendar | null; words: Words }) {
  const translate = useTranslate();
  const when = useFormatWhen();
  const units = stage.stage === 'registration' ? answer.units : [];
  const tasks = answer.tasks.filter((t) => t.stage === stage.stage);
  const alarms = answer.alarms.filter((a) => a.stage === stage.stage).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <Box data-testid="dry-run-stage" data-stage={stage.stage} sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 2, py: 0.5 }}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle2">{translate(`whistle.stages.${stage.stage}`)}</Typography>
        <Typography variant="body2" data-testid="dry-run-stage-times">
          {stage.dueAt
            ? translate('whistle.dryRun.stageTimes', { start: when(stage.startedAt), due: when(stage.dueAt) })
            : translate('whistle.dryRun.stageNoLimit', { start: when(stage.startedAt) })}
        </Typography>
        <Skipped from={stage.startedAt} due={stage.dueAt} calendar={calendar} />
      </Stack>
      {units.map((unit, i) => (
        <Line key={`unit-${i}`} at={unit.dueAt} testId="dry-run-unit">
          <Typography variant="body2">
            {translate('whistle.dryRun.unit', { role: translate(`whistle.assignment.roles.${unit.role}`), unit: words(unit.unit) })}
          </Typography>
          <Skipped from={unit.dispatchedAt} due={unit.dueAt} calendar={calendar} />
        </Line>
      ))}
      {tasks.map((task, i) => (
        <Line key={`task-${i}`} at={task.dueAt} testId="dry-run-task">
          <Typography variant="body2">
            {translate(task.required ? 'whistle.dryRun.taskRequired' : 'whistle.dryRun.taskOptional', {
              task: task.name,
              assignee: words(task.assignee),
            })}
          </Typography>
          <Skipped from={task.startedAt} due={task.dueAt} calendar={calendar} />
        </Line>
      ))}
      {alarms.map((alarm, i) => (
        <AlarmLine key={`alarm-${i}`} alarm={alarm} words={words} />
      ))}
    </Box>
  );
}

/** How the walk ends: closed for no response, waiting for a rating, stopped by a refusal, or cut short. */
function End({ answer }: { answer: DryRunAnswer }) {
  const translate = useTranslate();
  const when = useFormatWhen();
  const { end } = answer;
  return (
    <Typography variant="body2" data-testid="dry-run-end" sx={{ fontWeight: 500 }}>
      {translate(`whistle.dryRun.ends.${end.reason}`, { at: when(end.at), stage: translate(`whistle.stages.${end.stage}`) })}
    </Typography>
  );
}

/**
 * The dry run's answer as a timeline in plain words: each stage with its start and due time, each dispatched unit's
 * and task's due time, each reminder and escalation with its recipients, and the non-working days each limit skips.
 */
export function DryRunTimeline({ answer, calendar }: { answer: DryRunAnswer; calendar: Calendar | null }) {
  const words = usePartyWords(answer);
  return (
    <Stack spacing={1.5} data-testid="dry-run-timeline">
      {answer.stages.map((stage, i) => (
        <StageBlock key={`${stage.stage}-${i}`} stage={stage} answer={answer} calendar={calendar} words={words} />
      ))}
      <End answer={answer} />
    </Stack>
  );
}
