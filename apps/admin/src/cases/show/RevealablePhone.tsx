import { Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { mayRevealPhone, type CaseView } from '@whistle/domain';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useShowContext } from 'react-admin';
import { currentActor } from '../../auth/session';
import { TextButton } from '../../common/TextButton';
import type { WhistleDataProvider } from '../../dataProvider';

/**
 * A masked phone number, with a "show number" button for the people who must call (the domain's
 * `mayRevealPhone`, the rule the API enforces). Revealing asks the API, which audits it; the number is kept
 * only in this component, for as long as the page shows it.
 */
export function RevealablePhone({ field, masked }: { field: string; masked: string | undefined }) {
  const { record } = useShowContext<CaseView>();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const notify = useNotify();
  const [full, setFull] = useState<string | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.revealPhone(String(record!.id), field),
    onSuccess: ({ phone }) => setFull(phone),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!masked) return <span>—</span>;
  const actor = currentActor();
  const mayReveal = !!record && !!actor && mayRevealPhone(actor, record, field);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <span data-testid={`phone-${field}`}>{full ?? masked}</span>
      {mayReveal && !full ? (
        <TextButton label="whistle.phone.show" onClick={() => mutate()} disabled={isPending} data-testid={`reveal-${field}`} />
      ) : null}
    </Stack>
  );
}

/** The reporter's number, on the case page. */
export function ReporterPhone() {
  const record = useRecordContext<CaseView>();
  return <RevealablePhone field="reporter" masked={record?.reporter.phone} />;
}

/** The contact a dispatched unit gave, in the assignments table (its row is the record). */
export function ContactPhone() {
  const assignment = useRecordContext<CaseView['assignments'][number]>();
  return assignment ? <RevealablePhone field={`contact:${assignment.organizationId}`} masked={assignment.contactPhone} /> : null;
}
