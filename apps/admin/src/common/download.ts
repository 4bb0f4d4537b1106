import { readSession } from '../auth/session';

/**
 * Saves a file the API answers (a CSV export, a report): fetched with the session's token, since a plain link would
 * carry none, then saved from a blob URL under the name the API gives it (`fallbackName` when it gives none).
 */
export async function downloadWithSession(url: string, fallbackName: string): Promise<void> {
  const token = readSession()?.token;
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `HTTP ${response.status}`);
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const blobUrl = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = blobUrl;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the browser's download; the URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(blobUrl), 0);
  }
}
