import { forbiddenAddress, parseCidrList, webhookUrlProblem, type WebhookPolicy } from './webhook-url';

const local: WebhookPolicy = { allowHttp: true, allowedAddresses: ['127.0.0.1/32'] };

describe('forbiddenAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.8', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(forbiddenAddress(address)).toBe(reason);
  });

  it('allows public unicast addresses', () => {
    expect(forbiddenAddress('101.226.4.6')).toBeNull();
    expect(forbiddenAddress('2400:da00::6666')).toBeNull();
  });

  it('allows only the configured exceptions, of the same family', () => {
    expect(forbiddenAddress('127.0.0.1', local)).toBeNull();
    expect(forbiddenAddress('127.0.0.2', local)).toBe('loopback');
    expect(forbiddenAddress('::1', local)).toBe('loopback');
  });

  it('says what is not an address', () => {
    expect(forbiddenAddress('example.com')).toBe('not an IP address');
  });
});

describe('webhookUrlProblem', () => {
  it('accepts a public https robot URL', () => {
    expect(webhookUrlProblem('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBeNull();
  });

  it('refuses http unless configuration allows it', () => {
    expect(webhookUrlProblem('http://oapi.dingtalk.com/robot/send')).toBe('must be an https URL');
    expect(webhookUrlProblem('http://oapi.dingtalk.com/robot/send', local)).toBeNull();
    expect(webhookUrlProblem('ftp://oapi.dingtalk.com/robot/send', local)).toBe('must be an http or https URL');
  });

  it('refuses internal hosts and literal private addresses, however written', () => {
    for (const url of [
      'https://localhost/robot',
      'https://api.localhost/robot',
      'https://metadata.google.internal/computeMetadata',
      'https://intranet/robot',
      'https://127.0.0.1/robot',
      'https://[::1]/robot',
      'https://[::ffff:7f00:1]/robot',
      'https://169.254.169.254/latest/meta-data',
      'https://10.1.2.3:8443/robot',
    ]) {
      expect(webhookUrlProblem(url)).toMatch(/public host|address/);
    }
  });

  it('refuses credentials in the URL and what is not a URL', () => {
    expect(webhookUrlProblem('https://user:pw@qyapi.weixin.qq.com/x')).toBe('must not carry a user name or password');
    expect(webhookUrlProblem('not a url')).toBe('must be a URL');
  });
});

describe('parseCidrList', () => {
  it('reads a comma-separated list and refuses a malformed entry', () => {
    expect(parseCidrList(' 127.0.0.1/32, ::1/128 ')).toEqual(['127.0.0.1/32', '::1/128']);
    expect(parseCidrList('')).toEqual([]);
    expect(() => parseCidrList('127.0.0.1')).toThrow();
  });
});
