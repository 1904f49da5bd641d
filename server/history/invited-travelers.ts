/**
 * Who a reminder goes to, read when it runs: the event's travelers still `INVITED`, a few pages of Spotnana's
 * travelers list at a time, or the answer to give when the list could not be read (nothing sent, nothing recorded).
 */
import type { Context } from 'hono';
import pMap from 'p-map';
import {
  EventTravelersResponse,
  MAX_INVITE_USER_IDS,
  type EventTravelersRequest,
  type EventType,
} from '#contract';
import { ALLOWED_ROUTES, upstreamPath, type AllowedRoute } from '../forwarder/allowed-routes.ts';
import { relay } from '../forwarder/create-forwarder.ts';
import type { UpstreamClient } from '../forwarder/upstream-client.ts';
import { UpstreamError, upstreamErrorResponse } from '../forwarder/upstream-error.ts';
import { consoleError, param } from '../http/errors.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { REMINDER_COLLECT_MS } from '#contract/send-timing';

/** The travelers list's largest page. */
const PAGE_SIZE = 100;
/** Pages of the travelers list asked for at once. */
const CONCURRENT_PAGES = 4;
const TRAVELERS_ROUTE = routeOf('listEventTravelers');

/**
 * The ids of the event's travelers still `INVITED`, in the list's order without repeats (a traveler moving between
 * pages while they are read is named once), or the answer to give when the upstream did not list them.
 */
export async function collectInvited(
  c: Context<ServerEnv>,
  upstream: UpstreamClient,
  eventId: string,
  type: EventType | undefined,
): Promise<string[] | Response> {
  const requestId = c.get('requestId');
  const path = upstreamPath(TRAVELERS_ROUTE, { eventId });
  const started = Date.now();
  const page = async (offset: number) => {
    if (Date.now() - started > REMINDER_COLLECT_MS) throw new NotListed(tooSlow(c));
    const request: EventTravelersRequest = {
      offset,
      limit: PAGE_SIZE,
      ...(type === undefined ? {} : { type }),
      filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: ['INVITED'] }],
    };
    const body = new TextEncoder().encode(JSON.stringify(request));
    const result = await upstream.call({
      method: 'POST',
      path,
      body,
      contentType: 'application/json',
      requestId,
    });
    if (result.status < 200 || result.status >= 300) {
      throw new NotListed(relay(result, [...result.tokensUsed, ...upstream.secrets()], undefined, requestId));
    }
    const parsed = EventTravelersResponse.safeParse(parseJson(result.body));
    if (!parsed.success) throw new NotListed(unexpectedAnswer(c));
    const infos = parsed.data.travelerEventInfos ?? [];
    const ids = infos.flatMap((info) => {
      const id = info.userId?.id ?? info.eventUserRsvp?.userId?.id;
      // Asked for INVITED only; one who answered meanwhile, or a list that ignored the filter, is not reminded.
      const state = info.eventUserRsvp?.eventRsvpState;
      return id === undefined || (state !== undefined && state !== 'INVITED') ? [] : [id];
    });
    return { ids, count: infos.length, total: parsed.data.paginationParams?.totalNumResults };
  };

  try {
    const first = await page(0);
    const pages = [first.ids];
    if (first.total === undefined) {
      // No total given: page on until a short page, never past what one reminder may name.
      for (let last = first; last.count === PAGE_SIZE && pages.length * PAGE_SIZE <= MAX_INVITE_USER_IDS;) {
        last = await page(pages.length * PAGE_SIZE);
        pages.push(last.ids);
      }
    } else if (first.total > MAX_INVITE_USER_IDS) {
      return tooMany(c, first.total);
    } else {
      const offsets: number[] = [];
      for (let offset = PAGE_SIZE; offset < first.total; offset += PAGE_SIZE) offsets.push(offset);
      const rest = await pMap(offsets, async (offset) => (await page(offset)).ids, {
        concurrency: CONCURRENT_PAGES,
      });
      pages.push(...rest);
    }
    return [...new Set(pages.flat())];
  } catch (error) {
    if (error instanceof NotListed) {
      c.set('logDetail', 'reminder: the travelers list was not read');
      return error.response;
    }
    if (!(error instanceof UpstreamError)) throw error;
    c.set('logDetail', `reminder: ${error.message}`);
    return upstreamErrorResponse(error.failure, requestId);
  }
}

export function tooMany(c: Context<ServerEnv>, count: number): Response {
  return consoleError(c, 422, {
    errorCode: 'TOO_MANY_TO_REMIND',
    message: `${count.toLocaleString('en')} travelers are still invited; one reminder can go to at most ${MAX_INVITE_USER_IDS.toLocaleString('en')}. Nothing was sent.`,
    errorParameters: [param('travelerCount', String(count))],
  });
}

function tooSlow(c: Context<ServerEnv>): Response {
  return consoleError(c, 504, {
    errorCode: 'REMINDER_TOO_SLOW',
    message: `Reading who has not answered took longer than ${REMINDER_COLLECT_MS / 1000} seconds. Nothing was sent; try again.`,
  });
}

function unexpectedAnswer(c: Context<ServerEnv>): Response {
  return consoleError(c, 502, {
    errorCode: 'UPSTREAM_RESPONSE_UNEXPECTED',
    message:
      'The Spotnana API answered the travelers list with something the console cannot read. Nothing was sent.',
  });
}

/** The travelers list answered, but not with a list: the response to give instead. */
class NotListed extends Error {
  readonly response: Response;
  constructor(response: Response) {
    super('travelers list not read');
    this.name = 'NotListed';
    this.response = response;
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

export function routeOf(operationId: string): AllowedRoute {
  const route = ALLOWED_ROUTES.find((candidate) => candidate.operationId === operationId);
  if (route === undefined) throw new Error(`no allowed route ${operationId}`);
  return route;
}
