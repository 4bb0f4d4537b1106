import sharp from 'sharp';

/** The kinds of file a case takes, told by their content, never by their name or the type a browser claims. */
export type DetectedContent =
  { kind: 'image'; format: ImageFormat; contentType: `image/${ImageFormat}` } | { kind: 'pdf'; format: 'pdf'; contentType: 'application/pdf' };

export const IMAGE_FORMATS = ['jpeg', 'png', 'webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** What the refusal of any other file says. */
export const ACCEPTED_CONTENT = 'a photo (JPEG, PNG or WebP) or a PDF document';

/** Every PDF begins with `%PDF-` and its version (`1.7`, `2.0`). */
const PDF_SIGNATURE = /^%PDF-\d\.\d/;

export function isPdf(bytes: Uint8Array): boolean {
  return PDF_SIGNATURE.test(Buffer.from(bytes.subarray(0, 8)).toString('latin1'));
}

/** The accepted image behind the format sharp read from the bytes (`metadata().format`); null for any other. */
export function acceptedImage(format: string | undefined): DetectedContent | null {
  const accepted = IMAGE_FORMATS.find((f) => f === format);
  return accepted ? { kind: 'image', format: accepted, contentType: `image/${accepted}` } : null;
}

/**
 * What the bytes are: a PDF by its signature, an image by what sharp (libvips) makes of its header; null for
 * anything else (a GIF, a HEIC, a text file named photo.jpg, an empty upload...).
 */
export async function detectContent(bytes: Buffer): Promise<DetectedContent | null> {
  if (isPdf(bytes)) return { kind: 'pdf', format: 'pdf', contentType: 'application/pdf' };
  if (bytes.length === 0) return null;
  try {
    return acceptedImage((await sharp(bytes).metadata()).format);
  } catch {
    return null; // not an image libvips knows
  }
}
