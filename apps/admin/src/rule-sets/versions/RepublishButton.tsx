import RestoreIcon from '@mui/icons-material/Restore';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@whistle/domain';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, usePermissions, useRefresh } from 'react-admin';
import type { RuleSetVersion, WhistleDataProvider } from '../../dataProvider';
import { refusal } from '../PublishButton';

/** Rollback (admin): publishes a copy of an older version as the newest, after a confirmation that says what it does. */
export function RepublishButton({ version, latestVersion }: { version: RuleSetVersion; latestVersion: number }) {
  const { permissions } = usePermissions<Role[]>();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.republishRuleSetVersion(version.ruleSetId, version.version),
    onSuccess: (created) => {
      notify('whistle.ruleVersions.republished', { type: 'success', messageArgs: { version: version.version, next: created.version } });
      void queryClient.invalidateQueries({ queryKey: ['rule-sets', 'versions', version.ruleSetId] });
      refresh();
    },
    onError: (error: Error) => notify(refusal(error), { type: 'error', multiLine: true, autoHideDuration: 15_000 }),
    onSettled: () => setOpen(false),
  });
  if (!permissions?.includes('admin') || version.version === latestVersion) return null;
  return (
    <>
      <Button
        label="whistle.ruleVersions.republish"
        onClick={() => setOpen(true)}
        disabled={isPending}
        data-testid={`rule-version-republish-${version.version}`}
      >
        <RestoreIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="whistle.ruleVersions.republishTitle"
        content="whistle.ruleVersions.republishContent"
        translateOptions={{ version: version.version, next: latestVersion + 1 }}
        onConfirm={() => mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
