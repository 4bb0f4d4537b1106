import { Box, Typography } from '@mui/material';
import { FileField, FileInput, useNotify, useTranslate } from 'react-admin';
import type { FileRejection } from 'react-dropzone';
import { ACCEPTED_FILES } from './attachmentsApi';

/** The form field the picked files live in; forms take it out of what they send as the whistle or the action. */
export const FILES_FIELD = 'attachmentFiles';

function DropHint() {
  const translate = useTranslate();
  return <Typography variant="body2">{translate('whistle.attachments.dropHint')}</Typography>;
}

/** Photos (JPEG, PNG, WebP) or PDFs to go with a whistle or as evidence; uploaded once the case or the action is saved. */
export function EvidenceFilesInput({ label = 'whistle.attachments.evidenceInput' }: { label?: string }) {
  const notify = useNotify();
  // The picker drops what it does not accept; say so, or the person thinks the file is on its way.
  const onDropRejected = (rejected: FileRejection[]) =>
    notify('whistle.attachments.notAccepted', { type: 'warning', messageArgs: { names: rejected.map((r) => r.file.name).join(', ') } });
  return (
    <Box data-testid="evidence-files" sx={{ width: '100%' }}>
      <FileInput source={FILES_FIELD} label={label} multiple accept={ACCEPTED_FILES} options={{ onDropRejected }} placeholder={<DropHint />}>
        <FileField source="src" title="title" />
      </FileInput>
    </Box>
  );
}
