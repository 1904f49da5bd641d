/**
 * `/api/history/*`, the send history's read side, behind `/api`'s guards (app.ts: cross-site, session). Who sees
 * what is decided here, never by the page (contract/send-history.ts): an event's History lists every send on it;
 * the Activity page (list, facets, CSV) a sender's own sends and everyone's for an admin or viewer; a viewer
 * never gets recipient lists nor refused entries. Nothing here is cached by the browser or a proxy.
 */
import { Hono, type Context } from 'hono';
import type { ActivityFacets, ScheduledSends, SendPage } from '#contract/send-history';
import { requireRole } from '../auth/require-role.ts';
import { roleAllows } from '../auth/roles.ts';
import { consoleError, errorResponse, param, type ErrorEntry } from '../http/errors.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { activityCsvFilename, activityCsvStream } from './activity-csv.ts';
import {
  readActivityFilters,
  readPaging,
  writeCursor,
  type Checked,
  type Paging,
} from './activity-params.ts';
import { recentInvitesRoute } from './recent-invites-route.ts';
import type { SendFilters, SendQueries } from './send-queries.ts';
import { toDetail, toSummary } from './send-views.ts';
import { errorName, logger } from '../operations/logger.ts';

export interface HistoryRouteDeps {
  queries: SendQueries;
  now?: () => number;
  /** Rows per database read of the CSV export. */
  csvBatchSize?: number;
}

/**
 * Rows per database read of the export: few, because one row can be large. Its `traveler_ids` holds up to 20,000
 * ids (~780 KB as JSON), and a refusal's `outcome_json` can carry an entry per traveler (megabytes): 25 such rows
 * are tens of MB held at once; 500 would be hundreds. Small batches cost only more round trips (keyset reads).
 */
const CSV_BATCH_SIZE = 25;

type HistoryContext = Context<ServerEnv>;

export function createHistoryRoutes(deps: HistoryRouteDeps): Hono<ServerEnv> {
  const { queries } = deps;
  const now = deps.now ?? Date.now;
  const app = new Hono<ServerEnv>();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('cache-control', 'no-store');
  });
  const viewer = requireRole('viewer', 'see the send history');

  /** One page of the sends that match, as the reader's role may see them. */
  async function sendPage(
    c: Context<ServerEnv>,
    filters: SendFilters,
    { offset, limit, before }: Paging,
  ): Promise<SendPage> {
    const { rows, total, more } = await queries.page(filters, { offset, limit, before });
    const last = rows.at(-1);
    return {
      sends: rows.map((row) => toSummary(row, hidesRecipients(c))),
      total,
      offset,
      limit,
      nextBefore: more && last !== undefined ? writeCursor(last) : null,
    };
  }

  // The event's History: its scheduled sends are listed apart, above it (`/scheduled`), so they are left out here.
  app.get('/events/:eventId/sends', viewer, async (c) => {
    const paging = readPaging((name) => c.req.query(name));
    if (!paging.ok) return badRequest(c, paging.errors);
    const filters: SendFilters = { eventId: c.req.param('eventId'), excludeStatuses: ['scheduled'] };
    return c.json(await sendPage(c, filters, paging.value));
  });

  app.get('/events/:eventId/scheduled', viewer, async (c) => {
    const rows = await queries.scheduled(c.req.param('eventId'));
    const body: ScheduledSends = { sends: rows.map((row) => toSummary(row, hidesRecipients(c))) };
    return c.json(body);
  });

  app.get('/sends', viewer, async (c) => {
    const paging = readPaging((name) => c.req.query(name));
    const filters = activityFilters(c);
    if (!paging.ok || !filters.ok) {
      return badRequest(c, [...(paging.ok ? [] : paging.errors), ...(filters.ok ? [] : filters.errors)]);
    }
    const visible = visibleActivity(c, filters.value);
    if (visible instanceof Response) return visible;
    return c.json(await sendPage(c, visible, paging.value));
  });

  app.get('/sends.csv', viewer, async (c) => {
    const filters = activityFilters(c);
    if (!filters.ok) return badRequest(c, filters.errors);
    const visible = visibleActivity(c, filters.value);
    if (visible instanceof Response) return visible;
    const hidden = hidesRecipients(c);
    const batches = queries.batches(visible, {
      batchSize: deps.csvBatchSize ?? CSV_BATCH_SIZE,
      withTravelerIds: !hidden,
    });
    const stream = activityCsvStream(batches, hidden, (error) => {
      logger.warn({ detail: errorName(error) }, 'send history CSV export ended early');
    });
    return c.body(stream, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${activityCsvFilename(now())}"`,
    });
  });

  app.get('/sends/:id', viewer, async (c) => {
    const id = c.req.param('id');
    const row = await queries.get(id);
    if (row === undefined) {
      return consoleError(c, 404, {
        errorCode: 'SEND_NOT_FOUND',
        message: 'No recorded send has this id. Records older than the retention period are deleted.',
        errorParameters: [param('id', id)],
      });
    }
    return c.json(toDetail(row, hidesRecipients(c)));
  });

  app.get('/facets', viewer, async (c) => {
    const session = c.get('session');
    const facets: ActivityFacets = await queries.facets(
      session?.role === 'sender' ? session.subject : undefined,
    );
    return c.json(facets);
  });

  app.post(
    '/events/:eventId/recent-invites',
    requireRole('sender', 'check recent invites'),
    recentInvitesRoute(queries, now),
  );
  return app;
}

/** A viewer sees sends, never to whom they went. */
function hidesRecipients(c: HistoryContext): boolean {
  const role = c.get('session')?.role;
  return role === undefined || !roleAllows(role, 'sender');
}

function activityFilters(c: HistoryContext): Checked<SendFilters> {
  return readActivityFilters((name) => c.req.query(name));
}

/** A sender's Activity is their own sends: their subject is forced, and asking for someone else's is refused. */
function visibleActivity(c: HistoryContext, filters: SendFilters): SendFilters | Response {
  const session = c.get('session');
  if (session?.role !== 'sender') return filters;
  if (filters.subject !== undefined && filters.subject !== session.subject) {
    c.set('logDetail', 'sender asked for another person’s activity');
    return consoleError(c, 403, {
      errorCode: 'ROLE_NOT_ALLOWED',
      message:
        'Your role (sender) can see only your own sends on the Activity page. Ask an administrator for the admin role.',
      errorParameters: [param('subject', filters.subject)],
    });
  }
  return { ...filters, subject: session.subject };
}

function badRequest(c: HistoryContext, errors: ErrorEntry[]): Response {
  return errorResponse(400, errors, { debugIdentifier: c.get('requestId') });
}
