// @vitest-environment node
/**
 * The limit on sends per person (SEND_LIMIT_PER_10_MIN) on the server app with the send history and a stand-in
 * Spotnana: past it, invite/send and invite/test are refused before the history and the forwarder.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { sqliteDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createHistoryApp } from '../history/testing/history-app.ts';
import type { RequestLogEntry } from '../http/request-log.ts';
import { memoryLimiters } from './limiter-factory.ts';
import { createLimits } from './limits.ts';

const SEND = { type: 'GENERIC', userIds: [{ id: 'u-1' }] };
const TEST = { type: 'GENERIC' };

interface Envelope {
  debugIdentifier: string;
  errorMessages: { errorCode: string; message: string; errorParameters: { name: string; value: string }[] }[];
}

describe('the limit on sends per person', () => {
  const database = useTestDatabase(sqliteDialect);

  async function limitedApp(sendsPer10Minutes: number) {
    const log: RequestLogEntry[] = [];
    const limits = createLimits(memoryLimiters(), { sendsPer10Minutes });
    const h = createHistoryApp(await database.open(), { limits, log: (entry) => log.push(entry) });
    return { h, log };
  }

  it('refuses the 31st send in 10 minutes by default: 429 SEND_RATE_LIMITED, Retry-After, nothing recorded or forwarded', async () => {
    const { h, log } = await limitedApp(loadConfig({}).sendLimitPer10Min);
    const marcus = await h.as('Marcus Webb');
    for (let i = 0; i < 30; i += 1) {
      const action = i % 2 === 0 ? 'send' : 'test';
      expect((await h.send(marcus, action === 'send' ? SEND : TEST, undefined, action)).status).toBe(200);
    }
    expect(await h.rows()).toHaveLength(30);
    expect(h.state.calls).toBe(30);

    const refused = await h.send(marcus, SEND);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    const body = (await refused.json()) as Envelope;
    expect(body.debugIdentifier).toBe(refused.headers.get('x-request-id'));
    expect(body.errorMessages).toEqual([
      {
        errorCode: 'SEND_RATE_LIMITED',
        message:
          "You have reached the console's limit of 30 sends (invites and test invites) in 10 minutes. Try again in 10 minutes. Nothing was sent.",
        errorParameters: [],
      },
    ]);
    // Not on the record, not forwarded.
    expect(await h.rows()).toHaveLength(30);
    expect(h.state.calls).toBe(30);
    // The log line says who and why.
    expect(log.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/v2/events/ev-1/invite/send',
      status: 429,
      subject: 'sub-marcus-webb',
      detail: 'send limit reached: 30 in 10 minutes',
    });

    // Someone else's budget is their own.
    expect((await h.send(await h.as('Sofía Álvarez'), SEND)).status).toBe(200);
    expect(h.state.calls).toBe(31);
  });

  it('counts test invites: a small limit spent on them refuses the next send and test invite', async () => {
    const { h } = await limitedApp(2);
    const marcus = await h.as('Marcus Webb');
    expect((await h.send(marcus, TEST, undefined, 'test')).status).toBe(200);
    expect((await h.send(marcus, TEST, undefined, 'test')).status).toBe(200);

    const send = await h.send(marcus, SEND);
    expect(send.status).toBe(429);
    expect(((await send.json()) as Envelope).errorMessages[0]?.message).toMatch(
      /^You have reached the console's limit of 2 sends .* Try again in 10 minutes\. Nothing was sent\.$/,
    );
    expect((await h.send(marcus, TEST, undefined, 'test')).status).toBe(429);
    expect((await h.rows()).map((row) => row.action)).toEqual(['test', 'test']);
    expect(h.state.calls).toBe(2);
  });
});
