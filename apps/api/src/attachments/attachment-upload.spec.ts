import { displayName } from './attachment-upload';
import { contentDisposition } from './attachments.controller';

describe('the name a file is shown and saved under', () => {
  it('keeps the name, not the folders or control characters a browser may send', () => {
    expect(displayName('C:\\Users\\li\\Desktop\\井盖.jpg')).toBe('井盖.jpg');
    expect(displayName('../../etc/passwd')).toBe('passwd');
    expect(displayName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(displayName('')).toBe('file');
    expect(displayName(undefined)).toBe('file');
    expect([...displayName('长'.repeat(500))]).toHaveLength(200);
  });

  it('goes into Content-Disposition as ASCII and exactly in UTF-8, with no quote to break out of', () => {
    expect(contentDisposition('attachment', '井盖 "1".jpg')).toBe(
      `attachment; filename="__ _1_.jpg"; filename*=UTF-8''${encodeURIComponent('井盖 "1".jpg')}`,
    );
  });
});
