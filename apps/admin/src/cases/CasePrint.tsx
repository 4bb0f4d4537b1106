import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, Stack, Typography } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import type { ReactNode } from 'react';
import { Loading, RecordContextProvider, ReferenceField, ShowBase, useRecordContext, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { useCategoryWord } from '../categories/useCategoryWord';
import { useFormatWhen } from '../common/WhenField';
import { PRINT_ONLY_THE_SHEET, SHEET_CELL } from '../common/printSheet';

function Organization({ id }: { id: string }) {
  return (
    <RecordContextProvider value={{ id, organizationId: id }}>
      <ReferenceField source="organizationId" reference="organizations" link={false} />
    </RecordContextProvider>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <tr>
      <th style={{ ...SHEET_CELL, width: '8em', whiteSpace: 'nowrap', background: '#f3f3f3' }}>{translate(label)}</th>
      <td style={SHEET_CELL}>{children}</td>
    </tr>
  );
}

function Table({ head, rows }: { head: string[]; rows: ReactNode[][] }) {
  const translate = useTranslate();
  if (!rows.length) return <Typography>—</Typography>;
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 8 }}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} style={{ ...SHEET_CELL, background: '#f3f3f3' }}>
              {translate(h)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((value, j) => (
              <td key={j} style={SHEET_CELL}>
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Heading({ children }: { children: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ mt: 2, mb: 0.5, fontWeight: 'bold' }}>
      {translate(children)}
    </Typography>
  );
}

/** The case sheet (派单单) as the street files it: the case, who was dispatched, what was agreed and how it ended. */
function CaseSheet() {
  const record = useRecordContext<CaseView>();
  const translate = useTranslate();
  const when = useFormatWhen();
  const categoryWord = useCategoryWord();
  if (!record) return <Loading />;
  const word = (prefix: string, code: string | null | undefined) => (code ? translate(`${prefix}.${code}`, { _: code }) : '—');
  return (
    <Box data-testid="case-sheet" sx={{ maxWidth: 900, mx: 'auto', p: 2, bgcolor: '#fff', color: '#000' }}>
      <Typography variant="h5" sx={{ textAlign: 'center', fontWeight: 'bold' }}>
        {translate('whistle.casePage.printTitle')}
      </Typography>
      <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 1 }}>
        <span data-testid="sheet-code">{record.code}</span>
        <span>{translate('whistle.casePage.printedAt', { date: when(new Date()) })}</span>
      </Stack>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          <Row label="resources.cases.fields.title">{record.title}</Row>
          <Row label="resources.cases.fields.description">{record.description}</Row>
          <Row label="resources.cases.fields.address">{record.address ?? '—'}</Row>
          {record.location && (
            <Row label="whistle.places.location">
              {record.location.latitude}, {record.location.longitude}
            </Row>
          )}
          <Row label="resources.cases.fields.communityId">
            <Organization id={record.communityId} />
          </Row>
          <Row label="resources.cases.fields.reporter.name">
            {record.reporter.name} {record.reporter.phone}
          </Row>
          <Row label="resources.cases.fields.category">
            {categoryWord(record.category)} · {word('whistle.urgencies', record.urgency)} · {word('whistle.channels', record.channel)}
          </Row>
          <Row label="resources.cases.fields.stage">
            {word('whistle.stages', record.stage)}
            {record.stageDueAt ? ` · ${translate('whistle.timeline.times.dueAt')} ${when(record.stageDueAt)}` : ''}
          </Row>
          <Row label="resources.cases.fields.createdAt">{when(record.createdAt)}</Row>
        </tbody>
      </table>

      <Heading>resources.cases.fields.assignments</Heading>
      <Table
        head={[
          'whistle.assignment.organizationId',
          'whistle.assignment.role',
          'whistle.assignment.state',
          'whistle.assignment.dueAt',
          'whistle.assignment.registeredAt',
          'whistle.casePage.declineReason',
        ]}
        rows={record.assignments.map((a) => [
          <Organization id={a.organizationId} />,
          word('whistle.assignment.roles', a.role),
          word('whistle.assignment.states', a.state),
          when(a.dueAt),
          when(a.registeredAt),
          a.state === 'declined' ? `${word('whistle.declineReasons', a.reasonCode)}${a.reason ? `：${a.reason}` : ''}` : '—',
        ])}
      />

      <Heading>resources.cases.fields.meetings</Heading>
      <Table
        head={[
          'whistle.meeting.scheduledAt',
          'whistle.meeting.location',
          'whistle.casePage.attendees',
          'whistle.meeting.minutes',
          'whistle.casePage.decisions',
        ]}
        rows={record.meetings.map((m) => [
          when(m.scheduledAt),
          m.location,
          <Stack>
            {m.attendees.map((a, i) => (a.organizationId ? <Organization key={i} id={a.organizationId} /> : <span key={i}>{a.name}</span>))}
          </Stack>,
          m.minutes?.summary ?? '—',
          m.minutes?.decisions.length ? (
            <ol style={{ margin: 0, paddingLeft: 18 }}>
              {m.minutes.decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ol>
          ) : (
            '—'
          ),
        ])}
      />

      <Heading>resources.cases.fields.actionItems</Heading>
      <Table
        head={[
          'whistle.actionItem.title',
          'whistle.actionItem.ownerOrganizationId',
          'whistle.actionItem.dueAt',
          'whistle.actionItem.completedAt',
          'whistle.casePage.evidence',
        ]}
        rows={record.actionItems.map((item) => [
          item.title,
          <Organization id={item.ownerOrganizationId} />,
          when(item.dueAt),
          item.completedAt ? when(item.completedAt) : '—',
          item.evidence ?? '—',
        ])}
      />

      <Heading>resources.cases.fields.resolution.summary</Heading>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          <Row label="resources.cases.fields.resolution.summary">{record.resolution?.summary ?? '—'}</Row>
          <Row label="resources.cases.fields.resolution.outcome">{word('whistle.outcomes', record.resolution?.outcome)}</Row>
          <Row label="resources.cases.fields.feedback.satisfaction">
            {record.feedback ? translate('whistle.timeline.words.stars', { smart_count: record.feedback.satisfaction }) : '—'}
          </Row>
          <Row label="resources.cases.fields.feedback.comment">{record.feedback?.comment ?? '—'}</Row>
        </tbody>
      </table>
    </Box>
  );
}

/** `/cases/:id/print`: the case sheet alone, with a button that prints it and one back to the case. */
export function CasePrint() {
  const { id } = useParams();
  const translate = useTranslate();
  return (
    <ShowBase resource="cases" id={id}>
      {PRINT_ONLY_THE_SHEET}
      <Stack direction="row" spacing={1} data-print="hide" sx={{ p: 1 }}>
        <Button component={Link} to={`/cases/${encodeURIComponent(String(id))}/show`}>
          {translate('whistle.casePage.back')}
        </Button>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()} data-testid="print-now">
          {translate('whistle.casePage.printNow')}
        </Button>
      </Stack>
      <CaseSheet />
    </ShowBase>
  );
}
