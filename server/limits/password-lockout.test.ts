// @vitest-environment node
/**
 * Wrong passwords at the embedded provider's sign-in page, over real HTTP on loopback, as a browser posts them:
 * past the limit the page answers 429, says how long to wait, and does not check the password, for a known email
 * and an unknown one alike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SEEDED_PEOPLE } from '../auth/embedded-provider/people.ts';
import {
  Browser,
  formAction,
  startAuthTestServer,
  type AuthTestServer,
  type AuthTestServerOptions,
  type Visit,
} from '../auth/testing/auth-test-server.ts';
import { memoryLimiters } from './limiter-factory.ts';
import { createPasswordAttempts } from './password-attempts.ts';

const [PRIYA, MARCUS, SOFIA, JONAS] = SEEDED_PEOPLE;
if (PRIYA === undefined || MARCUS === undefined || SOFIA === undefined || JONAS === undefined) {
  throw new Error('the four seeded people are expected');
}
const LOCKED = 'Too many attempts. Try again in 15 minutes.';
const WRONG = 'Email or password is wrong';

let servers: AuthTestServer[] = [];
let browsers: Browser[] = [];
afterEach(async () => {
  for (const body of browsers.flatMap((browser) => browser.bodies)) {
    for (const person of SEEDED_PEOPLE) expect(body).not.toContain(person.password);
  }
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  browsers = [];
});

async function start(options: AuthTestServerOptions = {}) {
  const server = await startAuthTestServer(options);
  servers.push(server);
  return server;
}

/**
 * Opens the sign-in form in a fresh browser and posts `email` with each password in turn on the page each answer
 * shows; returns the first answer to every post (the page, or the redirect of a success) and the browser.
 */
async function postPasswords(server: AuthTestServer, email: string, passwords: string[]) {
  const browser = new Browser();
  browsers.push(browser);
  let form = (await browser.navigate(`${server.url}/auth/sign-in`)).at(-1) as Visit;
  const answers: Visit[] = [];
  for (const password of passwords) {
    const [answer] = await browser.submit(new URL(formAction(form.body), form.url).href, { email, password });
    if (answer === undefined) throw new Error('no answer');
    answers.push(answer);
    if (answer.status < 300 || answer.status >= 400) form = answer;
  }
  return { answers, browser };
}

const statuses = (answers: Visit[]) => answers.map((answer) => answer.status);
const signedIn = async (server: AuthTestServer, browser: Browser) =>
  (await browser.request(`${server.url}/auth/session`)).status === 200;

describe('wrong passwords on the embedded sign-in page', () => {
  it('lock an email out from this address at the fifth: 429 saying how long, and the right password is not checked', async () => {
    const server = await start();
    const { answers, browser } = await postPasswords(server, JONAS.email, [
      ...Array.from({ length: 5 }, (_, i) => `guess-${i}`),
      JONAS.password,
    ]);

    expect(statuses(answers)).toEqual([400, 400, 400, 400, 429, 429]);
    for (const answer of answers.slice(0, 4)) expect(answer.body).toContain(WRONG);
    for (const answer of answers.slice(4)) {
      expect(answer.body).toContain(LOCKED);
      expect(answer.body).toContain('role="alert"');
      expect(answer.body).toContain(`value="${JONAS.email}"`);
      expect(Number(answer.response.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
      expect(Number(answer.response.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    }
    expect(await signedIn(server, browser)).toBe(false);
    // The same email in other case and spacing is the same account.
    const { answers: again } = await postPasswords(server, ` ${JONAS.email.toUpperCase()} `, [
      JONAS.password,
    ]);
    expect(statuses(again)).toEqual([429]);

    // Another person at the same address is not locked out.
    const { answers: other, browser: priya } = await postPasswords(server, PRIYA.email, [PRIYA.password]);
    expect(statuses(other)).toEqual([303]);
    expect(await signedIn(server, priya)).toBe(true);
  });

  it('count an unknown email the same as a known one: the same answers at the same tries', async () => {
    const server = await start();
    const guesses = Array.from({ length: 6 }, (_, i) => `guess-${i}`);
    const known = await postPasswords(server, MARCUS.email, guesses);
    const unknown = await postPasswords(server, 'nobody.here@acme.example', guesses);

    expect(statuses(unknown.answers)).toEqual([400, 400, 400, 400, 429, 429]);
    expect(statuses(unknown.answers)).toEqual(statuses(known.answers));
    expect(unknown.answers[5]?.body).toContain(LOCKED);
  });

  it('start counting again after the right password', async () => {
    const server = await start();
    const first = await postPasswords(server, SOFIA.email, ['a', 'b', 'c', 'd', SOFIA.password]);
    expect(statuses(first.answers)).toEqual([400, 400, 400, 400, 303]);
    expect(await signedIn(server, first.browser)).toBe(true);

    const second = await postPasswords(server, SOFIA.email, ['e', 'f', 'g', 'h']);
    expect(statuses(second.answers)).toEqual([400, 400, 400, 400]);
  });

  it('lock the whole address out for a day at its daily limit of failures, whatever the emails', async () => {
    const passwordAttempts = createPasswordAttempts(memoryLimiters(), {
      consecutiveFailures: 5,
      lockoutSeconds: 15 * 60,
      dailyFailuresPerAddress: 3,
    });
    const server = await start({ passwordAttempts });
    const tries = await Promise.all(
      [PRIYA.email, MARCUS.email].map((email) => postPasswords(server, email, ['wrong'])),
    );
    expect(tries.map((t) => statuses(t.answers))).toEqual([[400], [400]]);

    const { answers } = await postPasswords(server, 'someone.else@acme.example', ['wrong', 'also wrong']);
    expect(statuses(answers)).toEqual([429, 429]);
    expect(answers[0]?.body).toContain('Too many attempts. Try again in 24 hours.');
    const { answers: right } = await postPasswords(server, JONAS.email, [JONAS.password]);
    expect(statuses(right)).toEqual([429]);
    expect(right[0]?.response.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
