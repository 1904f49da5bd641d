// @vitest-environment node
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { ErrorResponse } from '#contract';
import { createSandbox } from '../index.ts';
import { SEED_EVENT_IDS } from '../seed/seed-ids.ts';
import { createHarness, seededDatabase, tokenForm, type Envelope } from '../testing/harness.ts';
import { logger } from '../../server/operations/logger.ts';

describe('sandbox routing', () => {
  it('answers an unknown path with 404 in the envelope, with or without a token', async () => {
    const harness = await createHarness();
    for (const response of [
      await harness.call('POST', '/v2/events/list/extra', {}),
      await harness.call('GET', '/v1/whatever'),
      await harness.app.request('/v2/trips'),
      // Under a group's prefix, a path the group does not have is still 404 without a token, not 401.
      await harness.app.request(`/v2/events/${SEED_EVENT_IDS.kickoff}/invite/send/now`, { method: 'POST' }),
      await harness.app.request('/v2/users/'),
    ]) {
      expect(response.status).toBe(404);
      const body = (await response.json()) as Envelope;
      expect(body.errorMessages[0]?.errorCode).toBe('NOT_FOUND');
    }
  });

  it.each([
    ['GET', '/v2/events/list', 'POST'],
    ['DELETE', `/v2/events/${SEED_EVENT_IDS.kickoff}`, 'GET'],
    ['PUT', `/v2/events/${SEED_EVENT_IDS.kickoff}/invite/send`, 'POST'],
    ['GET', `/v2/events/${SEED_EVENT_IDS.kickoff}/invite/test`, 'POST'],
    ['GET', `/v2/events/${SEED_EVENT_IDS.kickoff}/travelers-list`, 'POST'],
    ['PATCH', `/v2/events/${SEED_EVENT_IDS.kickoff}/travelers/remove`, 'POST'],
    ['GET', '/v3/users/list', 'POST'],
    ['POST', `/v2/users/${SEED_EVENT_IDS.kickoff}`, 'GET'],
    ['GET', '/v2/auth/oauth2-token', 'POST'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const harness = await createHarness();
    const response = await harness.app.request(path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(((await response.json()) as Envelope).errorMessages[0]?.errorCode).toBe('METHOD_NOT_ALLOWED');
  });

  it('gives every error its own debugIdentifier and always fits the contract’s ErrorResponse', async () => {
    const harness = await createHarness();
    const responses = [
      await harness.app.request(`/v2/events/${SEED_EVENT_IDS.kickoff}`),
      await harness.call('GET', `/v2/events/${SEED_EVENT_IDS.otherCompany}`),
      await harness.call('GET', '/v2/events/e0000000-0000-4000-8000-0000000000ff'),
      await harness.raw('/v2/events/list', 'nope'),
      await harness.raw('/v2/events/list', 'nope'),
    ];
    expect(responses.map((r) => r.status)).toEqual([401, 403, 404, 400, 400]);
    const bodies = await Promise.all(responses.map(async (r) => ErrorResponse.parse(await r.json())));
    expect(new Set(bodies.map((b) => b.debugIdentifier)).size).toBe(bodies.length);
    expect(responses.every((r) => r.headers.get('content-type')?.startsWith('application/json'))).toBe(true);
  });

  it('works mounted under /sandbox, as the server mounts it, unknown paths included', async () => {
    const server = new Hono().route('/sandbox', createSandbox({ db: seededDatabase() }));
    const unauthorized = await server.request('/sandbox/v2/events/list', { method: 'POST', body: '{}' });
    expect(unauthorized.status).toBe(401);
    const unknown = await server.request('/sandbox/v2/nothing-here');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Envelope).errorMessages[0]?.errorCode).toBe('NOT_FOUND');
  });

  it('turns an unexpected failure into 500 in the envelope, also when mounted', async () => {
    const db = seededDatabase();
    const server = new Hono().route('/sandbox', createSandbox({ db }));
    const tokenResponse = await server.request('/sandbox/v2/auth/oauth2-token', {
      method: 'POST',
      body: tokenForm(),
    });
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    db.exec('DROP TABLE outbox'); // the test invite's INSERT now fails inside the route
    const errorSpy = vi.spyOn(logger, 'error').mockImplementation(() => {});

    const response = await server.request(`/sandbox/v2/events/${SEED_EVENT_IDS.kickoff}/invite/test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(response.status).toBe(500);
    expect(((await response.json()) as Envelope).errorMessages[0]?.errorCode).toBe('INTERNAL_ERROR');
    expect(errorSpy).toHaveBeenCalled();
  });
});
