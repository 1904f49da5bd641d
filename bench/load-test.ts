/**
 * The sandbox's `travelers-list` under 50 concurrent clients (autocannon, keep-alive connections), straight at
 * `/sandbox` with a token of the seeded API client: a mix of what the picker asks for while people scroll,
 * search and filter the 10,000-traveler event.
 */
import autocannon from 'autocannon';
import { SANDBOX_CREDENTIALS } from '../sandbox/credentials.ts';
import { mulberry32 as prng } from '../sandbox/seed/prng.ts';
import { processCpuMs } from './server.ts';

export interface LoadResult {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  /** Non-2xx answers plus connection errors and timeouts: should be 0. */
  failures: number;
  /** CPU time the server process used per answered request (user + system), when /proc tells. */
  serverCpuMsPerRequest?: number;
}

const SEARCH_TERMS = ['garcia', 'kim', 'nguyen', 'ana', 'smith', "o'brien", 'muller'];
const STATES = ['ADDED', 'INVITED', 'INVITE_ACCEPTED', 'INVITE_DECLINED'];

/**
 * 30 % first page, 40 % a page at a random depth (down to the last one), 20 % a search (first page of its
 * results), 10 % an RSVP filter at a random depth within it: the picker's own requests, 100 a page.
 */
export function bodyMix(seed = 1): () => string {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return () => {
    const r = random();
    const body =
      r < 0.3
        ? { offset: 0, limit: 100 }
        : r < 0.7
          ? { offset: Math.floor(random() * 100) * 100, limit: 100 }
          : r < 0.9
            ? {
                offset: 0,
                limit: 100,
                filters: [{ type: 'TRAVELER_SEARCH_FILTER', searchTerm: pick(SEARCH_TERMS) }],
              }
            : {
                offset: Math.floor(random() * 5) * 100,
                limit: 100,
                filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: [pick(STATES)] }],
              };
    return JSON.stringify(body);
  };
}

export async function fetchSandboxToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/sandbox/v2/auth/oauth2-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: SANDBOX_CREDENTIALS.clientId,
      client_secret: SANDBOX_CREDENTIALS.clientSecret,
    }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function runLoadTest(options: {
  baseUrl: string;
  eventId: string;
  token: string;
  connections: number;
  durationSeconds: number;
  seed: number;
  /** The server's process, to read the CPU time it spends per request. */
  serverPid?: number;
}): Promise<LoadResult> {
  const nextBody = bodyMix(options.seed);
  const cpuBefore = options.serverPid === undefined ? undefined : processCpuMs(options.serverPid);
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: `/sandbox/v2/events/${options.eventId}/travelers-list`,
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: nextBody() }),
      },
    ],
  });
  const cpuAfter = options.serverPid === undefined ? undefined : processCpuMs(options.serverPid);
  return {
    serverCpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
        ? (cpuAfter - cpuBefore) / result.requests.total
        : undefined,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
