import { useRecordContext, useTranslate } from 'react-admin';
import type { RuleSetRecord } from './types';

export function RuleSetTitle() {
  const record = useRecordContext<RuleSetRecord>();
  const translate = useTranslate();
  return <span>{record ? `${translate('resources.rule-sets.name', { smart_count: 1 })} ${record.name}` : ''}</span>;
}
