// @vitest-environment node
/**
 * The whole Authorization Code flow, over real HTTP on loopback: the console's sign-in routes, the embedded
 * provider, its sign-in page, back to the console. Each test runs in its own browser (cookie jar); every body
 * the browsers read is checked for the client secret and the passwords afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_CLIENT } from './embedded-provider/index.ts';
import { SEEDED_PEOPLE } from './embedded-provider/people.ts';
import { Browser, formAction, startAuthTestServer, type AuthTestServer } from './testing/auth-test-server.ts';

const [PRIYA, MARCUS, SOFIA, JONAS] = SEEDED_PEOPLE.map((person) => person);
if (PRIYA === undefined || MARCUS === undefined || SOFIA === undefined || JONAS === undefined) {
  throw new Error('the four seeded people are expected');
}

const SECRETS = [EMBEDDED_CLIENT.clientSecret, ...SEEDED_PEOPLE.map((person) => person.password)];

let server: AuthTestServer;
let browsers: Browser[] = [];
const newBrowser = () => {
  const browser = new Browser();
  browsers.push(browser);
  return browser;
};

beforeAll(async () => {
  server = await startAuthTestServer();
});
afterAll(() => server.close());

afterEach(() => {
  for (const body of browsers.flatMap((browser) => browser.bodies)) {
    for (const secret of SECRETS) expect(body).not.toContain(secret);
  }
  for (const entry of server.providerLog) {
    for (const secret of SECRETS) expect(JSON.stringify(entry)).not.toContain(secret);
  }
  browsers = [];
});

describe('signing in through the embedded provider', () => {
  it.each([
    [PRIYA.email, 'admin', PRIYA],
    [MARCUS.email, 'sender', MARCUS],
    [SOFIA.email, 'sender', SOFIA],
    [JONAS.email, 'viewer', JONAS],
  ] as const)('%s signs in with their password and gets a session as %s', async (_, role, person) => {
    const browser = newBrowser();
    const { form, final } = await browser.signIn(
      server.url,
      person.email,
      person.password,
      '/events/ev-42?tab=travelers',
    );

    expect(form.status).toBe(200);
    expect(final.url).toBe(`${server.url}/events/ev-42?tab=travelers`);
    expect(final.body).toBe("the console's page /events/ev-42");

    const session = await browser.request(`${server.url}/auth/session`);
    expect(session.status).toBe(200);
    expect(JSON.parse(session.body)).toEqual({ name: person.name, email: person.email, role });
    const id = browser.jar.get(server.cookieName)?.value ?? '';
    expect(await server.sessions.read(id)).toMatchObject({ subject: person.subject, role });
  });

  it('keeps nothing but the session id in the cookie, HttpOnly and SameSite=Lax, for the whole site', async () => {
    const browser = newBrowser();
    await browser.signIn(server.url, MARCUS.email, MARCUS.password);
    const cookie = browser.jar.get(server.cookieName);
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);
    expect(cookie?.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    // Plain http on loopback: not Secure (the browser would refuse it), and the port in the name.
    expect(cookie?.attributes).not.toContain('secure');
    // A browser-session cookie: the server, not the cookie, decides when the session ends.
    expect(cookie?.attributes.filter((a) => a.startsWith('expires=') || a.startsWith('max-age='))).toEqual(
      [],
    );
    expect(server.cookieName).toBe(`console_session_${new URL(server.url).port}`);
  });

  it('gives a new session id at every sign-in and forgets the old one', async () => {
    const browser = newBrowser();
    await browser.signIn(server.url, PRIYA.email, PRIYA.password);
    const first = browser.jar.get(server.cookieName)?.value ?? '';

    // Still signed in at the provider: straight back without the form, with a fresh console session.
    const again = await browser.navigate(`${server.url}/auth/sign-in`);
    expect(again.at(-1)?.url).toBe(`${server.url}/`);
    const second = browser.jar.get(server.cookieName)?.value ?? '';

    expect(second).not.toBe(first);
    expect(await server.sessions.read(first)).toBeUndefined();
    expect(await server.sessions.read(second)).toMatchObject({ subject: PRIYA.subject });
  });
});

describe('a wrong password', () => {
  it.each([
    ['a known email', PRIYA.email, 'not-her-password'],
    ['an unknown email', 'nobody@acme.example', PRIYA.password],
  ])(
    'with %s shows one message that says neither which, and makes no session',
    async (_, email, password) => {
      const sessionsBefore = server.sessions.sessions.size;
      const browser = newBrowser();
      const { final } = await browser.signIn(server.url, email, password);

      expect(final.status).toBe(400);
      expect(final.body).toContain('Email or password is wrong');
      expect(final.body).toContain('<title>Error: Sign in · Invites Console</title>');
      expect(final.body).toContain('role="alert"');
      expect(final.body).toContain(`value="${email}"`);
      expect(final.body).not.toContain(password);
      expect(server.sessions.sessions.size).toBe(sessionsBefore);
      expect((await browser.request(`${server.url}/auth/session`)).status).toBe(401);
    },
  );

  it('can be corrected on the same page', async () => {
    const browser = newBrowser();
    const { final: wrong } = await browser.signIn(server.url, JONAS.email, 'guess');
    const [, ...after] = await browser.submit(new URL(formAction(wrong.body), wrong.url).href, {
      email: JONAS.email,
      password: JONAS.password,
    });
    expect(after.at(-1)?.url).toBe(`${server.url}/`);
    expect(JSON.parse((await browser.request(`${server.url}/auth/session`)).body)).toMatchObject({
      role: 'viewer',
    });
  });
});

describe('the sign-in page', () => {
  it('is accessible server-rendered HTML with no script, under a CSP that allows none inline', async () => {
    const browser = newBrowser();
    const steps = await browser.navigate(`${server.url}/auth/sign-in`);
    const page = steps.at(-1);
    expect(page?.status).toBe(200);
    const html = page?.body ?? '';

    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Sign in · Invites Console</title>');
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toMatch(/<input id="email"[^>]*autocomplete="username"/);
    expect(html).toMatch(/<input id="password"[^>]*type="password"[^>]*autocomplete="current-password"/);
    expect(html).toContain(':focus-visible{outline:3px solid');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);

    const csp = page?.response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page?.response.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a password posted from another site', async () => {
    const browser = newBrowser();
    const form = (await browser.navigate(`${server.url}/auth/sign-in`)).at(-1);
    const action = new URL(formAction(form?.body ?? ''), form?.url).href;
    const sessionsBefore = server.sessions.sessions.size;

    const [crossSite] = await browser.submit(
      action,
      { email: PRIYA.email, password: PRIYA.password },
      { origin: 'https://evil.example' },
    );
    expect(crossSite?.status).toBe(403);
    expect(server.sessions.sessions.size).toBe(sessionsBefore);
  });

  it('refuses a post without the interaction cookie (another browser)', async () => {
    const browser = newBrowser();
    const form = (await browser.navigate(`${server.url}/auth/sign-in`)).at(-1);
    const action = new URL(formAction(form?.body ?? ''), form?.url).href;

    const [posted] = await newBrowser().submit(action, { email: PRIYA.email, password: PRIYA.password });
    expect(posted?.status).toBe(400);
    expect(posted?.body).toContain('This sign-in has expired');
  });
});

describe('where a sign-in lands', () => {
  it.each([
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/auth/sign-out',
    '/.//evil.example/x',
    '/a/..//evil.example',
    '/%2e//evil.example',
  ])('returnTo %s lands on /', async (returnTo) => {
    const browser = newBrowser();
    const { final } = await browser.signIn(server.url, MARCUS.email, MARCUS.password, returnTo);
    expect(final.url).toBe(`${server.url}/`);
  });

  it.each(['/.//evil.example/x', '/a/..//evil.example', '/%2e//evil.example', '/%5cevil', 'https:evil'])(
    'returnTo %s stays on this site when the provider already knows the person (no form in between)',
    async (returnTo) => {
      const browser = newBrowser();
      await browser.signIn(server.url, MARCUS.email, MARCUS.password);
      const steps = await browser.navigate(
        `${server.url}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
      );
      // Straight through the provider, back to the console: every redirect stays on this machine, and it ends here.
      const hosts = steps.flatMap((step) => (step.location ? [new URL(step.location).hostname] : []));
      expect(hosts.length).toBeGreaterThan(0);
      for (const host of hosts) expect(['127.0.0.1', 'localhost']).toContain(host);
      const final = steps.at(-1)!;
      expect(final.url.startsWith(`${server.url}/`)).toBe(true);
      expect(final.url).not.toContain('/auth/');
    },
  );
});

describe('a replayed callback', () => {
  it('is refused, even with the attempt cookie, or with a new sign-in under way, and makes no session', async () => {
    const browser = newBrowser();
    const form = (await browser.navigate(`${server.url}/auth/sign-in`)).at(-1);
    // The browser as it was before the callback, attempt cookie included.
    const beforeCallback = browser.jar.clone();
    const after = await browser.submit(new URL(formAction(form?.body ?? ''), form?.url).href, {
      email: SOFIA.email,
      password: SOFIA.password,
    });
    const callback = after.find((step) => step.url.startsWith(`${server.url}/auth/callback?`));
    expect(callback?.status).toBe(303);
    const sessionsAfterSignIn = server.sessions.sessions.size;

    // Same code, same state, same attempt cookie: the provider redeems a code only once.
    const replayer = newBrowser();
    replayer.jar = beforeCallback;
    const replay = await replayer.request(callback?.url ?? '');
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('Sign-in did not complete');

    // The browser that signed in no longer has the attempt cookie: the callback's Back button finds nothing.
    const back = await browser.request(callback?.url ?? '');
    expect(back.status).toBe(400);
    expect(back.body).toContain('This sign-in has expired');

    // A new sign-in under way: its state is not the replayed one.
    const fresh = newBrowser();
    await fresh.request(`${server.url}/auth/sign-in`);
    const mismatched = await fresh.request(callback?.url ?? '');
    expect(mismatched.status).toBe(400);
    expect(mismatched.body).toContain('Sign-in did not complete');

    expect(server.sessions.sessions.size).toBe(sessionsAfterSignIn);
  });
});

describe('signing out', () => {
  it('destroys the session on the server, clears the cookie, and offers to end the provider session', async () => {
    const browser = newBrowser();
    await browser.signIn(server.url, PRIYA.email, PRIYA.password);
    const cookie = browser.jar.get(server.cookieName);
    expect(cookie).toBeDefined();

    const out = await browser.request(`${server.url}/auth/sign-out`, { method: 'POST' });
    expect(out.status).toBe(303);
    const end = new URL(out.location ?? '');
    expect(`${end.origin}${end.pathname}`).toBe(`${server.url}/oidc/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/`);
    expect(browser.jar.get(server.cookieName)).toBeUndefined();
    expect(await server.sessions.read(cookie?.value ?? '')).toBeUndefined();

    // The old cookie, kept by someone, no longer reads a session.
    const thief = newBrowser();
    if (cookie !== undefined) thief.jar.set(cookie);
    expect((await thief.request(`${server.url}/auth/session`)).status).toBe(401);

    // The provider asks, without script; "yes" ends its session and comes back to the console.
    const question = (await browser.navigate(out.location ?? '')).at(-1);
    expect(question?.status).toBe(200);
    expect(question?.body).not.toMatch(/<script/i);
    expect(question?.response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(question?.body ?? '')?.[1] ?? '';
    const action = new URL(formAction(question?.body ?? ''), question?.url).href;
    const done = await browser.submit(action, { xsrf, logout: 'yes' });
    expect(done.at(-1)?.url).toBe(`${server.url}/`);

    // Signed out at the provider too: the next sign-in asks for the password again.
    const next = (await browser.navigate(`${server.url}/auth/sign-in`)).at(-1);
    expect(next?.body).toContain('<title>Sign in · Invites Console</title>');
  });

  it('answers a script with the address to go to next', async () => {
    const browser = newBrowser();
    await browser.signIn(server.url, JONAS.email, JONAS.password);
    const out = await browser.request(`${server.url}/auth/sign-out`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(out.status).toBe(200);
    expect(JSON.parse(out.body).redirectTo).toMatch(new RegExp(`^${server.url}/oidc/session/end\\?`));
  });

  it('refuses a sign-out from another site and keeps the session', async () => {
    const browser = newBrowser();
    await browser.signIn(server.url, MARCUS.email, MARCUS.password);
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const out = await browser.request(`${server.url}/auth/sign-out`, { method: 'POST', headers });
      expect(out.status).toBe(403);
    }
    expect((await browser.request(`${server.url}/auth/session`)).status).toBe(200);
  });

  it('accepts a same-origin form from a no-referrer page (Origin: null, Sec-Fetch-Site: same-origin)', async () => {
    const browser = newBrowser();
    await browser.signIn(server.url, MARCUS.email, MARCUS.password);
    const out = await browser.request(`${server.url}/auth/sign-out`, {
      method: 'POST',
      headers: { origin: 'null', 'sec-fetch-site': 'same-origin' },
    });
    expect(out.status).toBe(303);
    expect((await browser.request(`${server.url}/auth/session`)).status).toBe(401);
  });
});

describe('the session endpoint', () => {
  it('answers 401 in the API error envelope without a session', async () => {
    const response = await newBrowser().request(`${server.url}/auth/session`);
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).errorMessages[0].errorCode).toBe('SIGN_IN_REQUIRED');
  });
});
