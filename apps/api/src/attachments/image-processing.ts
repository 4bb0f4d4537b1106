import sharp from 'sharp';
import type { ImageFormat } from './content-inspection';

/** Larger images are refused rather than decoded (a small file can claim enormous dimensions). */
const MAX_INPUT_PIXELS = 60_000_000;
const THUMBNAIL_SIZE = 320;

export class UnreadableImage extends Error {}

/**
 * The image as it is stored: decoded and encoded again in its own format, turned upright by its EXIF orientation,
 * and without any metadata: sharp writes none unless asked (no `keepExif`/`withMetadata`), so the camera's GPS
 * position, its serial number and the time the photo was taken do not reach the store. Beside it, a WebP thumbnail
 * at most 320 px on its longer side.
 */
export async function cleanImage(bytes: Buffer, format: ImageFormat): Promise<{ image: Buffer; thumbnail: Buffer }> {
  try {
    const image = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).autoOrient().toFormat(format).toBuffer();
    const thumbnail = await sharp(image)
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return { image, thumbnail };
  } catch (error) {
    throw new UnreadableImage(error instanceof Error ? error.message : String(error));
  }
}
