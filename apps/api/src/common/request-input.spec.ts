import { ApiError } from './api-error';
import { refuseBadInput, type InputSource } from './request-input';

/** As the pipe does it: the value through, or the refusal thrown. */
const pipe = { transform: (value: unknown, source: InputSource) => (refuseBadInput(value, source), value) };
const refusal = (run: () => unknown): ApiError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('refuseBadInput', () => {
  it('passes ordinary values through unchanged', () => {
    const id = '3f1c2a52-8c1e-4c55-9a43-6f4f0a6b1e10';
    expect(pipe.transform(id, { type: 'param', data: 'id' })).toBe(id);
    expect(pipe.transform({ filter: '{}' }, { type: 'query' })).toEqual({ filter: '{}' });
    expect(pipe.transform('a:b/c', { type: 'param', data: 'notificationId' })).toBe('a:b/c');
  });

  it('answers an :id that is not a UUID with a 404', () => {
    for (const id of ['nope', '1', '__proto__', 'a\u0000']) {
      expect(refusal(() => pipe.transform(id, { type: 'param', data: 'id' })).status).toBe(404);
    }
  });

  it('refuses unstorable text in a query, a parameter or a body with a 400 naming it', () => {
    expect(refusal(() => pipe.transform({ q: 'a\u0000' }, { type: 'query' })).details).toEqual({
      issues: [{ path: 'q', message: expect.stringMatching(/NUL/) }],
    });
    expect(refusal(() => pipe.transform('\uDC00', { type: 'query', data: 'from' })).details).toEqual({
      issues: [{ path: 'from', message: expect.any(String) }],
    });
    expect(refusal(() => pipe.transform('t\u0000', { type: 'param', data: 'token' })).status).toBe(400);
    expect(refusal(() => pipe.transform('text/plain \u0000', { type: 'body' })).status).toBe(400);
  });

  it('leaves what a handler computes itself (the signed-in actor) alone', () => {
    const actor = { displayName: 'x\u0000' };
    expect(pipe.transform(actor, { type: 'custom' })).toBe(actor);
  });
});
