import DownloadIcon from '@mui/icons-material/GetApp';
import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { periodOf, type Rates } from '@whistle/domain';
import { useState } from 'react';
import { Loading, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router-dom';
import { useFormatWhen } from '../../common/WhenField';
import { downloadWithSession } from '../../common/download';
import { useFormatRate } from '../useFormatRate';
import { RATE_KINDS } from '../rateKinds';
import { useFigure } from './figures';
import { monthsUpTo } from './months';
import { PRINT_ONLY_THE_SHEET, SHEET_CELL } from '../../common/printSheet';

/** GET /api/metrics/monthly-report: one line for the street, each community and each unit. */
type ReportLine = Rates & { organizationId: string | null; name: string | null; opened: number | null; declines: number; reopens: number };
interface MonthlyReport {
  month: string;
  from: string;
  to: string;
  generatedAt: string;
  overall: ReportLine;
  communities: ReportLine[];
  units: ReportLine[];
}

const HEAD = ['name', 'opened', 'response', 'resolution', 'satisfaction', 'declines', 'reopens'];

function ReportTable({ kind, lines }: { kind: string; lines: ReportLine[] }) {
  const translate = useTranslate();
  const formatRate = useFormatRate();
  if (!lines.length) return <Typography>—</Typography>;
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 8 }} data-testid={`report-${kind}`}>
      <thead>
        <tr>
          {HEAD.map((h) => (
            <th key={h} style={{ ...SHEET_CELL, background: '#f3f3f3' }}>
              {translate(`whistle.insight.monthlyReport.columns.${h}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.organizationId ?? 'street'} data-testid="report-line">
            <td style={SHEET_CELL}>{line.name ?? line.organizationId ?? translate('whistle.insight.monthlyReport.street')}</td>
            <td style={SHEET_CELL}>{line.opened ?? '—'}</td>
            {RATE_KINDS.map((k) => (
              <td key={k.key} style={SHEET_CELL} data-rate={k.key}>
                {formatRate(line[k.rate])} ({line[k.part]}/{line[k.whole]})
              </td>
            ))}
            <td style={SHEET_CELL} data-field="declines">
              {line.declines}
            </td>
            <td style={SHEET_CELL} data-field="reopens">
              {line.reopens}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * `/reports/monthly?month=YYYY-MM`: the street's month on one printable sheet (rates, cases opened, declines and
 * reopens for the street, each community and each unit), with the same report as a CSV download.
 */
export function MonthlyReportPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const when = useFormatWhen();
  const [locale] = useLocaleState();
  const [params, setParams] = useSearchParams();
  const current = periodOf(new Date().toISOString(), 'month').key;
  const month = params.get('month') ?? current;
  const { data, isPending, error } = useFigure<MonthlyReport>('monthly-report', { month });
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await downloadWithSession(
        `/api/metrics/monthly-report.csv?${new URLSearchParams({ month, lang: locale === 'en' ? 'en' : 'zh' })}`,
        `report-${month}.csv`,
      );
    } catch (e) {
      notify('whistle.insight.monthlyReport.failed', { type: 'error', messageArgs: { message: e instanceof Error ? e.message : String(e) } });
    } finally {
      setDownloading(false);
    }
  };
  const heading = (key: string) => (
    <Typography variant="subtitle1" sx={{ mt: 2, mb: 0.5, fontWeight: 'bold' }}>
      {translate(key)}
    </Typography>
  );
  return (
    <Box>
      <Title title="whistle.insight.monthlyReport.title" />
      {PRINT_ONLY_THE_SHEET}
      <Stack direction="row" spacing={1} data-print="hide" sx={{ p: 1, alignItems: 'center', '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
        <Button component={Link} to="/">
          {translate('whistle.insight.monthlyReport.back')}
        </Button>
        <TextField
          select
          size="small"
          sx={{ width: 160 }}
          label={translate('whistle.insight.monthlyReport.month')}
          value={month}
          onChange={(event) => setParams({ month: event.target.value })}
          slotProps={{ htmlInput: { 'data-testid': 'report-month' } }}
        >
          {[...new Set([month, ...monthsUpTo(current, 12)])]
            .sort()
            .reverse()
            .map((m) => (
              <MenuItem key={m} value={m}>
                {m}
              </MenuItem>
            ))}
        </TextField>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void download()} disabled={downloading} data-testid="report-csv">
          {translate('whistle.insight.monthlyReport.csv')}
        </Button>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()} data-testid="report-print">
          {translate('whistle.casePage.printNow')}
        </Button>
      </Stack>
      {isPending ? (
        <Loading />
      ) : error ? (
        <Typography color="error">{error.message}</Typography>
      ) : (
        <Box data-testid="monthly-report" data-month={data.month} sx={{ maxWidth: 1000, mx: 'auto', p: 2, bgcolor: '#fff', color: '#000' }}>
          <Typography variant="h5" sx={{ textAlign: 'center', fontWeight: 'bold' }}>
            {translate('whistle.insight.monthlyReport.heading', { street: data.overall.name ?? '', month: data.month })}
          </Typography>
          <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 1 }}>
            <span>{translate('whistle.insight.monthlyReport.covers', { from: when(data.from), to: when(data.to) })}</span>
            <span>{translate('whistle.casePage.printedAt', { date: when(data.generatedAt) })}</span>
          </Stack>
          {heading('whistle.insight.monthlyReport.street')}
          <ReportTable kind="street" lines={[data.overall]} />
          {heading('whistle.insight.monthlyReport.communities')}
          <ReportTable kind="communities" lines={data.communities} />
          {heading('whistle.insight.monthlyReport.units')}
          <ReportTable kind="units" lines={data.units} />
        </Box>
      )}
    </Box>
  );
}
