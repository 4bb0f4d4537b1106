import { maskPhone, openCaseSchema } from './case-input';
import { zodIssues } from './actions';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('ignores separators and the plus sign', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('861******5678');
    expect(maskPhone('0532-8888 6666')).toBe('053*****6666');
  });

  it('masks numbers of four digits or fewer completely', () => {
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('')).toBe('');
  });

  it('never shows every digit of a short number', () => {
    expect(maskPhone('123456')).toBe('****56');
    expect(maskPhone('1234567')).toBe('*****67');
    expect(maskPhone('12345678')).toBe('123*5678');
  });

  it.each(Array.from({ length: 16 }, (_, i) => i + 1))('hides at least one of %i digits and keeps the length', (length) => {
    const digits = '9876543210987654'.slice(0, length);
    const masked = maskPhone(digits);
    expect(masked).toHaveLength(length);
    expect(masked).toContain('*');
    expect(masked).toMatch(/^[0-9*]+$/);
    // every digit it shows is the digit in that position
    [...masked].forEach((char, index) => char !== '*' && expect(char).toBe(digits[index]));
  });
});

describe('openCaseSchema', () => {
  const valid = {
    title: ' Elevator unsafe after the property company left ',
    description: 'Two units, 33 floors, many elderly residents.',
    category: 'hidden_danger',
    communityId: 'org-community',
    reporter: { name: 'Dai Yinglei', phone: '13800000000' },
    channel: 'walk_in',
  };

  it('accepts a whistle, trims text and defaults urgency to normal', () => {
    const parsed = openCaseSchema.parse(valid);
    expect(parsed.title).toBe('Elevator unsafe after the property company left');
    expect(parsed.urgency).toBe('normal');
    expect(parsed.gridId).toBeUndefined();
  });

  it('refuses unknown fields, at the top and inside the reporter', () => {
    const result = openCaseSchema.safeParse({ ...valid, priority: 1, reporter: { ...valid.reporter, age: 70 } });
    expect(result.success).toBe(false);
    expect(
      zodIssues(result.error!)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['', 'reporter']);
  });

  it('refuses a bad phone number, an unknown channel and a blank title with their paths', () => {
    const result = openCaseSchema.safeParse({ ...valid, title: '   ', channel: 'fax', reporter: { name: 'x', phone: 'abc' } });
    expect(
      zodIssues(result.error!)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['channel', 'reporter.phone', 'title']);
  });

  it('refuses an unknown urgency', () => {
    expect(openCaseSchema.safeParse({ ...valid, urgency: 'critical' }).success).toBe(false);
    expect(openCaseSchema.parse({ ...valid, urgency: 'urgent' }).urgency).toBe('urgent');
  });
});
