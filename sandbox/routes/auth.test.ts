// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../index.ts';
import { SEED_EVENT_IDS } from '../seed/seed-ids.ts';
import { createHarness, seededDatabase, tokenForm, type Envelope } from '../testing/harness.ts';

const TOKEN_PATH = '/v2/auth/oauth2-token';

describe('POST /v2/auth/oauth2-token', () => {
  it('issues a random bearer token for the seeded client credentials, never cached', async () => {
    const app = createSandbox({ db: seededDatabase() });
    const first = await app.request(TOKEN_PATH, { method: 'POST', body: tokenForm() });
    const second = await app.request(TOKEN_PATH, { method: 'POST', body: tokenForm() });

    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const a = (await first.json()) as { access_token: string; token_type: string; expires_in: number };
    const b = (await second.json()) as { access_token: string };
    expect(a).toEqual({
      access_token: expect.stringMatching(/^[\w-]{40,}$/),
      token_type: 'Bearer',
      expires_in: 3600,
    });
    expect(b.access_token).not.toBe(a.access_token);
  });

  it('keeps only a hash of each token in the database', async () => {
    const { db, token } = await createHarness();
    const stored = db.prepare('SELECT token_sha256 FROM tokens').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(token);
  });

  it.each([
    ['a wrong secret', { client_secret: 'not-the-secret' }],
    ['an unknown client id', { client_id: 'someone-else' }],
  ])('answers %s with 401 in the envelope, without saying which part was wrong', async (_, overrides) => {
    const app = createSandbox({ db: seededDatabase() });
    const response = await app.request(TOKEN_PATH, { method: 'POST', body: tokenForm(overrides) });
    expect(response.status).toBe(401);
    const body = (await response.json()) as Envelope;
    expect(body.debugIdentifier).toEqual(expect.any(String));
    expect(body.errorMessages).toEqual([
      {
        errorCode: 'INVALID_CLIENT_CREDENTIALS',
        message: 'The client id or the client secret is wrong.',
        errorParameters: [],
      },
    ]);
  });

  it('names each missing form field', async () => {
    const app = createSandbox({ db: seededDatabase() });
    const response = await app.request(TOKEN_PATH, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Envelope;
    expect(body.errorMessages.map((m) => m.errorParameters[0]?.name)).toEqual(['client_id', 'client_secret']);
  });

  it('refuses other grant types and JSON bodies with 400', async () => {
    const app = createSandbox({ db: seededDatabase() });
    const password = await app.request(TOKEN_PATH, {
      method: 'POST',
      body: tokenForm({ grant_type: 'password' }),
    });
    expect(password.status).toBe(400);
    expect(((await password.json()) as Envelope).errorMessages[0]).toMatchObject({
      errorCode: 'UNSUPPORTED_GRANT_TYPE',
      errorParameters: [{ name: 'grant_type', value: 'password' }],
    });

    const json = await app.request(TOKEN_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(tokenForm())),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as Envelope).errorMessages[0]?.errorCode).toBe('UNSUPPORTED_CONTENT_TYPE');
  });
});

describe('bearer tokens', () => {
  const eventPath = `/v2/events/${SEED_EVENT_IDS.kickoff}`;

  it.each([
    ['no Authorization header', undefined, 'MISSING_BEARER_TOKEN'],
    ['a Basic credential', 'Basic dXNlcjpwYXNz', 'MISSING_BEARER_TOKEN'],
    ['an unknown token', 'Bearer not-a-token', 'INVALID_TOKEN'],
  ])('answers %s with 401 in the envelope', async (_, authorization, errorCode) => {
    const app = createSandbox({ db: seededDatabase() });
    const response = await app.request(eventPath, { headers: authorization ? { authorization } : {} });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await response.json()) as Envelope;
    expect(body.errorMessages).toHaveLength(1);
    expect(body.errorMessages[0]?.errorCode).toBe(errorCode);
  });

  it('guards every route, whatever the body', async () => {
    const app = createSandbox({ db: seededDatabase() });
    for (const path of [
      '/v2/events/list',
      `/v2/events/${SEED_EVENT_IDS.kickoff}/travelers-list`,
      `/v2/events/${SEED_EVENT_IDS.kickoff}/invite/send`,
      `/v2/events/${SEED_EVENT_IDS.kickoff}/invite/test`,
      `/v2/events/${SEED_EVENT_IDS.kickoff}/travelers/remove`,
      '/v3/users/list',
    ]) {
      const response = await app.request(path, { method: 'POST', body: '{"not":"checked"}' });
      expect(response.status, path).toBe(401);
    }
  });

  it('expires a token after expires_in seconds, by the injected clock', async () => {
    let now = new Date('2026-11-26T10:00:00Z');
    const harness = await createHarness({ now: () => now, tokenTtlSeconds: 60 });

    now = new Date('2026-11-26T10:00:59Z');
    expect((await harness.call('GET', eventPath)).status).toBe(200);

    now = new Date('2026-11-26T10:01:00Z');
    const expired = await harness.call('GET', eventPath);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as Envelope).errorMessages[0]?.errorCode).toBe('TOKEN_EXPIRED');
  });

  it('forgets expired tokens when it issues new ones', async () => {
    let now = new Date('2026-11-26T10:00:00Z');
    const harness = await createHarness({ now: () => now, tokenTtlSeconds: 60 });
    now = new Date('2026-11-26T11:00:00Z');
    await harness.app.request(TOKEN_PATH, { method: 'POST', body: tokenForm() });
    expect(harness.db.prepare('SELECT count(*) FROM tokens').pluck().get()).toBe(1);
  });
});
