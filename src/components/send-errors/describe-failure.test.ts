import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { describeFailure } from './describe-failure';

const spotnana = (status: number, body = {}, retryAfterSeconds?: number) =>
  new ApiError({ kind: 'spotnana', status, body, retryAfterSeconds });
const http = (status: number, bodyText = '', retryAfterSeconds?: number) =>
  new ApiError({ kind: 'http', status, bodyText, retryAfterSeconds });

describe('describeFailure', () => {
  it('names the credentials problem on a 401, whatever the body', () => {
    expect(describeFailure(spotnana(401), 'invites').title).toMatch(/rejected the console's credentials/);
    expect(describeFailure(http(401, 'nope'), 'invites').advice).toMatch(/SPOTNANA_\*/);
  });

  it("tells the console's own session ending and a role that may not send from Spotnana's refusals", () => {
    const ended = describeFailure(
      spotnana(401, { errorMessages: [{ errorCode: 'SIGN_IN_REQUIRED' }] }),
      'invites',
    );
    expect(ended.title).toBe('Your session has ended (HTTP 401).');
    expect(ended.advice).toBe('No invites were sent. Sign in again: your choices on this page are kept.');
    const role = { errorMessages: [{ errorCode: 'ROLE_NOT_ALLOWED', message: 'viewers cannot send' }] };
    const refused = describeFailure(spotnana(403, role), 'test invite');
    expect(refused.title).toBe('Your role does not allow sending test invites (HTTP 403).');
    expect(refused.advice).toBe('No test invite was sent. Ask an administrator for the sender role.');
    expect(refused.body).toBe(role);
  });

  it('names who already has the same send under way (409), and offers to check the states', () => {
    const body = {
      errorMessages: [
        {
          errorCode: 'IDENTICAL_SEND_IN_FLIGHT',
          message: 'Marcus Webb started this same send at 2026-12-01T10:42:00.000Z and it has not finished.',
          errorParameters: [
            { name: 'startedBy', value: 'Marcus Webb' },
            { name: 'startedAt', value: '2026-12-01T10:42:00.000Z' },
          ],
        },
      ],
    };
    const report = describeFailure(spotnana(409, body), 'invites');
    expect(report.title).toBe('This same send is already under way (HTTP 409).');
    expect(report.advice).toMatch(/^Marcus Webb started it at \d{1,2}:\d{2} [AP]M\. Nothing more was sent/);
    expect(report.outcomeUnknown).toBe(true);
    expect(report.body).toBe(body);
  });

  it('says a retried send whose first attempt has no recorded answer may have gone out (409 SEND_OUTCOME_PENDING)', () => {
    const body = {
      errorMessages: [
        {
          errorCode: 'SEND_OUTCOME_PENDING',
          message:
            'This send was already submitted at 2026-12-01T10:42:00.000Z and its outcome is not known yet.',
          errorParameters: [{ name: 'startedAt', value: '2026-12-01T10:42:00.000Z' }],
        },
      ],
    };
    const report = describeFailure(spotnana(409, body), 'invites');
    expect(report.title).toMatch(
      /^This send was already submitted at \d{1,2}:\d{2} [AP]M, and its outcome is not known yet \(HTTP 409\)\.$/,
    );
    expect(report.advice).toMatch(
      /^Nothing more was sent\. It may have gone out: check the travelers' states/,
    );
    expect(report.outcomeUnknown).toBe(true);
    expect(report.explainedByEntries).toBeUndefined();
  });

  it('explains 403 and 404 and keeps the envelope for its entries', () => {
    const body = { errorMessages: [{ message: 'not yours' }] };
    const forbidden = describeFailure(spotnana(403, body), 'invites');
    expect(forbidden.title).toMatch(/permission/);
    expect(forbidden.body).toBe(body);
    expect(describeFailure(http(404), 'invites').title).toMatch(/no longer exists/);
  });

  it('says when to try again after a 429', () => {
    expect(describeFailure(http(429, '', 30), 'invites').title).toBe(
      'Too many requests: try again in 30 seconds.',
    );
    expect(describeFailure(spotnana(429, {}, 1), 'invites').title).toBe(
      'Too many requests: try again in 1 second.',
    );
    expect(describeFailure(http(429), 'invites').title).toMatch(/try again in a minute/);
  });

  it('counts a wait of a minute or more in whole minutes, rounded up, and names the time to try again', () => {
    const now = new Date(2026, 10, 20, 10, 40, 0).getTime();
    expect(describeFailure(http(429, '', 120), 'invites', now).title).toBe(
      'Too many requests: try again in 2 minutes (at 10:42 AM).',
    );
    expect(describeFailure(spotnana(429, {}, 61), 'invites', now).title).toBe(
      'Too many requests: try again in 2 minutes (at 10:41 AM).',
    );
    expect(describeFailure(http(429, '', 60), 'invites', now).title).toBe(
      'Too many requests: try again in 1 minute (at 10:41 AM).',
    );
  });

  it('says the server failed on a 5xx and that the outcome must be checked', () => {
    const report = describeFailure(http(502, '<html>Bad gateway</html>'), 'invites');
    expect(report.title).toBe('The server failed (HTTP 502).');
    expect(report.outcomeUnknown).toBe(true);
  });

  it("tells the console's server not reaching Spotnana (nothing sent) from a connection lost mid-send", () => {
    const unreachable = {
      errorMessages: [{ errorCode: 'UPSTREAM_UNREACHABLE', message: 'could not reach' }],
    };
    const report = describeFailure(spotnana(502, unreachable), 'invites');
    expect(report.title).toBe("The console's server could not reach Spotnana (HTTP 502).");
    expect(report.advice).toBe('No invites were sent. Try again in a moment.');
    expect(report.outcomeUnknown).toBe(false);
    const lost = { errorMessages: [{ errorCode: 'UPSTREAM_CONNECTION_LOST', message: 'broke' }] };
    expect(describeFailure(spotnana(502, lost), 'invites').outcomeUnknown).toBe(true);
  });

  it('says a server that is stopping sent nothing, and that the form is kept for another try', () => {
    const stopping = {
      errorMessages: [{ errorCode: 'SERVER_SHUTTING_DOWN', message: 'This console server is stopping.' }],
    };
    const report = describeFailure(spotnana(503, stopping), 'invites');
    expect(report.title).toBe("The console's server is restarting (HTTP 503).");
    expect(report.advice).toBe(
      'No invites were sent. Try again in a moment: your choices on this page are kept.',
    );
    expect(report.outcomeUnknown).toBe(false);
    expect(describeFailure(spotnana(503, stopping), 'test invite').advice).toMatch(
      /^No test invite was sent\./,
    );
  });

  it('names the status of a body it cannot read, or of an envelope with no entries', () => {
    expect(describeFailure(http(400, 'not json'), 'invites').title).toMatch(/HTTP 400 .*cannot read/);
    expect(describeFailure(spotnana(400, {}), 'invites').title).toMatch(/HTTP 400\) without saying why/);
    expect(describeFailure(new ApiError({ kind: 'invalid-response', status: 200 }), 'invites').title).toMatch(
      /HTTP 200/,
    );
  });

  it('asks to fix the listed problems when the envelope has entries', () => {
    const report = describeFailure(spotnana(400, { errorMessages: [{ message: 'x' }] }), 'invites');
    expect(report.advice).toMatch(/Fix the problems/);
    expect(report.outcomeUnknown).toBe(false);
  });

  it('does not promise that nothing was sent after a network failure, and says the outcome is unknown after a timeout', () => {
    // A refused connection and one that broke after the request left look the same to the browser.
    const network = describeFailure(new ApiError({ kind: 'network', message: 'Failed to fetch' }), 'invites');
    expect(network.title).toMatch(/connection failed/);
    expect(network.advice).not.toMatch(/No invites were sent/);
    expect(network.advice).toMatch(/Check your connection and the travelers' states, then try again/);
    expect(network.outcomeUnknown).toBe(true);
    const timeout = describeFailure(new ApiError({ kind: 'timeout', timeoutMs: 20_000 }), 'invites');
    expect(timeout.title).toBe(
      'The outcome of the send is unknown: the server did not answer within 20 seconds.',
    );
    expect(timeout.outcomeUnknown).toBe(true);
  });

  it('never throws on something that is not an ApiError', () => {
    expect(describeFailure(new TypeError('boom'), 'test invite').title).toMatch(/boom/);
    expect(describeFailure('weird', 'invites').title).toMatch(/weird/);
  });
});
