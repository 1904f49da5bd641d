/**
 * OpenID Connect sign-ins in progress: state, nonce, PKCE verifier and where to go back, sealed into the
 * short-lived sign-in cookie between the redirect to the identity provider and its callback. Sealed means
 * encrypted and authenticated (JWE, `dir` + A256GCM, with an expiry): the browser can neither read nor alter it,
 * and starting a sign-in writes nothing on the server, so strangers cannot fill the database.
 *
 * A sealed attempt can be opened more than once until it expires; what makes a callback single-use is the
 * authorization code, which the identity provider redeems only once.
 */
import { EncryptJWT, jwtDecrypt } from 'jose';

export interface SignInAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The console path to go back to once signed in. */
  returnTo: string;
}

export interface SignInAttempts {
  /** The attempt as a cookie value. */
  seal(attempt: SignInAttempt): Promise<string>;
  /** The attempt a cookie value holds; undefined when it is expired, altered, sealed with another key, or junk. */
  open(sealed: string): Promise<SignInAttempt | undefined>;
}

/** Long enough to type a password and pass a second factor; short enough that an abandoned attempt goes soon. */
export const SIGN_IN_ATTEMPT_LIFETIME_MS = 10 * 60_000;

/** The name of its key in the console database (console_keys). */
export const SIGN_IN_ATTEMPTS_KEY_NAME = 'sign-in-attempts';

const KEY_BYTES = 32;
const FIELDS = ['state', 'nonce', 'codeVerifier', 'returnTo'] as const;

/** `key`: 32 bytes, base64url, as `consoleKey` gives it. `now` is for tests. */
export function createSealedSignInAttempts(
  key: string,
  { now = Date.now }: { now?: () => number } = {},
): SignInAttempts {
  const secret = Buffer.from(key, 'base64url');
  if (secret.length !== KEY_BYTES) throw new Error(`the sign-in attempt key must be ${KEY_BYTES} bytes`);

  return {
    async seal({ state, nonce, codeVerifier, returnTo }) {
      return new EncryptJWT({ state, nonce, codeVerifier, returnTo })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setExpirationTime(Math.floor((now() + SIGN_IN_ATTEMPT_LIFETIME_MS) / 1000))
        .encrypt(secret);
    },

    async open(sealed) {
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtDecrypt(sealed, secret, {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
          requiredClaims: ['exp'],
          currentDate: new Date(now()),
        }));
      } catch {
        // Whatever is wrong with it, the person is told the same: this sign-in has expired.
        return undefined;
      }
      if (!FIELDS.every((field) => typeof payload[field] === 'string')) return undefined;
      const { state, nonce, codeVerifier, returnTo } = payload as Record<(typeof FIELDS)[number], string>;
      return { state, nonce, codeVerifier, returnTo };
    },
  };
}
