/**
 * `POST /api/history/events/:eventId/recent-invites`: the confirmation's "some of these travelers were sent an
 * invite in the last 24 hours". A POST because it carries up to 20,000 ids; `/api`'s write guard already made sure
 * it is a same-origin JSON request.
 */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { RecentInvitesRequest } from '#contract/send-history';
import { errorResponse, param, type ErrorEntry } from '../errors.ts';
import type { ServerEnv } from '../server-env.ts';
import { RECENT_WINDOW_MS, recentInvites } from './recent-invites.ts';
import type { SendQueries } from './send-queries.ts';

export function recentInvitesRoute(queries: SendQueries, now: () => number) {
  return async (c: Context<ServerEnv>) => {
    const body = readBody(await c.req.text());
    if (!body.ok) return errorResponse(400, body.errors, { debugIdentifier: c.get('requestId') });
    const sinceMs = now() - RECENT_WINDOW_MS;
    const rows = await queries.recentInvites(c.req.param('eventId') ?? '', sinceMs);
    const asked = body.value.userIds?.map((entry) => entry.id);
    return c.json(recentInvites(rows, asked, sinceMs));
  };
}

type BodyResult = { ok: true; value: RecentInvitesRequest } | { ok: false; errors: ErrorEntry[] };

function readBody(text: string): BodyResult {
  let input: unknown = {};
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch {
      return {
        ok: false,
        errors: [{ errorCode: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' }],
      };
    }
  }
  const parsed = RecentInvitesRequest.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: parsed.error.issues.slice(0, 20).map(issueEntry) };
}

/** One entry per problem, naming the field as Spotnana's 400s do (`userIds[3].id`). */
function issueEntry(issue: z.core.$ZodIssue): ErrorEntry {
  const path = issue.path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
  return {
    errorCode: 'INVALID_PARAMETER',
    message: `${path || 'Request body'}: ${issue.message}`,
    errorParameters: path ? [param(path)] : [],
  };
}
