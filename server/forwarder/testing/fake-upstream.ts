/**
 * A small stand-in for the Spotnana API, for forwarder and server tests: a client-credentials token endpoint that
 * counts its calls, bearer checks, and a few operations whose answers the tests choose. Served under `/spotnana`
 * by default, to prove the forwarder keeps a base path; `basePath: ''` makes it stand in for the embedded sandbox.
 */
import { Hono } from 'hono';
import type { FetchLike } from '../upstream-fetch.ts';

export const FAKE_BASE_URL = 'http://upstream.test/spotnana';
export const FAKE_CREDENTIALS = { clientId: 'console-client', clientSecret: 'console-secret-9f8e7d' };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

const envelope = (errorCode: string, message: string) => ({
  debugIdentifier: `upstream-${errorCode}`,
  errorMessages: [{ errorCode, message }],
});

export function createFakeUpstream(options: { expiresIn?: number; basePath?: string } = {}) {
  const state = {
    tokenCalls: 0,
    issued: new Set<string>(),
    /** When set, the token endpoint answers with this status instead of a token. */
    tokenStatus: undefined as number | undefined,
    /** Every bearer is refused, as if they had all expired. */
    refuseAllTokens: false,
    requests: [] as RecordedRequest[],
    /** Resolves the token endpoint's answers one by one, for single-flight tests. */
    tokenGate: undefined as Promise<void> | undefined,
  };

  const app = new Hono().basePath(options.basePath ?? '/spotnana');

  app.post('/v2/auth/oauth2-token', async (c) => {
    state.tokenCalls += 1;
    if (state.tokenGate) await state.tokenGate;
    if (state.tokenStatus) return c.json(envelope('TOKEN', 'no'), state.tokenStatus as 401);
    const form = new URLSearchParams(await c.req.text());
    if (
      form.get('grant_type') !== 'client_credentials' ||
      form.get('client_id') !== FAKE_CREDENTIALS.clientId ||
      form.get('client_secret') !== FAKE_CREDENTIALS.clientSecret
    ) {
      return c.json(envelope('INVALID_CLIENT', 'Bad client credentials'), 401);
    }
    const token = `fake-token-${state.tokenCalls}-${crypto.randomUUID()}`;
    state.issued.add(token);
    return c.json({ access_token: token, token_type: 'Bearer', expires_in: options.expiresIn ?? 3600 });
  });

  app.use('/v*', async (c, next) => {
    state.requests.push({
      method: c.req.method,
      path: c.req.path,
      headers: Object.fromEntries(c.req.raw.headers.entries()),
      body: await c.req.raw.clone().text(),
    });
    const token = c.req.header('authorization')?.replace(/^Bearer /, '');
    if (!token || !state.issued.has(token) || state.refuseAllTokens) {
      return c.json(envelope('UNAUTHENTICATED', 'Missing or expired token'), 401, {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
    }
    await next();
  });

  app.post('/v2/events/list', (c) =>
    c.json({ events: [{ id: 'ev-1', name: 'Offsite' }], paginationParams: { totalNumResults: 1 } }, 200, {
      'set-cookie': 'upstream-session=abc',
      'x-upstream-internal': 'secret-topology',
    }),
  );
  app.get('/v2/events/:eventId', (c) => {
    const id = c.req.param('eventId');
    if (id === 'forbidden') return c.json(envelope('FORBIDDEN', 'Not your company'), 403);
    if (id === 'missing') return c.json(envelope('NOT_FOUND', 'No such event'), 404);
    if (id === 'busy') return c.json(envelope('RATE_LIMITED', 'Slow down'), 429, { 'retry-after': '7' });
    if (id === 'echo') {
      // A misbehaving upstream that reflects the bearer it received.
      return c.json({ event: { id, description: `you sent ${c.req.header('authorization')}` } });
    }
    return c.json({ event: { id, name: `Event ${id}` } });
  });
  app.post('/v2/events/:eventId/invite/send', async (c) => {
    const text = await c.req.text();
    try {
      JSON.parse(text);
    } catch {
      return c.json(envelope('INVALID_JSON', 'Malformed JSON'), 400);
    }
    if (text.includes('bad-user')) {
      return c.json(
        {
          debugIdentifier: 'upstream-dbg-1',
          errorMessages: [
            {
              errorCode: 'INVALID_USER',
              message: 'Not a traveler',
              errorParameters: [{ name: 'userIds[0].id', value: 'bad-user' }],
            },
          ],
        },
        400,
      );
    }
    return c.body(null, 200);
  });
  app.post('/v2/events/:eventId/invite/test', (c) => c.body(null, 204));
  app.post('/v3/users/list', (c) => c.json({ users: [], pagination: { totalNumResults: 0 } }));
  // A whole profile, as Spotnana gives it: far more personal data than the console reads.
  app.get('/v2/users/:userId', (c) => {
    const id = c.req.param('userId');
    if (id === 'missing') return c.json(envelope('USER_NOT_FOUND', 'No such user'), 404);
    return c.json({
      id,
      personalInfo: { name: { given: 'Ana', family1: 'Lima' }, dob: { iso8601: '1990-01-01' } },
      businessInfo: { email: 'ana@acme.example', organizationRef: { id: 'company-1' }, grade: 'L7' },
      phoneNumbers: [{ rawInput: '+1 555 0100' }],
      travelDocuments: [{ passportNumber: 'X1234567' }],
    });
  });
  app.all('*', (c) => c.json(envelope('UPSTREAM_NOT_FOUND', `no ${c.req.path}`), 404));

  const fetch: FetchLike = async (url, init) => app.request(url, init);
  return { app, state, fetch };
}
