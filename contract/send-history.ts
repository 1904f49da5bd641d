/**
 * The console's own send-history API (`/api/history/*`, server/history): what the server answers and the browser
 * parses. Not Spotnana's shapes (those are in spotnana.ts), but written the same way, with `zod/mini`, and shared
 * the same way: the server builds these answers, the console parses them, and nothing else defines them.
 *
 * Visibility (enforced by the server, never by the page):
 * - an event's History (`GET /api/history/events/:eventId/sends`) lists every send on that event;
 * - the Activity page (`GET /api/history/sends`) lists a sender's own sends, and everyone's for an admin or viewer;
 * - a viewer never gets a recipient list (`travelerIds`) nor the refused entries (they name travelers):
 *   `recipientsHidden` is then true.
 */
import * as z from 'zod/mini';
import { ErrorResponse, EventType, MAX_INVITE_USER_IDS } from './spotnana.ts';

/**
 * `scheduled`: a send planned for `dueAt` that has not started (Send later); it can still be cancelled or moved.
 * `pending`: no answer was recorded, so the outcome is unknown (still running, or the server stopped mid-send).
 * `skipped`: nothing was sent: there was nobody to send to (a reminder found no traveler still invited), or a
 * scheduled send was not run, and its `errorResponse` says why (its scheduler lost the sender role, their account is
 * gone, or every instance was down past SCHEDULE_MAX_LATE_HOURS).
 * `cancelled`: a scheduled send cancelled before it started; nothing was sent.
 */
export const SendStatus = z.enum([
  'scheduled',
  'pending',
  'accepted',
  'refused',
  'failed',
  'skipped',
  'cancelled',
]);
export type SendStatus = z.infer<typeof SendStatus>;

/**
 * `send`: invite/send. `test`: invite/test (a test invite to the console's own account). `remind`: invite/send to
 * the travelers whose RSVP state was `INVITED` when it ran, who were invited and have not answered.
 */
export const SendAction = z.enum(['send', 'test', 'remind']);
export type SendAction = z.infer<typeof SendAction>;

/** `all`: the request left `userIds` out (every traveler of the event). `list`: the travelers it named. */
export const SendScope = z.enum(['all', 'list']);
export type SendScope = z.infer<typeof SendScope>;

export const SendPerson = z.object({ subject: z.string(), name: z.string(), email: z.string() });
export type SendPerson = z.infer<typeof SendPerson>;

/** One recorded send, as lists show it. Times are ISO 8601 instants (UTC). */
export const SendSummary = z.object({
  id: z.string(),
  createdAt: z.string(),
  completedAt: z.nullable(z.string()),
  person: SendPerson,
  role: z.string(),
  eventId: z.string(),
  /** The event's name when it was sent; null if the console could not read it then. */
  eventName: z.nullable(z.string()),
  action: SendAction,
  /** The `type` the request carried; null if it carried none. */
  eventType: z.nullable(z.string()),
  scope: SendScope,
  /** How many travelers: the list's length, or the event's traveler count for `all` (null if unknown then). */
  travelerCount: z.nullable(z.int()),
  status: SendStatus,
  httpStatus: z.nullable(z.int()),
  /** How many `errorMessages` entries the answer carried (refused, failed); 0 otherwise. */
  errorCount: z.int(),
  /** The first entry's message, for "why" at a glance; null when there is none or it is hidden (viewer). */
  firstErrorMessage: z.nullable(z.string()),
  /** A send planned ahead (Send later): when it is (or was) due; null for a send made at once. */
  dueAt: z.nullable(z.string()),
  /** A scheduled send that went out more than a minute after `dueAt`: by how many whole minutes; null otherwise. */
  lateMinutes: z.nullable(z.int()),
});
export type SendSummary = z.infer<typeof SendSummary>;

export const SendPage = z.object({
  sends: z.array(SendSummary),
  /** Every send that matches the filters (for "1–50 of 1,234"). */
  total: z.int(),
  offset: z.int(),
  limit: z.int(),
  /**
   * Where the next page starts, for a list that reads on (the event's History): send it back as `before`. Paging
   * by position would repeat a row when a send is recorded in between; this cannot. Null after the last page.
   */
  nextBefore: z.nullable(z.string()),
});
export type SendPage = z.infer<typeof SendPage>;

/** `GET /api/history/sends/:id`: one send in full, as far as the reader's role may see it. */
export const SendDetail = z.extend(SendSummary, {
  /** The travelers it went to, in the request's order (empty for `all`); absent when `recipientsHidden`. */
  travelerIds: z.optional(z.array(z.string())),
  /** The error envelope Spotnana (or the console) answered, whole; null when accepted, pending or hidden. */
  errorResponse: z.nullable(ErrorResponse),
  /** Why a failed send has no answer: `timeout`, `unreachable`, `http-502`, ... ; null otherwise. */
  failure: z.nullable(z.string()),
  recipientsHidden: z.boolean(),
  /** A scheduled send: when it was scheduled; null for a send made at once. */
  scheduledAt: z.nullable(z.string()),
  /** Who cancelled a `cancelled` scheduled send, and when; null otherwise. */
  cancelledBy: z.nullable(SendPerson),
  cancelledAt: z.nullable(z.string()),
});
export type SendDetail = z.infer<typeof SendDetail>;

/** `GET /api/history/facets`: the events and people the reader's Activity can be filtered by. */
export const ActivityFacets = z.object({
  events: z.array(z.object({ id: z.string(), name: z.nullable(z.string()) })),
  people: z.array(SendPerson),
});
export type ActivityFacets = z.infer<typeof ActivityFacets>;

/**
 * The most travelers one recent-invites check may name: as many as one invite/send may, since the check is asked
 * about the send being confirmed; more could be no send at all, and would only make the server hold a larger Set.
 */
