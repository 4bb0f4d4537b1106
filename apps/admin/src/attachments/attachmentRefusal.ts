import { HttpError } from 'react-admin';
import type { Translate } from '../common/refusal-message';

/** An attachment refusal in the console's language, from its reason; the API's own words when the console has none. */
export function attachmentRefusal(error: unknown, translate: Translate): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = error instanceof HttpError ? (error.body as { reason?: string } | undefined)?.reason : undefined;
  return reason ? translate(`whistle.attachments.refusals.${reason}`, { _: message }) : message;
}

/** The files not uploaded, each with why, in one line for a notification. */
export function failedUploads(failed: { name: string; error: unknown }[], translate: Translate): string {
  return failed.map((f) => `${f.name} (${attachmentRefusal(f.error, translate)})`).join(translate('whistle.refusalWords.listSeparator'));
}
