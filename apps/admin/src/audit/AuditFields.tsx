import { Chip, Stack } from '@mui/material';
import { Link, RecordContextProvider, ReferenceField, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { seesAnyCase } from '../auth/seesCases';
import { kindKey, type AuditRecord } from './types';

/** Who acted: the account's username, "resident" for a feedback link, "—" for a request without one. */
export function ActorField(_props: { label?: string }) {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.actorUsername) return <span data-testid="audit-actor">{record.actorUsername}</span>;
  if (record.data.by === 'resident') return <span data-testid="audit-actor">{translate('whistle.audit.resident')}</span>;
  return <span data-testid="audit-actor">{translate('whistle.audit.anonymous')}</span>;
}

/** The kind in plain words; a case action also names the action, a phone reveal which number, and a refused one its status. */
export function KindField(_props: { label?: string }) {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const actionType = typeof record.data.actionType === 'string' ? record.data.actionType : null;
  const status = typeof record.data.status === 'number' ? record.data.status : null;
  // A reveal's field is `reporter`, `contact:<organizationId>` or `attendee:<meetingId>:<index>`: name its kind of number.
  const phoneKind = record.kind === 'case.phone_revealed' && typeof record.data.field === 'string' ? record.data.field.split(':')[0] : null;
  const refused = record.data.outcome === 'refused' || record.data.outcome === 'failed' || record.kind === 'auth.refused';
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="audit-kind" data-kind={record.kind}>
      <span>
        {translate(kindKey(record.kind), { _: record.kind })}
        {actionType
          ? `: ${translate(`whistle.actions.${actionType}`, { _: translate(`whistle.audit.actions.${actionType}`, { _: actionType }) })}`
          : ''}
        {phoneKind ? `: ${translate(`whistle.audit.phones.${phoneKind}`, { _: phoneKind })}` : ''}
      </span>
      {refused && status ? <Chip size="small" color="error" variant="outlined" label={translate('whistle.audit.refusedWith', { status })} /> : null}
    </Stack>
  );
}

/** What the event was about: a case by its code, an organization or rule set by its name, else type and id. */
export function TargetField(_props: { label?: string }) {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record?.targetType || !record.targetId) return <span>—</span>;
  const type = translate(`whistle.audit.targets.${record.targetType}`, { _: record.targetType });
  const reference = { organization: 'organizations', rule_set: 'rule-sets', user: 'users' }[record.targetType];
  if (record.targetType === 'case') {
    const code = typeof record.data.caseCode === 'string' ? record.data.caseCode : record.targetId;
    // A link only for someone who may open the case: an admin sees no case, and would land on "not found".
    return (
      <span data-testid="audit-target">
        {type} {seesAnyCase() ? <Link to={createPath({ resource: 'cases', id: record.targetId, type: 'show' })}>{code}</Link> : code}
      </span>
    );
  }
  if (reference) {
    return (
      <span data-testid="audit-target">
        {type}{' '}
        <RecordContextProvider value={{ id: record.id, targetId: record.targetId }}>
          <ReferenceField source="targetId" reference={reference} link={false} emptyText={record.targetId} />
        </RecordContextProvider>
      </span>
    );
  }
  return <span data-testid="audit-target">{`${type} ${record.targetId}`}</span>;
}
