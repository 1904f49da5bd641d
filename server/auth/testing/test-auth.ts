/**
 * For `app.request()` tests of the server app: its sign-in dependencies on in-memory stores, and sessions put
 * straight into that store (the guard under test reads them like any other; the sign-in flow itself is tested over
 * HTTP in sign-in-flow.test.ts and by `signInOverHttp`). The issuer is never contacted by these tests.
 */
import type { ServerAuth } from '../../http/app.ts';
import { DEFAULT_ROLE_MAPPING } from '../roles.ts';
import { sessionCookieSettings } from '../session-cookie.ts';
import type { Role } from '#contract/console-auth';
import { createSealedSignInAttempts } from '../sign-in-attempts.ts';
import { newConsoleKey } from '../../console-db/console-keys.ts';
import { FakeSessionStore } from './fake-stores.ts';

/** `app.request('/path')` runs at this origin. */
export const APP_REQUEST_ORIGIN = 'http://localhost';

export interface SignedInHeaders extends Record<string, string> {
  cookie: string;
  origin: string;
  'content-type': string;
}

export interface TestAuth {
  auth: ServerAuth;
  sessions: FakeSessionStore;
  /** A new session for a person of `role`: headers of a same-origin JSON request from the console's page. */
  signedIn(role?: Role): Promise<SignedInHeaders>;
}

export function createTestAuth(publicUrl: string = APP_REQUEST_ORIGIN): TestAuth {
  const sessions = new FakeSessionStore();
  const cookie = sessionCookieSettings(publicUrl);
  const origin = new URL(publicUrl).origin;
  return {
    sessions,
    auth: {
      publicUrl,
      oidc: {
        issuer: 'http://127.0.0.1:9/oidc',
        clientId: 'console',
        clientSecret: 'x',
        rolesClaim: 'groups',
      },
      roles: DEFAULT_ROLE_MAPPING,
      sessions,
      attempts: createSealedSignInAttempts(newConsoleKey()),
      oidcClient: { discoveryRetryDelaysMs: [] },
    },
    async signedIn(role = 'sender') {
      const id = await sessions.create({ subject: `test-${role}`, name: `A ${role}`, email: '', role });
      return { cookie: `${cookie.name}=${id}`, origin, 'content-type': 'application/json' };
    },
  };
}
