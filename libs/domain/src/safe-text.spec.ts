import { zodIssues } from './actions';
import { openCaseSchema } from './case-input';
import { validateDefinition } from './rule-set';
import { findInputProblem, isSafeText, MAX_INPUT_DEPTH, UNSAFE_TEXT_MESSAGE } from './safe-text';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
};

describe('isSafeText', () => {
  it.each([
    ['plain text', 'a leaking pipe', true],
    ['Chinese and an emoji (a whole surrogate pair)', '水管漏水 💧', true],
    ['tabs and newlines', 'a\tb\nc', true],
    ['a NUL character', 'a\u0000b', false],
    ['a lone high surrogate', 'a\uD83Db', false],
    ['a lone low surrogate', '\uDCA7', false],
    ['a pair in the wrong order', '\uDCA7\uD83D', false],
    ['a high surrogate at the very end', 'abc\uD83D', false],
  ])('%s', (_name, text, safe) => {
    expect(isSafeText(text)).toBe(safe);
  });
});

describe('findInputProblem', () => {
  it('accepts ordinary JSON', () => {
    expect(findInputProblem({ title: 'x', reporter: { name: '王', phone: '+86 138' }, items: [1, null, true, { a: ['b'] }] })).toBeNull();
  });

  it('names the first bad field in document order, through objects and arrays', () => {
    expect(findInputProblem({ title: 'ok', attendees: [{ name: 'ok' }, { name: 'x\u0000' }], z: '\u0000' })).toEqual({
      path: 'attendees.1.name',
      message: UNSAFE_TEXT_MESSAGE,
    });
  });

  it('checks field names too, and shows them escaped', () => {
    expect(findInputProblem({ ok: { 'bad\uD800': 1 } })).toEqual({ path: 'ok.bad\\ud800', message: `field name ${UNSAFE_TEXT_MESSAGE}` });
  });

  it('prefixes a root name (a query parameter)', () => {
    expect(findInputProblem({ q: '\u0000' }, { root: 'filter' })?.path).toBe('filter.q');
    expect(findInputProblem('\u0000', { root: 'from' })?.path).toBe('from');
  });

  it('allows the maximum depth and refuses one level more, without recursion', () => {
    expect(findInputProblem(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(findInputProblem(nested(MAX_INPUT_DEPTH + 1))?.message).toMatch(/nests deeper than/);
    expect(findInputProblem(nested(200_000))?.message).toMatch(/nests deeper than/);
  });
});

describe('the zod refinement on schemas the console shares', () => {
  it('refuses a case whose reporter name holds a NUL, naming the field', () => {
    const result = openCaseSchema.safeParse({
      title: 't',
      description: 'd',
      category: 'c',
      communityId: 'x',
      reporter: { name: 'Li\u0000', phone: '13800000000' },
      channel: 'hotline',
    });
    expect(result.success).toBe(false);
    expect(zodIssues(result.error!)).toEqual([{ path: 'reporter.name', message: UNSAFE_TEXT_MESSAGE }]);
  });

  it('refuses a rule-set definition with a lone surrogate in a task name', () => {
    const check = validateDefinition({ tasks: [{ stage: 'resolution', name: 'call \uD800', assignee: { lead: true } }] });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toEqual([{ path: 'tasks.0.name', message: UNSAFE_TEXT_MESSAGE, reason: 'unsafeText' }]);
  });
});
