import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Container,
  Rating,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { formatWhen } from '../common/when';
import {
  loadCase,
  newIdempotencyKey,
  rememberRated,
  sendRating,
  wasRatedHere,
  type LinkAnswer,
  type LinkProblem,
  type ResidentCaseSummary,
} from './residentFeedbackApi';

type View =
  { kind: 'loading' } | { kind: 'form'; summary: ResidentCaseSummary } | { kind: 'thanks'; summary: ResidentCaseSummary } | { kind: LinkProblem };

const T = 'whistle.residentFeedback';

/** What opening the link shows: the form while the case awaits feedback, otherwise why not. */
function viewOnOpening(answer: LinkAnswer, token: string): View {
  if (answer.ok)
    return answer.summary.awaitingFeedback ? { kind: 'form', summary: answer.summary } : { kind: wasRatedHere(token) ? 'already_rated' : 'gone' };
  // The API says only "closed" (410), on purpose; this browser may know it rated the case itself.
  if (answer.problem === 'gone' && wasRatedHere(token)) return { kind: 'already_rated' };
  return { kind: answer.problem };
}

/**
 * The resident's page behind the feedback link the community shares: public (no sign-in), for phones first,
 * Chinese unless the resident switches. It shows the case and what was done, takes 1–5 stars, a comment and an
 * optional thank-you, and answers with a thank-you screen, or says plainly why the link no longer works.
 */
export function ResidentFeedbackPage() {
  const { token = '' } = useParams();
  const translate = useTranslate();
  const [view, setView] = useState<View>({ kind: 'loading' });

  const open = useCallback(async () => {
    setView({ kind: 'loading' });
    setView(viewOnOpening(await loadCase(token), token));
  }, [token]);

  useEffect(() => {
    void open();
  }, [open]);

  useEffect(() => {
    document.title = translate(`${T}.brand`);
  }, [translate]);

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'grey.100', py: { xs: 2, sm: 4 } }}>
      <Container maxWidth="sm" sx={{ px: { xs: 1.5, sm: 3 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2, gap: 1 }}>
          <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
            {translate(`${T}.brand`)}
          </Typography>
          <LanguageSwitch />
        </Stack>
        <Card data-testid="resident-feedback" data-state={view.kind}>
          <CardContent sx={{ p: { xs: 2, sm: 3 } }}>
            <Screen
              view={view}
              token={token}
              onDone={(summary) => setView({ kind: 'thanks', summary })}
              onProblem={(kind) => setView({ kind })}
              onRetry={open}
            />
          </CardContent>
        </Card>
      </Container>
    </Box>
  );
}

function Screen({
  view,
  token,
  onDone,
  onProblem,
  onRetry,
}: {
  view: View;
  token: string;
  onDone: (summary: ResidentCaseSummary) => void;
  onProblem: (problem: LinkProblem) => void;
  onRetry: () => void;
}) {
  const translate = useTranslate();
  switch (view.kind) {
    case 'loading':
      return (
        <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
          <CircularProgress aria-label={translate('ra.page.loading')} />
        </Box>
      );
    case 'form':
      return <RatingForm token={token} summary={view.summary} onDone={onDone} onProblem={onProblem} />;
    case 'thanks':
      return (
        <Message title={`${T}.thankYouTitle`} severity="success">
          {translate(view.summary.stage === 'closed' ? `${T}.thankYouClosed` : `${T}.thankYouReopened`)}
        </Message>
      );
    case 'gone':
      return <Message title={`${T}.goneTitle`}>{translate(`${T}.goneText`)}</Message>;
    case 'already_rated':
      return <Message title={`${T}.ratedTitle`}>{translate(`${T}.ratedText`)}</Message>;
    case 'not_found':
      return <Message title={`${T}.notFoundTitle`}>{translate(`${T}.notFoundText`)}</Message>;
    case 'rate_limited':
    case 'error':
      return (
        <Message title={`${T}.errorTitle`} severity="error">
          {translate(view.kind === 'rate_limited' ? `${T}.tooMany` : `${T}.errorText`)}
          <Button variant="outlined" onClick={onRetry} sx={{ mt: 2, display: 'block' }} data-testid="resident-feedback-retry">
            {translate(`${T}.retry`)}
          </Button>
        </Message>
      );
  }
}

function Message({ title, severity = 'info', children }: { title: string; severity?: 'info' | 'success' | 'error'; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ py: 2, textAlign: 'center', alignItems: 'center' }}>
      <Typography variant="h5" component="h1" color={severity === 'success' ? 'success.main' : severity === 'error' ? 'error.main' : 'text.primary'}>
        {translate(title)}
      </Typography>
      <Typography component="div" color="text.secondary">
        {children}
      </Typography>
    </Stack>
  );
}

