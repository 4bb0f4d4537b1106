import { attachmentContentPath, checkAttachmentLink, signAttachmentLink } from './url-signing';

const SECRET = 's'.repeat(40);
const ID = '0b7f6c1e-3a57-4d43-9d1b-1f7f1c0f6a11';
const USER = '9a1f2b3c-4d5e-4f60-8a7b-1c2d3e4f5a6b';
const NOW = 1_800_000_000;

const queryOf = (path: string) => Object.fromEntries(new URL(path, 'http://api.test').searchParams);

describe('signed attachment links', () => {
  const link = signAttachmentLink(SECRET, ID, 'original', NOW + 900, USER);
  const query = queryOf(attachmentContentPath(ID, link));

  it('open the attachment they were signed for until they expire, naming who they were issued to', () => {
    expect(checkAttachmentLink(SECRET, ID, query, NOW)).toEqual({ ok: true, variant: 'original', issuedTo: USER });
    expect(checkAttachmentLink(SECRET, ID, query, NOW + 899)).toMatchObject({ ok: true });
  });

  it('stop working when they expire', () => {
    expect(checkAttachmentLink(SECRET, ID, query, NOW + 900)).toMatchObject({ ok: false, problem: 'expired' });
  });

  it('fail when any signed part is changed: another attachment, variant, expiry, user, or server secret', () => {
    const forged = [
      checkAttachmentLink(SECRET, '1b7f6c1e-3a57-4d43-9d1b-1f7f1c0f6a11', query, NOW),
      checkAttachmentLink(SECRET, ID, { ...query, variant: 'thumbnail' }, NOW),
      checkAttachmentLink(SECRET, ID, { ...query, expires: String(NOW + 90_000) }, NOW),
      checkAttachmentLink(SECRET, ID, { ...query, to: '' }, NOW),
      checkAttachmentLink(SECRET, ID, { ...query, signature: `${query.signature.slice(0, -1)}${query.signature.endsWith('A') ? 'B' : 'A'}` }, NOW),
      checkAttachmentLink('t'.repeat(40), ID, query, NOW),
    ];
    for (const check of forged) expect(check).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it('say a forged link is forged even when it has expired too, so expiry is told only to genuine links', () => {
    expect(checkAttachmentLink(SECRET, ID, { ...query, signature: 'x'.repeat(43) }, NOW + 10_000)).toMatchObject({ problem: 'bad_signature' });
  });

  it('call anything that is not shaped like a link malformed', () => {
    for (const bad of [{ ...query, variant: 'full' }, { ...query, expires: 'soon' }, { ...query, signature: 'a b' }, { ...query, to: 'x' }, {}]) {
      expect(checkAttachmentLink(SECRET, ID, bad, NOW)).toMatchObject({ ok: false, problem: 'malformed' });
    }
  });
});
