/**
 * Whether an image's EXIF block (sharp's `metadata().exif`: `Exif\0\0` and a TIFF structure) points to a GPS
 * directory: the tag 0x8825 among the main directory's entries. Enough to tell a photo that says where it was taken.
 */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return false;
  const u16 = (at: number) => (order === 'II' ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (order === 'II' ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  const entries = u16(ifd0);
  for (let i = 0; i < entries; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

/** A phone photo: landscape pixels, an EXIF orientation saying "turn me", the camera, and where it was taken. */
export const PHONE_EXIF = {
  IFD0: { Make: 'PhoneMaker', Model: 'Phone 9' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 4/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 22/1 5/1' },
};
