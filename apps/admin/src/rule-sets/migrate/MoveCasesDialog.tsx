import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  InputLabel,
  LinearProgress,
  List,
  ListItem,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TIMED_STAGES } from '@whistle/domain';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { useFormatWhen } from '../../common/WhenField';
import {
  getMigration,
  previewMigration,
  startMigration,
  type ClockShift,
  type MigrationBatch,
  type MigrationFilter,
  type PreviewCase,
} from './migration-api';

const P = 'whistle.migrate';
const ANY = '';

/**
 * Moving running cases to the newest version: filter by stage and community, see every matching case's time limits
 * now and after the move, choose the cases, confirm; then the batch's progress until it is done, and what happened.
 */
export function MoveCasesDialog({ ruleSetId, version, onClose }: { ruleSetId: string; version: number; onClose: () => void }) {
  const translate = useTranslate();
  const [stage, setStage] = useState(ANY);
  const [communityId, setCommunityId] = useState(ANY);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [batchId, setBatchId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { data: communities } = useGetList('organizations', {
    filter: { kind: 'community' },
    sort: { field: 'name', order: 'ASC' },
    pagination: { page: 1, perPage: 500 },
  });
  const filter: MigrationFilter = { ...(stage ? { stages: [stage] } : {}), ...(communityId ? { communityIds: [communityId] } : {}) };
  const preview = useQuery({
    queryKey: ['rule-sets', 'migration-preview', ruleSetId, stage, communityId],
    queryFn: () => previewMigration(ruleSetId, filter),
    enabled: batchId === null,
    staleTime: 0,
  });
  // A new filter shows new cases: everything it shows starts chosen.
  useEffect(() => setChosen(new Set(preview.data?.cases.map((c) => c.id) ?? [])), [preview.data]);
  const start = useMutation({
    mutationFn: () => startMigration(ruleSetId, { caseIds: [...chosen] }),
    onSuccess: (batch) => setBatchId(batch.id),
  });
  const batch = useQuery({
    queryKey: ['rule-sets', 'migration', ruleSetId, batchId],
    queryFn: () => getMigration(ruleSetId, batchId!),
    enabled: batchId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'finished' ? false : 1000),
  });
  const finished = batch.data?.status === 'finished';
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ['rule-sets', 'impact', ruleSetId] });
  }, [finished, queryClient, ruleSetId]);

  const cases = preview.data?.cases ?? [];
  const toggle = (id: string) =>
    setChosen((before) => {
      const next = new Set(before);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="move-cases-title">
      <DialogTitle id="move-cases-title">{translate(`${P}.title`, { version })}</DialogTitle>
      <DialogContent>
        {batchId ? (
          <Progress batch={batch.data} />
        ) : (
          <Stack spacing={2}>
            <Typography variant="body2">{translate(`${P}.help`, { version })}</Typography>
            <Stack direction="row" spacing={2}>
              <FormControl size="small" sx={{ minWidth: 200 }}>
                <InputLabel id="move-cases-stage">{translate(`${P}.stage`)}</InputLabel>
                <Select labelId="move-cases-stage" label={translate(`${P}.stage`)} value={stage} onChange={(e) => setStage(e.target.value)}>
                  <MenuItem value={ANY}>{translate(`${P}.anyStage`)}</MenuItem>
                  {TIMED_STAGES.map((s) => (
                    <MenuItem key={s} value={s}>
                      {translate(`whistle.stages.${s}`)}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
              <FormControl size="small" sx={{ minWidth: 260 }}>
                <InputLabel id="move-cases-community">{translate(`${P}.community`)}</InputLabel>
                <Select
                  labelId="move-cases-community"
                  label={translate(`${P}.community`)}
                  value={communityId}
                  onChange={(e) => setCommunityId(e.target.value)}
                >
                  <MenuItem value={ANY}>{translate(`${P}.anyCommunity`)}</MenuItem>
                  {(communities ?? []).map((c) => (
                    <MenuItem key={c.id} value={String(c.id)}>
                      {c.name}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
            </Stack>
            {preview.error ? <Alert severity="error">{preview.error.message}</Alert> : null}
            {start.error ? <Alert severity="error">{translate(`${P}.failed`, { message: start.error.message })}</Alert> : null}
            {!preview.data ? (
              <Typography>{translate(`${P}.loading`)}</Typography>
            ) : cases.length === 0 ? (
              <Typography data-testid="move-cases-none">{translate(`${P}.none`)}</Typography>
            ) : (
              <>
                <Typography variant="body2" data-testid="move-cases-by-stage">
                  {translate(`${P}.byStage`, {
                    count: cases.length,
                    stages: countsByStage(cases)
                      .map(([s, count]) => translate(`${P}.stageCount`, { stage: translate(`whistle.stages.${s}`), count }))
                      .join(' · '),
                  })}
                </Typography>
                <Table size="small" data-testid="move-cases-preview">
                  <TableHead>
                    <TableRow>
                      <TableCell padding="checkbox">
                        <Checkbox
                          checked={chosen.size === cases.length}
                          indeterminate={chosen.size > 0 && chosen.size < cases.length}
                          onChange={(e) => setChosen(new Set(e.target.checked ? cases.map((c) => c.id) : []))}
                          slotProps={{ input: { 'aria-label': translate(`${P}.selectAll`) } }}
                        />
                      </TableCell>
                      <TableCell>{translate(`${P}.columns.code`)}</TableCell>
                      <TableCell>{translate(`${P}.columns.community`)}</TableCell>
                      <TableCell>{translate(`${P}.columns.stage`)}</TableCell>
                      <TableCell>{translate(`${P}.columns.version`)}</TableCell>
                      <TableCell>{translate(`${P}.columns.due`)}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {cases.map((c) => (
                      <TableRow key={c.id} data-testid={`move-case-${c.code}`}>
                        <TableCell padding="checkbox">
                          <Checkbox
                            checked={chosen.has(c.id)}
                            onChange={() => toggle(c.id)}
                            slotProps={{ input: { 'aria-label': translate(`${P}.select`, { code: c.code }) } }}
                          />
                        </TableCell>
                        <TableCell>{c.code}</TableCell>
                        <TableCell>{c.communityName ?? '—'}</TableCell>
                        <TableCell>{translate(`whistle.stages.${c.stage}`)}</TableCell>
                        <TableCell>{c.version}</TableCell>
                        <TableCell>
                          <ClockShifts clocks={c.clocks} />
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                <Typography variant="caption" color="text.secondary">
                  {translate(`${P}.privacy`)}
                </Typography>
              </>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate(`${P}.close`)}</Button>
        {batchId ? null : (
          <Button variant="contained" disabled={chosen.size === 0 || start.isPending} onClick={() => start.mutate()} data-testid="move-cases-confirm">
            {translate(`${P}.move`, { smart_count: chosen.size })}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** How many of `cases` are in each stage, in the stages' order. */
function countsByStage(cases: PreviewCase[]): [string, number][] {
  return TIMED_STAGES.map((stage) => [stage, cases.filter((c) => c.stage === stage).length] as [string, number]).filter(([, count]) => count > 0);
}

/** Each running limit of a case: what it is for, when it is due now, and when after the move. */
function ClockShifts({ clocks }: { clocks: Omit<ClockShift, 'startedAt'>[] }) {
  const translate = useTranslate();
  const when = useFormatWhen();
  if (clocks.length === 0) return <Typography variant="body2">{translate(`${P}.noClock`)}</Typography>;
  const due = (at: string | null) => (at ? when(at) : translate(`${P}.noLimit`));
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {clocks.map((clock) => (
        <li key={clock.clockId} data-testid="move-case-clock">
          {translate(`${P}.clockLine`, {
            clock: translate(`${P}.clock.${clock.kind}`, { name: clock.subject.name ?? '' }),
            from: due(clock.fromDueAt),
          })}
          <strong>{due(clock.toDueAt)}</strong>
        </li>
      ))}
    </Box>
  );
}

/** The batch going through its cases, then what became of each one that did not move. */
function Progress({ batch }: { batch: MigrationBatch | undefined }) {
  const translate = useTranslate();
  if (!batch) return <LinearProgress />;
  const handled = batch.done + batch.failed + batch.skipped;
  const finished = batch.status === 'finished';
  return (
    <Stack spacing={2} data-testid="move-cases-progress">
      <Typography>{finished ? translate(`${P}.summary`, batch) : translate(`${P}.moving`)}</Typography>
      <LinearProgress variant="determinate" value={batch.total ? (100 * handled) / batch.total : 100} />
      <Typography variant="body2">{translate(`${P}.progress`, { finished: handled, total: batch.total })}</Typography>
      {finished ? (
        <List dense disablePadding data-testid="move-cases-outcome">
          {batch.items.map((item) => (
            <ListItem key={item.caseId} disableGutters sx={{ alignItems: 'flex-start', gap: 1 }} data-testid={`moved-case-${item.code}`}>
              <strong>{item.code}</strong>
              {item.status === 'done' ? (
                <ClockShifts clocks={item.clocks ?? []} />
              ) : (
                <span>{translate(`${P}.reasons.${item.reason}`, { _: item.reason ?? '' })}</span>
              )}
            </ListItem>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
