import PublishIcon from '@mui/icons-material/Publish';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role, RuleSetProblem } from '@whistle/domain';
import { useState } from 'react';
import { Button, Confirm, HttpError, useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { WhistleDataProvider } from '../dataProvider';
import type { RuleSetRecord } from './types';
import { PublishImpact } from './versions/PublishImpact';

/** The API's refusal, with every problem it listed (schema and unknown organizations or users) on its own line. */
export function refusal(error: Error): string {
  const problems = (error instanceof HttpError ? (error.body as { details?: { problems?: RuleSetProblem[] } })?.details?.problems : undefined) ?? [];
  return [error.message, ...problems.map((p) => `${p.path}: ${p.message}`)].join('\n');
}

/**
 * Freezes the saved draft as the next immutable version (admin), after a confirmation that says what it affects. `disabled` while the form has unsaved
 * changes: publishing sends the saved draft, not what is on screen.
 */
export function PublishButton({ disabled = false }: { disabled?: boolean }) {
  const record = useRecordContext<RuleSetRecord>();
  const { permissions } = usePermissions<Role[]>();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.publishRuleSet(String(record!.id)),
    onSettled: () => setConfirming(false),
    onSuccess: (version) => {
      notify('whistle.ruleSets.published', { type: 'success', messageArgs: { version: version.version } });
      void queryClient.invalidateQueries({ queryKey: ['rule-sets', 'versions', record?.id] });
      refresh();
    },
    onError: (error: Error) => notify(refusal(error), { type: 'error', multiLine: true, autoHideDuration: 15_000 }),
  });
  if (!record || !permissions?.includes('admin')) return null;
  return (
    <>
      <Button
        label="whistle.ruleSets.publish"
        onClick={() => setConfirming(true)}
        disabled={disabled || isPending}
        title={disabled ? translate('whistle.ruleSets.saveFirst') : undefined}
        data-testid="rule-set-publish"
      >
        <PublishIcon />
      </Button>
      {/* Publishing asks first, saying which open cases keep their version and which new ones get this one. */}
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="whistle.ruleVersions.impactTitle"
        translateOptions={{ next: record.latestVersion + 1 }}
        content={confirming ? <PublishImpact ruleSet={record} /> : null}
        onConfirm={() => mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
