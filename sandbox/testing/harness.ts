/**
 * Test support (not a test): a fresh seeded sandbox per test without paying for a seed each time. The seed runs
 * once per test file; each harness gets its own in-memory copy of that database, so tests cannot see each
 * other's sends.
 */
import Database from 'better-sqlite3';
import type { EventRsvpState } from '#contract';
import { SANDBOX_CREDENTIALS } from '../credentials.ts';
import { openSandboxDatabase, type SandboxDatabase } from '../store/database.ts';
import { createSandbox } from '../index.ts';

let template: Buffer | undefined;

/** `verbose` sees every SQL statement run, with its parameters filled in. */
export function seededDatabase(verbose?: (sql: unknown) => void): SandboxDatabase {
  if (!template) {
    const db = openSandboxDatabase(':memory:');
    template = db.serialize();
    db.close();
  }
  const db = new Database(template, verbose ? { verbose } : {});
  db.pragma('foreign_keys = ON');
  return db;
}

export interface HarnessOptions {
  now?: () => Date;
  tokenTtlSeconds?: number;
  verbose?: (sql: unknown) => void;
}

export interface Harness {
  db: SandboxDatabase;
  app: ReturnType<typeof createSandbox>;
  token: string;
  /** A JSON request with the harness's bearer token (unless `headers` replaces it). */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POST of a raw body (malformed JSON and the like). */
  raw(path: string, body: string, headers?: Record<string, string>): Promise<Response>;
}

export function tokenForm(overrides: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: SANDBOX_CREDENTIALS.clientId,
    client_secret: SANDBOX_CREDENTIALS.clientSecret,
    ...overrides,
  });
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { verbose, ...sandboxOptions } = options;
  const db = seededDatabase(verbose);
  const app = createSandbox({ db, ...sandboxOptions });
  const tokenResponse = await app.request('/v2/auth/oauth2-token', { method: 'POST', body: tokenForm() });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const auth = { authorization: `Bearer ${token}` };
  return {
    db,
    app,
    token,
    call: async (method, path, body, headers) =>
      app.request(path, {
        method,
        headers: { ...auth, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    raw: async (path, body, headers) =>
      app.request(path, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', ...headers },
        body,
      }),
  };
}

export interface ListedTraveler {
  id: string;
  state: EventRsvpState;
  invitedAt?: string;
}

/** One travelers-list page, as the tests compare it: the travelers in order and the total that matched. */
export async function listTravelersPage(
  harness: Harness,
  eventId: string,
  page: { offset: number; limit: number; filters?: unknown[] },
): Promise<{ travelers: ListedTraveler[]; total: number }> {
  const response = await harness.call('POST', `/v2/events/${eventId}/travelers-list`, {
    offset: page.offset,
    limit: page.limit,
    filters: page.filters ?? [],
  });
  if (response.status !== 200) throw new Error(`travelers-list answered ${response.status}`);
  const body = (await response.json()) as {
    travelerEventInfos: {
      userId: { id: string };
      eventUserRsvp: { eventRsvpState: EventRsvpState; invitedAt?: { iso8601: string } };
    }[];
    paginationParams: { totalNumResults: number };
  };
  return {
    travelers: body.travelerEventInfos.map((info) => ({
      id: info.userId.id,
      state: info.eventUserRsvp.eventRsvpState,
      invitedAt: info.eventUserRsvp.invitedAt?.iso8601,
    })),
    total: body.paginationParams.totalNumResults,
  };
}

/** Every traveler of an event as travelers-list reports them, paging through 100 at a time. */
export async function listAllTravelers(
  harness: Harness,
  eventId: string,
  filters: unknown[] = [],
): Promise<ListedTraveler[]> {
  const out: ListedTraveler[] = [];
  for (let offset = 0; ; offset += 100) {
    const { travelers, total } = await listTravelersPage(harness, eventId, { offset, limit: 100, filters });
    out.push(...travelers);
    if (offset + 100 >= total) return out;
  }
}

/** The body of an error envelope, typed loosely enough for assertions. */
export interface Envelope {
  debugIdentifier: string;
  errorMessages: {
    errorCode: string;
    message: string;
    errorParameters: { name: string; value?: string }[];
    errorDetail?: string;
  }[];
}
