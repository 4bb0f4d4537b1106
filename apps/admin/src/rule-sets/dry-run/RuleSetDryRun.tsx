import { useQuery } from '@tanstack/react-query';
import { validateDefinition, type Calendar } from '@whistle/domain';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { WhistleDataProvider } from '../../dataProvider';
import type { RuleSetRecord } from '../types';
import { DryRunPanel } from './DryRunPanel';
import type { DryRunRules } from './simulate';

/** The calendar a definition runs on (with the schema's defaults), or null when it does not parse. */
export function calendarOf(definition: unknown): Calendar | null {
  const check = validateDefinition(definition);
  return check.ok ? check.definition.calendar : null;
}

/**
 * The dry run on a rule set's page: its newest published version (what new cases get), or its saved draft while it
 * has none. The version's own calendar marks the skipped days, so the versions are read as the versions panel reads them.
 */
export function RuleSetDryRun() {
  const record = useRecordContext<RuleSetRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const published = !!record && record.latestVersion > 0;
  const { data: versions } = useQuery({
    queryKey: ['rule-sets', 'versions', record?.id, record?.latestVersion],
    queryFn: () => dataProvider.getRuleSetVersions(String(record!.id)),
    enabled: published,
  });
  if (!record) return null;
  const rules: DryRunRules = published ? { ruleSetId: String(record.id), version: record.latestVersion } : { definition: record.definition };
  const definition = published ? versions?.find((v) => v.version === record.latestVersion)?.definition : record.definition;
  return (
    <DryRunPanel
      rules={rules}
      calendar={definition ? calendarOf(definition) : null}
      caption={published ? translate('whistle.dryRun.ofVersion', { version: record.latestVersion }) : translate('whistle.dryRun.ofDraft')}
      defaultCategory={record.categories.find((c) => c !== '*')}
      defaultUrgency={record.urgencies.length === 1 ? record.urgencies[0] : 'normal'}
    />
  );
}
