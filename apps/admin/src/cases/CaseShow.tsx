import { Divider, Typography } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import type { ReactNode } from 'react';
import { Show, SimpleShowLayout, useRecordContext, useTranslate } from 'react-admin';
import { CaseActions } from './actions/CaseActions';
import { ActionItems } from './show/ActionItems';
import { Assignments } from './show/Assignments';
import { CaseSummary } from './show/CaseSummary';
import { Extensions } from './show/Extensions';
import { FeedbackLinkPanel } from './show/FeedbackLinkPanel';
import { Meetings } from './show/Meetings';
import { Outcome } from './show/Outcome';
import { Tasks } from './show/Tasks';
import { Timeline } from './show/Timeline';

function CaseTitle() {
  const record = useRecordContext<CaseView>();
  return <span>{record ? `${record.code} ${record.title}` : ''}</span>;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <>
      <Divider />
      <Typography variant="subtitle1">{translate(title)}</Typography>
      {children}
    </>
  );
}

/** One case: what it is, who handles it, what was agreed, and everything that happened. */
export function CaseShow() {
  return (
    <Show title={<CaseTitle />} actions={<CaseActions />}>
      <SimpleShowLayout>
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
        <Section title="whistle.timeline.title">
          <Timeline />
        </Section>
      </SimpleShowLayout>
    </Show>
  );
}
