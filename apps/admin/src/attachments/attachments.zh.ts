import type { ATTACHMENT_AUDIT_KINDS_EN, ATTACHMENT_WORDS_EN } from './attachments.en';

/** 案件附件的中文词句（`whistle.attachments.*`）；zh.ts 从这里取。 */
export const ATTACHMENT_WORDS_ZH: typeof ATTACHMENT_WORDS_EN = {
  title: '照片与文件',
  empty: '暂无照片或文件。',
  purposes: { whistle: '吹哨时上传', action_item: '责任事项佐证', task: '任务佐证', resolution: '办结材料' },
  by: '%{name} 上传',
  open: '查看',
  download: '下载',
  delete: '删除',
  deleted: '已删除 %{name}',
  deleteFailed: '删除失败：%{message}',
  photosInput: '照片（JPEG、PNG、WebP）或 PDF 文件',
  evidenceInput: '佐证材料（照片或 PDF）',
  notAccepted: '未添加：%{names}。只能附加照片（JPEG、PNG、WebP）和 PDF。',
  dropHint: '将照片或 PDF 拖到此处，或点击选择',
  uploaded: '已上传 %{count} 个文件',
  uploadFailed: '未能上传：%{files}',
  timelineAdded: '上传附件',
  refusals: {
    attachment_case_closed: '案件已结束，不能再添加文件。',
    attachment_target_required: '请说明文件属于哪个事项或任务。',
    attachment_target_unexpected: '此类文件不属于任何事项或任务。',
    attachment_action_item_not_found: '本案件没有该责任事项。',
    attachment_task_not_found: '本案件没有该任务。',
    attachment_not_whistler: '只有案件所在社区或街道协调员可以为吹哨添加文件。',
    attachment_not_item_owner: '只有责任单位或协调员可以为该事项添加佐证。',
    attachment_not_task_assignee: '只有任务承办方或协调员可以为该任务添加佐证。',
    attachment_not_lead: '只有牵头单位或协调员可以添加办结材料。',
    attachment_not_uploader: '只有上传者或协调员可以删除该文件。',
    attachment_stage_left: '案件已离开上传该文件时的环节，文件不能再删除。',
  },
};

/** 审计日志中附件事件的说法（`whistle.audit.kinds.attachment.*`）。 */
export const ATTACHMENT_AUDIT_KINDS_ZH: typeof ATTACHMENT_AUDIT_KINDS_EN = {
  all: '所有附件事件',
  uploaded: '上传附件',
  upload_refused: '附件被拒收',
  downloaded: '下载附件',
  deleted: '删除附件',
  delete_refused: '拒绝删除附件',
};
