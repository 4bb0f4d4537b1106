import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { RuleSetRecord } from './types';

/** A warning chip when the saved draft would not publish as it is. */
export function ProblemsChip() {
  const record = useRecordContext<RuleSetRecord>();
  const translate = useTranslate();
  const count = record?.problems?.length ?? 0;
  if (!count) return null;
  return (
    <Chip
      size="small"
      color="warning"
      label={translate('whistle.ruleSets.problemCount', { smart_count: count })}
      title={record!.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}
      data-testid="rule-set-problems-chip"
    />
  );
}

/** The newest published version, or that only a draft exists. */
export function LatestVersionField(_props: { label?: string }) {
  const record = useRecordContext<RuleSetRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return record.latestVersion ? (
    <Chip size="small" color="success" label={`v${record.latestVersion}`} data-testid="rule-set-latest-version" />
  ) : (
    <Chip size="small" variant="outlined" label={translate('whistle.ruleSets.draftOnly')} data-testid="rule-set-latest-version" />
  );
}
