import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, Divider, Stack, Typography } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { useEffect, useRef, type ReactNode } from 'react';
import { Show, SimpleShowLayout, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { CaseAttachments } from '../attachments/CaseAttachments';
import { CaseActions } from './actions/CaseActions';
import { ActionItems } from './show/ActionItems';
import { Assignments } from './show/Assignments';
import { CaseSummary } from './show/CaseSummary';
import { Extensions } from './show/Extensions';
import { FeedbackHistory } from './show/FeedbackHistory';
import { FeedbackLinkPanel } from './show/FeedbackLinkPanel';
import { Meetings } from './show/Meetings';
import { Outcome } from './show/Outcome';
import { Tasks } from './show/Tasks';
import { TemporalLink } from './show/TemporalLink';
import { Timeline } from './show/Timeline';

function CaseTitle() {
  const record = useRecordContext<CaseView>();
  if (!record) return <span />;
  return (
    <span>
      <span data-testid="case-title-code">{record.code}</span> {record.title}
    </span>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <>
      <Divider />
      <Typography variant="subtitle1">{translate(title)}</Typography>
      {/*
        A wide table scrolls inside its section, so on a phone the page never scrolls sideways: a zero width keeps
        the table's width out of the layout's sizing, and the minimum width fills the section again. On a phone a table
        keeps a readable width and its headings on one line (rather than a character per line) and scrolls.
      */}
      <Box
        sx={{
          width: 0,
          minWidth: '100%',
          overflowX: 'auto',
          '& .MuiTable-root': { minWidth: { xs: 600, sm: 'auto' } },
          '& th': { whiteSpace: { xs: 'nowrap', sm: 'normal' } },
        }}
      >
        {children}
      </Box>
    </>
  );
}

/**
 * How often the page asks for the case again while the tab is visible (react-query pauses in a hidden tab), so
 * nobody acts on a stage that someone else already moved; the buttons follow the new `availableActions`.
 */
export const CASE_REFRESH_MS = 5000;

/** Says so when the stage changed under the reader's eyes (another user or the clock moved the case). */
function StageChangeNotice() {
  const record = useRecordContext<CaseView>();
  const notify = useNotify();
  const seen = useRef<{ id: CaseView['id']; stage: CaseView['stage'] } | null>(null);
  useEffect(() => {
    if (!record) return;
    const before = seen.current;
    seen.current = { id: record.id, stage: record.stage };
    if (before && before.id === record.id && before.stage !== record.stage) {
      notify('whistle.casePage.updated', { type: 'info', messageArgs: { stage: `whistle.stages.${record.stage}` } });
    }
  }, [record, notify]);
  return null;
}

/** Links beside the case: its printable sheet, and (for coordinators) its workflow in the Temporal UI. */
function CaseLinks() {
  const record = useRecordContext<CaseView>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', flexWrap: 'wrap' }}>
      <Button
        size="small"
        component={Link}
        to={`/cases/${encodeURIComponent(String(record.id))}/print`}
        startIcon={<PrintIcon />}
        data-action="print"
      >
        {translate('whistle.casePage.print')}
      </Button>
      <TemporalLink />
    </Stack>
  );
}

/** One case: what it is, who handles it, what was agreed, and everything that happened. */
export function CaseShow() {
  return (
    <Show title={<CaseTitle />} actions={<CaseActions />} queryOptions={{ refetchInterval: CASE_REFRESH_MS }}>
      <SimpleShowLayout>
        <StageChangeNotice />
        <CaseLinks />
        <CaseSummary />
        <Outcome />
        <FeedbackLinkPanel />
        <Section title="resources.cases.fields.assignments">
          <Assignments />
        </Section>
        <Section title="resources.cases.fields.tasks">
          <Tasks />
        </Section>
        <Section title="resources.cases.fields.extensions">
          <Extensions />
        </Section>
        <Section title="resources.cases.fields.meetings">
          <Meetings />
        </Section>
        <Section title="resources.cases.fields.actionItems">
          <ActionItems />
        </Section>
        <Section title="whistle.attachments.title">
          <CaseAttachments />
        </Section>
        <Section title="whistle.casePage.feedbackHistory">
          <FeedbackHistory />
        </Section>
        <Section title="whistle.timeline.title">
          <Timeline />
        </Section>
      </SimpleShowLayout>
    </Show>
  );
}
