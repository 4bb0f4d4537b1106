import DeleteIcon from '@mui/icons-material/Delete';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Button, Card, CardActions, CardContent, CardMedia, IconButton, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseView } from '@whistle/domain';
import { Loading, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useFormatWhen } from '../common/WhenField';
import { attachmentRefusal } from './attachmentRefusal';
import { deleteAttachment, type Attachment } from './attachmentsApi';
import { useCaseAttachments } from './useCaseAttachments';

function AttachmentCard({ attachment }: { attachment: Attachment }) {
  const translate = useTranslate();
  const when = useFormatWhen();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const remove = () =>
    deleteAttachment(attachment.id).then(
      () => {
        notify('whistle.attachments.deleted', { type: 'success', messageArgs: { name: attachment.originalName } });
        return queryClient.invalidateQueries({ queryKey: ['cases', 'attachments'] });
      },
      (error: unknown) =>
        notify('whistle.attachments.deleteFailed', { type: 'error', messageArgs: { message: attachmentRefusal(error, translate) } }),
    );
  return (
    <Card variant="outlined" sx={{ width: 220 }} data-testid="attachment" data-purpose={attachment.purpose} data-name={attachment.originalName}>
      {attachment.thumbnailUrl ? (
        <CardMedia component="img" height="140" image={attachment.thumbnailUrl} alt={attachment.originalName} sx={{ objectFit: 'cover' }} />
      ) : (
        <Box sx={{ height: 140, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <PictureAsPdfIcon fontSize="large" color="action" />
        </Box>
      )}
      <CardContent sx={{ py: 1 }}>
        <Typography variant="body2" noWrap title={attachment.originalName}>
          {attachment.originalName}
        </Typography>
        <Typography variant="caption" component="div" color="text.secondary">
          {translate(`whistle.attachments.purposes.${attachment.purpose}`)}
        </Typography>
        <Typography variant="caption" component="div" color="text.secondary">
          {when(attachment.createdAt)}
          {attachment.uploadedBy.name ? ` · ${translate('whistle.attachments.by', { name: attachment.uploadedBy.name })}` : ''}
        </Typography>
      </CardContent>
      <CardActions sx={{ pt: 0 }}>
        <Button size="small" href={attachment.url} target="_blank" rel="noopener noreferrer" data-action="open-attachment">
          {translate('whistle.attachments.open')}
        </Button>
        <Button size="small" href={attachment.downloadUrl} data-action="download-attachment">
          {translate('whistle.attachments.download')}
        </Button>
        {attachment.mayDelete ? (
          <IconButton
            size="small"
            color="error"
            onClick={remove}
            aria-label={translate('whistle.attachments.delete')}
            title={translate('whistle.attachments.delete')}
            data-action="delete-attachment"
            sx={{ ml: 'auto' }}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        ) : null}
      </CardActions>
    </Card>
  );
}

/** The case's photos and documents: thumbnails (a PDF's icon), what each proves, who added it, open and download links. */
export function CaseAttachments() {
  const record = useRecordContext<CaseView>();
  const translate = useTranslate();
  const { data, isPending, error } = useCaseAttachments(record);
  if (isPending) return <Loading />;
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!data.length) return <Typography data-testid="attachments-empty">{translate('whistle.attachments.empty')}</Typography>;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} data-testid="case-attachments">
      {data.map((attachment) => (
        <AttachmentCard key={attachment.id} attachment={attachment} />
      ))}
    </Box>
  );
}
