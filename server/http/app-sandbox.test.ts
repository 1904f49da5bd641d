// @vitest-environment node
/**
 * The real sandbox served by the server at /sandbox answers exactly as the sandbox does on its own, whether its
 * routes are joined to the server's router (its Hono app, as in production: app.ts) or it is mounted as any
 * other fetch: same bodies and statuses, the 404 naming the path as the sandbox sees it, the sandbox's own 500
 * envelope, and the server's headers on top.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServerApp } from './app.ts';
import { createTestAuth } from '../auth/testing/test-auth.ts';
import { createSandbox, SANDBOX_CREDENTIALS, SEED_EVENT_IDS } from '../../sandbox/index.ts';
import { seededDatabase, tokenForm } from '../../sandbox/testing/harness.ts';

afterEach(() => vi.restoreAllMocks());

/** `joined`: the sandbox's Hono app, whose routes the server takes in; `mounted`: any other fetch, mounted. */
async function setup(how: 'joined' | 'mounted') {
  const db = seededDatabase();
  const sandbox = createSandbox({ db });
  const served = how === 'joined' ? sandbox : { fetch: (request: Request) => sandbox.fetch(request) };
  const app = createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: 5_000,
      bodyLimitBytes: 64 * 1024,
      staticRoot: null,
    },
    {
      sandbox: { app: served, credentials: SANDBOX_CREDENTIALS },
      log: () => {},
      auth: createTestAuth().auth,
    },
  );
  const token = await app.request('/sandbox/v2/auth/oauth2-token', { method: 'POST', body: tokenForm() });
  const { access_token } = (await token.json()) as { access_token: string };
  const init = (method: string, body?: unknown): RequestInit => ({
    method,
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  /** The same request to the server at /sandbox and to the sandbox itself. */
  const both = async (method: string, path: string, body?: unknown) => {
    const served = await app.request(`/sandbox${path}`, init(method, body));
    const direct = await sandbox.request(path, init(method, body));
    return { served, direct };
  };
  return { db, both };
}

/** A body without the per-answer `debugIdentifier` of error envelopes. */
async function comparable(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return text;
  const body = JSON.parse(text) as Record<string, unknown>;
  delete body.debugIdentifier;
  return body;
}

const travelersList = `/v2/events/${SEED_EVENT_IDS.largeSummit}/travelers-list`;

describe.each(['joined', 'mounted'] as const)('the sandbox at /sandbox (%s)', (how) => {
  it('answers as the sandbox itself does, with the server’s headers added', async () => {
    const { both } = await setup(how);
    const requests: [string, string, unknown?][] = [
      ['POST', travelersList, { offset: 9_900, limit: 100 }],
      [
        'POST',
        travelersList,
        { limit: 100, filters: [{ type: 'TRAVELER_SEARCH_FILTER', searchTerm: 'kim' }] },
      ],
      ['POST', travelersList, { limit: 101 }],
      ['POST', travelersList, '{"offset": '],
      ['GET', travelersList],
      ['POST', `/v2/events/e0000000-0000-4000-8000-0000000000ff/travelers-list`, {}],
      ['GET', '/v2/nope'],
      ['GET', '/'],
    ];
    for (const [method, path, body] of requests) {
      const { served, direct } = await both(method, path, body);
      const label = `${method} ${path} ${JSON.stringify(body)}`;
      expect(served.status, label).toBe(direct.status);
      expect(served.headers.get('content-type'), label).toBe(direct.headers.get('content-type'));
      expect(served.headers.get('allow'), label).toBe(direct.headers.get('allow'));
      expect(await comparable(served), label).toEqual(await comparable(direct));
      expect(served.headers.get('x-request-id'), label).toBeTruthy();
      expect(served.headers.get('x-content-type-options'), label).toBe('nosniff');
    }
  });

  it('names the path without the prefix when nothing is there', async () => {
    const { both } = await setup(how);
    for (const path of ['/v2/nope', '/']) {
      const { served } = await both('GET', path);
      const body = (await served.json()) as { errorMessages: { message: string }[] };
      expect(body.errorMessages[0]!.message).toBe(`The sandbox has no route GET ${path}.`);
    }
  });

  it('answers the sandbox’s own 500 envelope when the sandbox fails', async () => {
    const { db, both } = await setup(how);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    db.close();
    const { served, direct } = await both('POST', travelersList, {});
    expect(served.status).toBe(500);
    const body = await comparable(served);
    expect(body).toEqual(await comparable(direct));
    expect(body).toMatchObject({
      errorMessages: [{ errorCode: 'INTERNAL_ERROR', message: 'The sandbox failed unexpectedly.' }],
    });
  });
});
