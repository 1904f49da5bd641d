// @vitest-environment node
/**
 * The sign-in attempt as the browser carries it, over real HTTP with the embedded provider: a cookie the console
 * sealed with its key. One altered, expired or sealed under another key is no sign-in; the longest return path
 * still fits in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newConsoleKey } from '../console-db/console-keys.ts';
import { SEEDED_PEOPLE } from './embedded-provider/people.ts';
import { RETURN_TO_MAX_LENGTH } from './return-to.ts';
import {
  createSealedSignInAttempts,
  SIGN_IN_ATTEMPT_LIFETIME_MS,
  type SignInAttempt,
} from './sign-in-attempts.ts';
import {
  Browser,
  formAction,
  startAuthTestServerWith,
  type AuthTestServer,
} from './testing/auth-test-server.ts';
import { FakeSessionStore } from './testing/fake-stores.ts';

const [PRIYA] = SEEDED_PEOPLE;
if (PRIYA === undefined) throw new Error('a seeded person is expected');

const key = newConsoleKey();
const consoleAttempts = createSealedSignInAttempts(key);
let server: AuthTestServer;
let attemptCookie: string;

beforeAll(async () => {
  server = await startAuthTestServerWith({ sessions: new FakeSessionStore(), attempts: consoleAttempts });
  attemptCookie = `${server.cookieName}_sign_in`;
});
afterAll(() => server.close());

/** Starts a sign-in up to the provider's form; the browser now holds the sealed attempt. */
async function startSignIn(returnTo = '/events/ev-42') {
  const browser = new Browser();
  const steps = await browser.navigate(`${server.url}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  const setCookie = steps[0]?.response.headers.getSetCookie() ?? [];
  const form = steps.at(-1) as (typeof steps)[number];
  const cookie = browser.jar.get(attemptCookie);
  if (cookie === undefined) throw new Error('no sign-in attempt cookie');
  const finish = () =>
    browser.submit(new URL(formAction(form.body), form.url).href, {
      email: PRIYA?.email ?? '',
      password: PRIYA?.password ?? '',
    });
  return { browser, cookie, setCookie, finish };
}

const altered = async (sealed: string) => {
  const [header, encryptedKey, iv, ciphertext = '', tag] = sealed.split('.');
  const middle = Math.floor(ciphertext.length / 2);
  const flipped = ciphertext[middle] === 'A' ? 'B' : 'A';
  return [
    header,
    encryptedKey,
    iv,
    `${ciphertext.slice(0, middle)}${flipped}${ciphertext.slice(middle + 1)}`,
    tag,
  ].join('.');
};
const resealed = (sealer: ReturnType<typeof createSealedSignInAttempts>) => async (sealed: string) => {
  const attempt = (await consoleAttempts.open(sealed)) as SignInAttempt;
  return sealer.seal(attempt);
};

describe('the sign-in attempt cookie', () => {
  it('signs in when it is the one the console sealed, even sealed afresh with its key', async () => {
    const { browser, cookie, finish } = await startSignIn();
    browser.jar.set({ ...cookie, value: await resealed(consoleAttempts)(cookie.value) });
    const after = await finish();
    expect(after.at(-1)?.url).toBe(`${server.url}/events/ev-42`);
    expect((await browser.request(`${server.url}/auth/session`)).status).toBe(200);
  });

  it.each([
    ['altered by one character', altered],
    [
      'past its ten minutes',
      resealed(createSealedSignInAttempts(key, { now: () => Date.now() - SIGN_IN_ATTEMPT_LIFETIME_MS })),
    ],
    ['sealed with another key', resealed(createSealedSignInAttempts(newConsoleKey()))],
  ])('%s, gives the expired page and no session', async (_, change) => {
    const { browser, cookie, finish } = await startSignIn();
    const sessionsBefore = server.sessions.sessions.size;
    browser.jar.set({ ...cookie, value: await change(cookie.value) });

    const callback = (await finish()).find((step) => step.url.startsWith(`${server.url}/auth/callback?`));
    expect(callback?.status).toBe(400);
    expect(callback?.body).toContain('This sign-in has expired');
    expect(server.sessions.sessions.size).toBe(sessionsBefore);
    expect((await browser.request(`${server.url}/auth/session`)).status).toBe(401);
  });

  it('holds the longest return path allowed within what a browser keeps, and brings the person back there', async () => {
    const prefix = '/events/ev-42?tab=travelers&q=';
    const longest = `${prefix}${'x'.repeat(RETURN_TO_MAX_LENGTH - prefix.length)}`;
    const { setCookie, finish } = await startSignIn(longest);

    const line = setCookie.find((header) => header.startsWith(`${attemptCookie}=`)) ?? '';
    expect(line).toMatch(/Max-Age=600/);
    expect(line.length).toBeLessThan(4000);
    expect((await finish()).at(-1)?.url).toBe(`${server.url}${longest}`);
  });
});
