/**
 * Test and benchmark support: a signed-in session on a running console, got the way a browser gets one: the real
 * Authorization Code flow with fetch (console sign-in, the provider's form and password, the callback). No
 * shortcut into the session store: what the tests and `npm run bench` use is what managers use.
 */
import { EMBEDDED_CLIENT } from '../embedded-provider/index.ts';
import { SEEDED_PEOPLE, type SeededPerson } from '../embedded-provider/people.ts';
import { sessionCookieSettings } from '../session-cookie.ts';
import type { Role } from '#contract/console-auth';
import { Browser } from './auth-test-server.ts';
import { roleMappingEnv } from '../roles.ts';

export interface SignedInSession {
  person: SeededPerson;
  /** `name=value`, for a Cookie header. */
  cookie: string;
  cookieName: string;
  cookieValue: string;
  /** The console's origin: what its own page sends as `Origin`. */
  origin: string;
  /** Headers of a same-origin JSON request from the console's page: cookie, Origin, Content-Type. */
  headers: Record<string, string>;
}

/** A seeded person of the embedded provider with this role (README: one admin, two senders, one viewer). */
export function seededPerson(role: Role): SeededPerson {
  const group = `console-${role}s`;
  const person = SEEDED_PEOPLE.find((candidate) => candidate.groups.includes(group));
  if (person === undefined) throw new Error(`no seeded person is a ${role}`);
  return person;
}

/**
 * Signs `who` in on the console at `consoleUrl` (its PUBLIC_URL; the provider may be another instance's). Fails
 * loudly when the flow does not end signed in.
 */
export async function signInOverHttp(
  consoleUrl: string,
  who: Role | SeededPerson = 'sender',
): Promise<SignedInSession> {
  const person = typeof who === 'string' ? seededPerson(who) : who;
  const browser = new Browser();
  const { final } = await browser.signIn(consoleUrl, person.email, person.password);
  const cookieName = sessionCookieSettings(consoleUrl).name;
  const cookieValue = browser.jar.get(cookieName)?.value;
  if (cookieValue === undefined) {
    throw new Error(`signing ${person.email} in at ${consoleUrl} ended at ${final.url} (${final.status})`);
  }
  const origin = new URL(consoleUrl).origin;
  const cookie = `${cookieName}=${cookieValue}`;
  return {
    person,
    cookie,
    cookieName,
    cookieValue,
    origin,
    headers: { cookie, origin, 'content-type': 'application/json' },
  };
}

/** The OIDC_* settings of a console that signs in through another instance's embedded provider (README). */
export function embeddedIssuerEnv(issuer: string): Record<string, string> {
  return {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: EMBEDDED_CLIENT.clientId,
    OIDC_CLIENT_SECRET: EMBEDDED_CLIENT.clientSecret,
    ...roleMappingEnv(),
  };
}
