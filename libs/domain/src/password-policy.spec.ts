import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts a long password nobody else uses', () => {
    expect(passwordProblem('street-test-password')).toBeNull();
    expect(passwordProblem('correct horse battery', 'alice')).toBeNull();
  });

  it('refuses one shorter than 10 characters', () => {
    expect(passwordProblem('nine-char')).toBe('too_short');
    expect(passwordProblem('ten--chars')).toBeNull();
  });

  it('refuses one longer than 200 characters', () => {
    expect(passwordProblem('x'.repeat(201))).toBe('too_long');
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('1234567890')).toBe('common');
    expect(passwordProblem('qwertyuiop')).toBe('common');
    expect(passwordProblem('QwertyUIOP')).toBe('common');
  });

  it('refuses the username itself, whatever its case', () => {
    expect(passwordProblem('He.Hongna-2024', 'he.hongna-2024')).toBe('username');
    expect(passwordProblem('he.hongna-2024', 'somebody-else')).toBeNull();
  });
});
