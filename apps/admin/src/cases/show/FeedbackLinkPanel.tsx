import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { mayShareFeedbackLink, type CaseView } from '@whistle/domain';
import { useRef } from 'react';
import { useDataProvider, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { currentActor } from '../../auth/session';
import { formatWhen } from '../../common/when';
import type { WhistleDataProvider } from '../../dataProvider';

/**
 * The resident feedback link, for the people who hand it out (the domain's `mayShareFeedbackLink`, which the API
 * enforces): while the case awaits feedback, the page's full address to send or open, with a copy button, and as a
 * QR code a resident scans from the screen or a printed notice.
 */
export function FeedbackLinkPanel() {
  const record = useRecordContext<CaseView>();
  const actor = currentActor();
  const shown = !!record && record.stage === 'feedback' && !!actor && mayShareFeedbackLink(actor, record);
  return shown ? <SharePanel caseId={String(record.id)} /> : null;
}

function SharePanel({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const input = useRef<HTMLInputElement>(null);
  const { data: link } = useQuery({ queryKey: ['feedback-link', caseId], queryFn: () => dataProvider.getFeedbackLink(caseId) });
  // The page lives on the console's own origin, as residents reach it (the API knows only the path).
  const url = link ? new URL(link.path, window.location.origin).toString() : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify('whistle.feedbackLink.copied', { type: 'success' });
    } catch {
      // No clipboard access (plain http, or refused): the link is selected for the person to copy by hand.
      input.current?.select();
      notify('whistle.feedbackLink.copyFailed', { type: 'warning' });
    }
  };

  return (
    <Box data-testid="feedback-link-panel" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, maxWidth: 720 }}>
      <Typography variant="subtitle1" component="h2">
        {translate('whistle.feedbackLink.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {translate('whistle.feedbackLink.help')}
      </Typography>
      <TextField
        value={url}
        label={translate('whistle.feedbackLink.title')}
        size="small"
        fullWidth
        inputRef={input}
        onFocus={(event) => event.target.select()}
        slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'feedback-link-url' } }}
      />
      {url ? (
        <Box sx={{ mt: 1.5, display: 'flex', alignItems: 'center', gap: 1.5 }}>
          <QRCodeSVG
            value={url}
            size={144}
            marginSize={2}
            title={translate('whistle.feedbackLink.qr')}
            data-testid="feedback-link-qr"
            data-value={url}
          />
          <Typography variant="caption" color="text.secondary">
            {translate('whistle.feedbackLink.qr')}
          </Typography>
        </Box>
      ) : null}
      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button size="small" variant="contained" onClick={() => void copy()} disabled={!url} data-testid="feedback-link-copy">
          {translate('whistle.feedbackLink.copy')}
        </Button>
        {url ? (
          <Button size="small" href={url} target="_blank" rel="noopener" data-testid="feedback-link-open">
            {translate('whistle.feedbackLink.open')}
          </Button>
        ) : null}
        {link?.expiresAt ? (
          <Typography variant="caption" color="text.secondary">
            {translate('whistle.feedbackLink.expiresAt', { date: formatWhen(link.expiresAt, locale) })}
          </Typography>
        ) : null}
      </Stack>
    </Box>
  );
}