export const RECENT_INVITES_MAX_IDS = MAX_INVITE_USER_IDS;

/**
 * `POST /api/history/events/:eventId/recent-invites` with `{ userIds?: [{id}] }` (left out: every traveler):
 * which of those travelers were sent an invite in the last 24 hours. Counts invite/send only (not test invites),
 * accepted or with an unknown outcome (pending, failed): refused sends sent nothing.
 */
export const RecentInvitesRequest = z.object({
  userIds: z.optional(z.array(z.object({ id: z.string() })).check(z.maxLength(RECENT_INVITES_MAX_IDS))),
});
export type RecentInvitesRequest = z.infer<typeof RecentInvitesRequest>;

export const RecentSend = z.object({
  id: z.string(),
  createdAt: z.string(),
  personName: z.string(),
  scope: SendScope,
  status: SendStatus,
  /** A `scheduled` send that will cover them: when it is due; null for a send made already. */
  dueAt: z.nullable(z.string()),
  /**
   * How many of the asked travelers this send covered (every one of them for an `all` send). An `all` send is
   * always listed: when every traveler is asked, this is its event's count as recorded, 0 when that was unknown.
   * A scheduled reminder (`action` `remind`) is listed with 0: it goes to whoever is still invited when it runs.
   */
  matchedCount: z.int(),
  /** `send`, or `remind` (a reminder: an invite/send to the travelers still invited). Absent from older servers. */
  action: z.optional(SendAction),
});
export type RecentSend = z.infer<typeof RecentSend>;

export const RecentInvites = z.object({
  /** The window's start: now minus 24 hours. */
  since: z.string(),
  /**
   * How many of the asked travelers were sent an invite in the window. For `userIds` left out: how many distinct
   * travelers were, or null when an `all` send in the window covered every one of them. Only sends made in the
   * window count: a send still scheduled never does.
   */
  travelerCount: z.nullable(z.int()),
  /**
   * The sends made in the window that did, newest first (at most 10, `dueAt` null), then the sends still scheduled
   * on the event that will (`status` `scheduled`, `dueAt` set, soonest due first, at most 5, apart from the 10):
   * an invite/send to some of them or to all travelers, and every scheduled reminder of the event (`action`
   * `remind`, `matchedCount` 0: who it reaches is read when it runs).
   */
  sends: z.array(RecentSend),
});
export type RecentInvites = z.infer<typeof RecentInvites>;

/**
 * The outcomes the Activity page filters by, as a manager tells them apart: `unknown` is both `pending` and
 * `failed` (no clear answer either way: the invites may have gone out); `scheduled` is a send still waiting for its
 * time; `not-sent` is `skipped` and `cancelled` (nothing went out, on purpose).
 */
export const ActivityOutcome = z.enum(['accepted', 'refused', 'unknown', 'scheduled', 'not-sent']);
export type ActivityOutcome = z.infer<typeof ActivityOutcome>;

/** The Activity filters, as query parameters of `/api/history/sends` and `/api/history/sends.csv`. */
export const ACTIVITY_PAGE_LIMIT_MAX = 100;
export interface ActivityFilters {
  eventId?: string;
  /** A person's subject. A sender may name only themselves (403 otherwise). */
  subject?: string;
  /** Query parameter `outcome`. */
  outcome?: ActivityOutcome;
  /** ISO instants; `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
}

/**
 * `POST /api/reminders/events/:eventId` with `{ type? }`: invites again every traveler of the event still `INVITED`
 * at that moment, through the same checks and record as a send. Refusals come back as a send's do (the envelope);
 * a reminder that went out, or found nobody to remind, answers this.
 */
export const ReminderRequest = z.object({ type: z.optional(EventType) });
export type ReminderRequest = z.infer<typeof ReminderRequest>;

export const ReminderResult = z.object({
  /** The send record: `accepted`, or `skipped` when nobody was left to remind (and nothing was sent). */
  status: z.enum(['accepted', 'skipped']),
  /** How many travelers the reminder went to: those still invited when it ran. */
  travelerCount: z.int(),
});
export type ReminderResult = z.infer<typeof ReminderResult>;

/**
 * `POST /api/schedules/events/:eventId`: plans a send (Send later). `action` `send` carries the invite/send body
 * (`type`, `userIds` left out for every traveler); `remind` carries `type` only: who to remind is read when it runs,
 * the travelers still `INVITED` then. `sendAt` is an ISO 8601 instant, after now and within SCHEDULE_MAX_AHEAD_DAYS.
 * Answers 201 with the scheduled send (a SendSummary with status `scheduled`).
 */
export const ScheduleRequest = z.object({
  action: z.enum(['send', 'remind']),
  sendAt: z.iso.datetime({ offset: true }),
  type: z.optional(EventType),
  userIds: z.optional(
    z.array(z.object({ id: z.string() })).check(z.minLength(1), z.maxLength(MAX_INVITE_USER_IDS)),
  ),
});
export type ScheduleRequest = z.infer<typeof ScheduleRequest>;

/** `POST /api/schedules/:id/reschedule` with `{ sendAt }`: moves a send still `scheduled` (409 once it started). */
export const RescheduleRequest = z.object({ sendAt: z.iso.datetime({ offset: true }) });
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

/** The furthest ahead a send may be planned. */
export const SCHEDULE_MAX_AHEAD_DAYS = 366;

/**
 * `GET /api/history/events/:eventId/scheduled`: the event's sends still `scheduled`, soonest due first (at most
 * 100), as the reader's role may see them; its History lists them above the others, which leave them out.
 */
export const ScheduledSends = z.object({ sends: z.array(SendSummary) });
export type ScheduledSends = z.infer<typeof ScheduledSends>;
