import sharp from 'sharp';
import { exifHasGps, PHONE_EXIF } from './testing/exif';
import { cleanImage, UnreadableImage } from './image-processing';

/** A photo as a phone takes it: landscape pixels, an EXIF orientation saying "turn me", and where it was taken. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 200, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif(PHONE_EXIF)
    .toBuffer();
}

describe('cleanImage', () => {
  it('stores the photo without any metadata (no GPS), upright, in its own format', async () => {
    const input = await phonePhoto();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('PhoneMaker');
    expect(exifHasGps(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);
    const { image } = await cleanImage(input, 'jpeg');
    const after = await sharp(image).metadata();
    expect(after.format).toBe('jpeg');
    expect(exifHasGps(after.exif)).toBe(false);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    // Orientation 6 turns it a quarter: the stored pixels are portrait.
    expect([after.width, after.height]).toEqual([200, 400]);
  });

  it('makes a WebP thumbnail at most 320 px on its longer side, and never enlarges a small image', async () => {
    const { thumbnail } = await cleanImage(await phonePhoto(), 'jpeg');
    expect(await sharp(thumbnail).metadata()).toMatchObject({ format: 'webp', width: 160, height: 320 });
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(await sharp((await cleanImage(small, 'png')).thumbnail).metadata()).toMatchObject({ width: 40, height: 30 });
  });

  it('turns a broken image into UnreadableImage', async () => {
    const truncated = (await phonePhoto()).subarray(0, 300);
    await expect(cleanImage(truncated, 'jpeg')).rejects.toBeInstanceOf(UnreadableImage);
  });
});
