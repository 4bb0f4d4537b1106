import sharp from 'sharp';
import { acceptedImage, detectContent, isPdf } from './content-inspection';

const image = (format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff') =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 200, g: 10, b: 10 } } })
    .toFormat(format)
    .toBuffer();

describe('detectContent', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('knows a %s by its bytes', async (format) => {
    expect(await detectContent(await image(format))).toEqual({ kind: 'image', format, contentType: `image/${format}` });
  });

  it('knows a PDF by its signature', async () => {
    expect(await detectContent(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF'))).toEqual({
      kind: 'pdf',
      format: 'pdf',
      contentType: 'application/pdf',
    });
  });

  it('refuses other images, text, an empty file and a file that only claims to be a PDF further in', async () => {
    for (const bytes of [
      await image('gif'),
      await image('tiff'),
      Buffer.from('just some text, named photo.jpg'),
      Buffer.alloc(0),
      Buffer.from('<html>%PDF-1.7</html>'),
      Buffer.from('%PDF-'),
    ]) {
      expect(await detectContent(bytes)).toBeNull();
    }
  });
});

describe('isPdf and acceptedImage', () => {
  it('need the signature at the start, with a version', () => {
    expect(isPdf(Buffer.from('%PDF-2.0 ...'))).toBe(true);
    expect(isPdf(Buffer.from(' %PDF-1.4'))).toBe(false);
    expect(isPdf(Buffer.from('%PDF-x.y'))).toBe(false);
  });

  it('accept only JPEG, PNG and WebP of the formats libvips reads', () => {
    expect(acceptedImage('jpeg')?.contentType).toBe('image/jpeg');
    for (const format of ['gif', 'svg', 'heif', 'tiff', undefined]) expect(acceptedImage(format)).toBeNull();
  });
});
