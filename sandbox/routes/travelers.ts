/** `POST /v2/events/{eventId}/travelers-list` and `POST /v2/events/{eventId}/travelers/remove`. */
import { Hono } from 'hono';
import {
  EventRsvpState,
  EventTravelersRequest,
  RemoveTravelersFromEventRequest,
  type EventTravelersResponse,
  type RemoveTravelersFromEventResponse,
  type TravelerEventInfo,
} from '#contract';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { errorResponse } from '../../server/http/errors.ts';
import { accessEvent, typeMismatch, type EventStore } from '../store/event-store.ts';
import { fold } from '../text.ts';
import { checkTravelerIds } from './traveler-ids.ts';
import type { TravelerRow, TravelerStore } from '../store/traveler-store.ts';
import { readJsonBody } from './validation.ts';

const DEFAULT_LIMIT = 10;
/** Removed travelers are listed only when a status filter asks for them. */
const DEFAULT_STATES = EventRsvpState.options.filter((state) => state !== 'REMOVED');

export function travelerRoutes(
  { db }: SandboxDeps,
  events: EventStore,
  travelers: TravelerStore,
): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.post('/:eventId/travelers-list', async (c) => {
    const access = accessEvent(events, c.req.param('eventId'), c.get('caller').companyId);
    if (!access.ok) return access.response;
    const body = await readJsonBody(c, EventTravelersRequest);
    if (!body.ok) return body.response;
    const mismatch = typeMismatch(access.event, body.data.type);
    if (mismatch) return errorResponse(400, [mismatch]);

    // Filters of the same kind narrow each other; the booking-status filters are accepted and ignored
    // (the sandbox has no bookings).
    let states: readonly EventRsvpState[] = DEFAULT_STATES;
    const terms: string[] = [];
    for (const filter of body.data.filters ?? []) {
      if (filter.type === 'INVITATION_STATUS_FILTER' && filter.rsvpStates.length > 0) {
        const wanted = new Set(filter.rsvpStates);
        states = states === DEFAULT_STATES ? [...wanted] : states.filter((state) => wanted.has(state));
      } else if (filter.type === 'TRAVELER_SEARCH_FILTER') {
        const term = fold(filter.searchTerm ?? '')
          .trim()
          .replace(/\s+/g, ' ');
        if (term) terms.push(term);
      }
    }

    const { rows, total } = travelers.list({
      eventId: access.event.id,
      states,
      terms,
      offset: body.data.offset ?? 0,
      limit: body.data.limit ?? DEFAULT_LIMIT,
    });
    const response: EventTravelersResponse = {
      travelerEventInfos: rows.map(toTravelerEventInfo),
      paginationParams: { totalNumResults: total },
    };
    return c.json(response);
  });

  app.post('/:eventId/travelers/remove', async (c) => {
    const access = accessEvent(events, c.req.param('eventId'), c.get('caller').companyId);
    if (!access.ok) return access.response;
    const body = await readJsonBody(c, RemoveTravelersFromEventRequest, { required: true });
    if (!body.ok) return body.response;

    const mismatch = typeMismatch(access.event, body.data.type);
    // Removing a traveler twice is harmless, so an already removed one is not an error here.
    const check = checkTravelerIds(travelers, access.event.id, body.data.userIds, { removedIsError: false });
    const entries = [...(mismatch ? [mismatch] : []), ...check.entries];
    if (entries.length > 0) return errorResponse(400, entries);

    db.transaction(() => travelers.remove(access.event.id, check.ids))();
    const response: RemoveTravelersFromEventResponse = { removedUserIds: check.ids.map((id) => ({ id })) };
    return c.json(response);
  });
  return app;
}

function toTravelerEventInfo(row: TravelerRow): TravelerEventInfo {
  const userId = { id: row.user_id };
  return {
    userId,
    eventUserRsvp: {
      userId,
      eventRsvpState: row.rsvp_state,
      ...(row.invited_at ? { invitedAt: { iso8601: row.invited_at } } : {}),
    },
  };
}
