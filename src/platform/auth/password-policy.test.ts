import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('password policy (NIST 800-63B)', () => {
  it('accepts a long passphrase with no digit or symbol', async () => {
    expect(await passwordProblem('marmite verte du dimanche', ['alice', 'alice@example.com'])).toBeUndefined();
    expect(await passwordProblem('Tr0ub4dor&3-horse', [])).toBeUndefined();
  });

  it('refuses fewer than 10 characters, counting characters and not bytes', async () => {
    expect(await passwordProblem('short1!', [])).toBe('too-short');
    expect(await passwordProblem('éééééé', [])).toBe('too-short');
    expect(await passwordProblem('x'.repeat(129), [])).toBe('too-long');
  });

  it('refuses common passwords, also in capitals or wrapped in digits and symbols', async () => {
    expect(await passwordProblem('qwertyuiop', [])).toBe('common');
    expect(await passwordProblem('Password123', [])).toBe('common');
    expect(await passwordProblem('2024Sunshine!!', [])).toBe('common');
    expect(await passwordProblem('1q2w3e4r5t', [])).toBe('common');
  });

  it('refuses repeated and sequential characters', async () => {
    expect(await passwordProblem('aaaaaaaaaaaa', [])).toBe('common');
    expect(await passwordProblem('abababababab', [])).toBe('common');
    expect(await passwordProblem('abcdefghijkl', [])).toBe('common');
    expect(await passwordProblem('9876543210', [])).toBe('common');
  });

  it('refuses a password built from the username, the email or the shop name', async () => {
    expect(await passwordProblem('margaux.dupont!', ['margaux.dupont', 'm@example.com'])).toBe('personal');
    expect(await passwordProblem('CodeAcademy123 rocks', ['code academy123', 'codeacademy123'])).toBe('personal');
  });
});
