// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newConsoleKey } from '../console-db/console-keys.ts';
import {
  createSealedSignInAttempts,
  SIGN_IN_ATTEMPT_LIFETIME_MS,
  type SignInAttempt,
} from './sign-in-attempts.ts';

const attempt: SignInAttempt = {
  state: 'state-Qm9vaw',
  nonce: 'nonce-WmVu',
  codeVerifier: 'verifier-S2V5',
  returnTo: '/events/ev-42?tab=travelers',
};

describe('sealed sign-in attempts', () => {
  it('opens what it sealed, and shows none of it to whoever holds the cookie', async () => {
    const attempts = createSealedSignInAttempts(newConsoleKey());
    const sealed = await attempts.seal(attempt);
    expect(await attempts.open(sealed)).toEqual(attempt);

    const readable = [sealed, ...sealed.split('.').map((part) => Buffer.from(part, 'base64url').toString())];
    for (const secret of Object.values(attempt)) {
      for (const text of readable) expect(text).not.toContain(secret);
    }
  });

  it('refuses an attempt past its lifetime', async () => {
    let at = Date.UTC(2030, 0, 1);
    const attempts = createSealedSignInAttempts(newConsoleKey(), { now: () => at });
    const sealed = await attempts.seal(attempt);
    at += SIGN_IN_ATTEMPT_LIFETIME_MS - 1000;
    expect(await attempts.open(sealed)).toEqual(attempt);
    at += 1000;
    expect(await attempts.open(sealed)).toBeUndefined();
  });

  it('refuses an attempt altered anywhere, even by one character', async () => {
    const attempts = createSealedSignInAttempts(newConsoleKey());
    const sealed = await attempts.seal(attempt);
    const parts = sealed.split('.');
    for (const [index, part] of parts.entries()) {
      if (part === '') continue; // `dir` has no encrypted key
      const flipped = `${part.slice(0, -2)}${part.at(-2) === 'A' ? 'B' : 'A'}${part.at(-1)}`;
      const altered = parts.map((p, i) => (i === index ? flipped : p)).join('.');
      expect(await attempts.open(altered), `part ${index}`).toBeUndefined();
    }
  });

  it('refuses an attempt sealed with another key: another console database', async () => {
    const sealed = await createSealedSignInAttempts(newConsoleKey()).seal(attempt);
    expect(await createSealedSignInAttempts(newConsoleKey()).open(sealed)).toBeUndefined();
  });

  it.each([
    ['an empty value', ''],
    ['an opaque id of the old kind', 'B'.repeat(43)],
    ['junk with dots', 'a.b.c.d.e'],
    // {"alg":"none"} over {"state":"s"}: a token that is not sealed at all.
    ['an unsecured JWT', 'eyJhbGciOiJub25lIn0.eyJzdGF0ZSI6InMifQ.'],
  ])('answers %s with nothing', async (_, value) => {
    expect(await createSealedSignInAttempts(newConsoleKey()).open(value)).toBeUndefined();
  });

  it('takes only a 32-byte key', () => {
    expect(() => createSealedSignInAttempts(Buffer.alloc(16).toString('base64url'))).toThrow(/32 bytes/);
  });
});
