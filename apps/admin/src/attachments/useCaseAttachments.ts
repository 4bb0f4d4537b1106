import { useQuery } from '@tanstack/react-query';
import type { CaseView } from '@whistle/domain';
import { listAttachments } from './attachmentsApi';

/** Links expire (15 minutes by default): the list is asked for again well before, and whenever the case changes. */
const RELIST_MS = 5 * 60_000;

/** The case's photos and documents, shared by the case page's list and its timeline (one request for both). */
export function useCaseAttachments(record: Pick<CaseView, 'id' | 'version'> | undefined) {
  return useQuery({
    queryKey: ['cases', 'attachments', record?.id, record?.version],
    queryFn: () => listAttachments(String(record!.id)),
    enabled: !!record,
    refetchInterval: RELIST_MS,
  });
}
