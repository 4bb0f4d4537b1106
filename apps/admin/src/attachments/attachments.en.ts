/** The words of case attachments (`whistle.attachments.*`); en.ts takes them from here. */
export const ATTACHMENT_WORDS_EN = {
  title: 'Photos and documents',
  empty: 'No photos or documents yet.',
  purposes: { whistle: 'With the whistle', action_item: 'Evidence of an action item', task: 'Evidence of a task', resolution: 'With the resolution' },
  by: 'added by %{name}',
  open: 'Open',
  download: 'Download',
  delete: 'Delete',
  deleted: 'Deleted %{name}',
  deleteFailed: 'Could not delete: %{message}',
  photosInput: 'Photos (JPEG, PNG, WebP) or PDF documents',
  evidenceInput: 'Evidence files (photos or PDF)',
  notAccepted: 'Not added: %{names}. Only photos (JPEG, PNG, WebP) and PDFs can go with a case.',
  dropHint: 'Drop photos or PDFs here, or click to choose',
  uploaded: '%{count} file(s) uploaded',
  uploadFailed: 'Not uploaded: %{files}',
  timelineAdded: 'File added',
  refusals: {
    attachment_case_closed: 'The case is finished: no files may be added any more.',
    attachment_target_required: 'Say which item or task the file belongs to.',
    attachment_target_unexpected: 'This kind of file belongs to no item or task.',
    attachment_action_item_not_found: 'That action item is not on this case.',
    attachment_task_not_found: 'That task is not on this case.',
    attachment_not_whistler: "Only the case's community or its street's coordinators add files to the whistle.",
    attachment_not_item_owner: "Only the action item's owner or a coordinator adds its evidence.",
    attachment_not_task_assignee: "Only the task's assignee or a coordinator adds its evidence.",
    attachment_not_lead: 'Only the lead unit or a coordinator adds files to the resolution.',
    attachment_not_uploader: 'Only whoever added the file, or a coordinator, may delete it.',
    attachment_stage_left: 'The case has left the stage this file was added in: it can no longer be deleted.',
  },
};

/** The audit trail's words for attachment events (`whistle.audit.kinds.attachment.*`). */
export const ATTACHMENT_AUDIT_KINDS_EN = {
  all: 'Every photo or document event',
  uploaded: 'File added to a case',
  upload_refused: 'File refused',
  downloaded: 'File downloaded',
  deleted: 'File deleted',
  delete_refused: 'File deletion refused',
};
