/**
 * Reading events: the rows, their API shape (`Event` of the contract) and the access rule that every
 * event route shares (unknown → 404, another company's → 403).
 */
import type { Event, EventLocation, EventRunningStatus, EventStatus, EventType } from '#contract';
import type { SandboxDatabase } from './database.ts';
import { createEventLister, SELECT_EVENT } from './event-list.ts';
import { errorResponse, param, type ErrorEntry } from '../../server/http/errors.ts';

export interface EventRow {
  id: string;
  company_id: string;
  parent_event_id: string | null;
  name: string;
  description: string;
  type: EventType;
  status: EventStatus;
  start_local: string;
  end_local: string;
  start_at: number;
  end_at: number;
  location: string;
  answers_company_id: 0 | 1;
  num_travelers: number;
}

export function createEventStore(db: SandboxDatabase) {
  const byId = db.prepare<[string], EventRow>(`${SELECT_EVENT} WHERE e.id = ?`);
  return {
    get: (id: string): EventRow | undefined => byId.get(id),
    /** One page of a tab of `POST /v2/events/list`, filtered and sorted, and how many events match in all. */
    list: createEventLister(db),
  };
}

export type EventStore = ReturnType<typeof createEventStore>;

export function toApiEvent(row: EventRow, nowMs: number): Event {
  const runningStatus: EventRunningStatus =
    nowMs < row.start_at ? 'UPCOMING' : nowMs < row.end_at ? 'IN_PROGRESS' : 'COMPLETED';
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    type: row.type,
    status: row.status,
    startDateTime: { iso8601: row.start_local },
    endDateTime: { iso8601: row.end_local },
    location: JSON.parse(row.location) as EventLocation,
    ...(row.answers_company_id ? { companyId: { id: row.company_id } } : {}),
    runningStatus,
    numTravelers: row.num_travelers,
    ...(row.parent_event_id ? { parentEventId: row.parent_event_id } : {}),
  };
}

export type EventAccess = { ok: true; event: EventRow } | { ok: false; response: Response };

/** The event, if it exists and belongs to the caller's company; otherwise the 404 or 403 to answer. */
export function accessEvent(store: EventStore, eventId: string, companyId: string): EventAccess {
  const event = store.get(eventId);
  if (!event) {
    return {
      ok: false,
      response: errorResponse(404, [
        {
          errorCode: 'EVENT_NOT_FOUND',
          message: 'There is no event with this id.',
          errorParameters: [param('eventId', eventId)],
        },
      ]),
    };
  }
  if (event.company_id !== companyId) {
    return {
      ok: false,
      response: errorResponse(403, [
        {
          errorCode: 'EVENT_ACCESS_DENIED',
          message: "This event belongs to another company; the API client's company may not see it.",
          errorParameters: [param('eventId', eventId)],
        },
      ]),
    };
  }
  return { ok: true, event };
}

/** The entry for a request whose `type` is not the event's own type, or null when it matches or is absent. */
export function typeMismatch(event: EventRow, type: EventType | undefined): ErrorEntry | null {
  if (type === undefined || type === event.type) return null;
  return {
    errorCode: 'EVENT_TYPE_MISMATCH',
    message: `The event is of type ${event.type}, but the request says ${type}.`,
    errorParameters: [param('type', type)],
  };
}