function RatingForm({
  token,
  summary,
  onDone,
  onProblem,
}: {
  token: string;
  summary: ResidentCaseSummary;
  onDone: (summary: ResidentCaseSummary) => void;
  onProblem: (problem: LinkProblem) => void;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [hovered, setHovered] = useState(-1);
  const [comment, setComment] = useState('');
  const [thanks, setThanks] = useState('');
  const [missingStars, setMissingStars] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<'error' | 'rate_limited' | null>(null);
  // One key for every try of this rating: a double tap or a retry after a lost answer rates once.
  const idempotencyKey = useRef(newIdempotencyKey());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (!satisfaction) {
      setMissingStars(true);
      return;
    }
    setSending(true);
    setFailure(null);
    const answer = await sendRating(
      token,
      { satisfaction, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(thanks.trim() ? { thanks: thanks.trim() } : {}) },
      idempotencyKey.current,
    );
    setSending(false);
    if (answer.ok) {
      rememberRated(token);
      onDone(answer.summary);
    } else if (answer.problem === 'error' || answer.problem === 'rate_limited') {
      setFailure(answer.problem);
    } else {
      onProblem(answer.problem);
    }
  };

  const shownStars = hovered > 0 ? hovered : satisfaction;
  return (
    <Stack component="form" spacing={2.5} onSubmit={submit} noValidate aria-labelledby="resident-case-title">
      <Typography color="text.secondary" variant="body2">
        {translate(`${T}.intro`)}
      </Typography>
      <Box>
        <Typography variant="overline" color="text.secondary">
          {translate(`${T}.case`)} · {summary.code}
        </Typography>
        <Typography id="resident-case-title" variant="h6" component="h1" data-testid="resident-case-title" sx={{ overflowWrap: 'anywhere' }}>
          {summary.title}
        </Typography>
      </Box>
      <Box>
        <Typography variant="subtitle2">{translate(`${T}.whatWasDone`)}</Typography>
        {summary.resolution ? (
          <>
            <Typography variant="body2" color="text.secondary">
              {translate(`whistle.outcomes.${summary.resolution.outcome}`)} · {formatWhen(summary.resolution.at, locale, { dateOnly: true })}
            </Typography>
            <Typography data-testid="resident-resolution" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {summary.resolution.summary}
            </Typography>
          </>
        ) : (
          <Typography color="text.secondary">{translate(`${T}.notResolvedYet`)}</Typography>
        )}
      </Box>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle2" sx={{ mb: 0.5 }}>
          {translate(`${T}.satisfaction`)}
        </Typography>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
          <Rating
            name="satisfaction"
            value={satisfaction}
            onChange={(_, value) => {
              setSatisfaction(value);
              if (value) setMissingStars(false);
            }}
            onChangeActive={(_, value) => setHovered(value)}
            getLabelText={(value) => translate(`${T}.stars`, { smart_count: value })}
            size="large"
            sx={{ fontSize: '2.75rem' }}
          />
          <Typography color="text.secondary" aria-live="polite" data-testid="resident-stars-label">
            {shownStars ? translate(`${T}.starLabels.${shownStars}`) : ''}
          </Typography>
        </Stack>
        {missingStars ? (
          <Typography color="error" variant="body2" role="alert">
            {translate(`${T}.chooseStars`)}
          </Typography>
        ) : null}
      </Box>
      <TextField
        name="comment"
        label={translate(`${T}.comment`)}
        helperText={translate(`${T}.commentHelp`)}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        multiline
        minRows={3}
        fullWidth
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
      <TextField
        name="thanks"
        label={translate(`${T}.thanks`)}
        helperText={translate(`${T}.thanksHelp`)}
        value={thanks}
        onChange={(event) => setThanks(event.target.value)}
        fullWidth
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      {failure ? (
        <Alert severity="error" data-testid="resident-feedback-failure">
          {translate(failure === 'rate_limited' ? `${T}.tooMany` : `${T}.errorText`)}
        </Alert>
      ) : null}
      <Button type="submit" variant="contained" size="large" fullWidth disabled={sending} data-testid="resident-feedback-submit">
        {translate(sending ? `${T}.sending` : `${T}.submit`)}
      </Button>
      {summary.expiresAt ? (
        <Typography variant="caption" color="text.secondary" sx={{ textAlign: 'center' }}>
          {translate(`${T}.openUntil`, { date: formatWhen(summary.expiresAt, locale) })}
        </Typography>
      ) : null}
    </Stack>
  );
}

/** 中文 / English, remembered by react-admin's store like the console's own language menu. */
function LanguageSwitch() {
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  return (
    <ToggleButtonGroup
      sx={{ '& .MuiToggleButton-root': { textTransform: 'none' } }}
      size="small"
      exclusive
      value={locale}
      onChange={(_, value: string | null) => value && setLocale(value)}
      aria-label={translate(`${T}.language`)}
    >
      <ToggleButton value="zh" lang="zh-CN">
        中文
      </ToggleButton>
      <ToggleButton value="en" lang="en">
        English
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
