import { Box } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { ArrayField, BooleanField, DataTable, TextField, useRecordContext, useTranslate } from 'react-admin';
import { WhenField } from '../../common/WhenField';

type FeedbackView = CaseView['feedbackHistory'][number];

function Stars(_props: { label?: string }) {
  const feedback = useRecordContext<FeedbackView>();
  return feedback ? (
    <span aria-label={String(feedback.satisfaction)}>{'★'.repeat(feedback.satisfaction) + '☆'.repeat(5 - feedback.satisfaction)}</span>
  ) : null;
}

function From(_props: { label?: string }) {
  const feedback = useRecordContext<FeedbackView>();
  const translate = useTranslate();
  return feedback ? <span>{translate(`whistle.timeline.feedbackFrom.${feedback.from}`)}</span> : null;
}

/** Every rating the case received, the ones that sent it back included. */
export function FeedbackHistory() {
  const record = useRecordContext<CaseView>();
  if (!record?.feedbackHistory?.length) return <span>—</span>;
  return (
    <Box data-testid="case-feedback-history" sx={{ width: '100%' }}>
      <ArrayField source="feedbackHistory">
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="at" label="whistle.casePage.feedbackAt">
            <WhenField source="at" />
          </DataTable.Col>
          <DataTable.Col source="satisfaction" label="resources.cases.fields.feedback.satisfaction">
            <Stars />
          </DataTable.Col>
          <DataTable.Col source="from" label="whistle.casePage.feedbackFrom">
            <From />
          </DataTable.Col>
          <DataTable.Col source="comment" label="resources.cases.fields.feedback.comment">
            <TextField source="comment" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="thanks" label="whistle.casePage.thanks">
            <TextField source="thanks" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="reopened" label="whistle.casePage.reopened">
            <BooleanField source="reopened" />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </Box>
  );
}
