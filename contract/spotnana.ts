/**
 * The Spotnana API contract: zod schemas and their inferred types, with field names taken from Spotnana's
 * published OpenAPI descriptions (Event API v2, Users API v3, Auth API). The console and the embedded sandbox
 * both import this module; nothing else defines these shapes.
 *
 * Object schemas are loose (unknown fields pass through) because a real tenant returns many more fields than
 * the console reads, and a new field must never break parsing.
 *
 * Written with `zod/mini`: the same schemas and types as classic zod, but functions instead of methods, so the
 * browser bundle carries only the checks it uses (classic zod attaches every method to every schema and cannot
 * be tree-shaken). `.parse`/`.safeParse` still work on every schema.
 */
import * as z from 'zod/mini';

// zod probes whether `new Function` is allowed in order to compile faster parsers. Under the console's
// Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') that probe is refused, and Chromium reports a CSP
// violation for it. Opting out of the compiled parsers avoids the probe; parsing stays correct and fast enough.
z.config({ jitless: true });

// ---------------------------------------------------------------- enums

export const EventType = z.enum(['GENERIC', 'PROGRAM', 'PROGRAM_SESSION', 'PROGRAM_TRIP']);
export type EventType = z.infer<typeof EventType>;

export const EventStatus = z.enum(['DRAFT', 'PUBLISH', 'CANCELLED']);
export type EventStatus = z.infer<typeof EventStatus>;

export const EventRsvpState = z.enum(['ADDED', 'INVITED', 'INVITE_ACCEPTED', 'INVITE_DECLINED', 'REMOVED']);
export type EventRsvpState = z.infer<typeof EventRsvpState>;

export const EventRunningStatus = z.enum(['IN_PROGRESS', 'UPCOMING', 'COMPLETED']);
export type EventRunningStatus = z.infer<typeof EventRunningStatus>;

export const ListEventType = z.enum(['UPCOMING', 'PAST_OR_COMPLETED', 'CANCELLED_EVENT']);
export type ListEventType = z.infer<typeof ListEventType>;

export const Persona = z.enum(['UNKNOWN_PERSONA', 'EMPLOYEE', 'GUEST', 'PERSONAL', 'RELATIVE', 'ADHOC']);
export type Persona = z.infer<typeof Persona>;

// ---------------------------------------------------------------- common objects

/** `UserId`: `{id}` where id is a UUID. The request schemas check the format; responses are trusted. */
export const UserId = z.looseObject({ id: z.string() });
export type UserId = z.infer<typeof UserId>;

export const EntityId = z.looseObject({ id: z.string() });
export type EntityId = z.infer<typeof EntityId>;

export const Reference = z.looseObject({ id: z.string(), name: z.optional(z.string()) });
export type Reference = z.infer<typeof Reference>;

const LOCAL_DATE_TIME =
  /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-4]):([0-5][0-9])(:([0-5][0-9]))?$/;
const OFFSET_DATE_TIME =
  /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-4]):([0-5][0-9])(:([0-5][0-9]))?(Z|([+-](0[0-9]|1[0-4]):([0-5][0-9])))$/;

/** `DateTimeLocal`: a wall-clock time with no zone, e.g. `2017-07-21T17:32`. */
export const DateTimeLocal = z.looseObject({ iso8601: z.string().check(z.regex(LOCAL_DATE_TIME)) });
export type DateTimeLocal = z.infer<typeof DateTimeLocal>;

/** `DateTimeOffset`: an instant, e.g. `2017-07-21T17:32Z`. */
export const DateTimeOffset = z.looseObject({ iso8601: z.string().check(z.regex(OFFSET_DATE_TIME)) });
export type DateTimeOffset = z.infer<typeof DateTimeOffset>;

export const Latlng = z.looseObject({ latitude: z.number(), longitude: z.number() });

export const PostalAddress = z.looseObject({
  addressLines: z.array(z.string()),
  regionCode: z.string(),
  administrativeArea: z.optional(z.string()),
  locality: z.optional(z.string()),
  postalCode: z.optional(z.string()),
  timezone: z.optional(z.string()),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

export const EventLocation = z.looseObject({
  address: z.optional(PostalAddress),
  coordinates: z.optional(Latlng),
});
export type EventLocation = z.infer<typeof EventLocation>;

/** `OffsetBasedPaginationResponseParams` (called `PaginationResponseParams` in the description). */
export const PaginationResponseParams = z.looseObject({ totalNumResults: z.int() });
export type PaginationResponseParams = z.infer<typeof PaginationResponseParams>;

// ---------------------------------------------------------------- errors

export const ErrorParameter = z.looseObject({
  name: z.optional(z.string()),
  value: z.optional(z.string()),
});
export type ErrorParameter = z.infer<typeof ErrorParameter>;

export const ErrorMessage = z.looseObject({
  errorCode: z.optional(z.string()),
  message: z.optional(z.string()),
  errorParameters: z.optional(z.array(ErrorParameter)),
  errorDetail: z.optional(z.string()),
});
export type ErrorMessage = z.infer<typeof ErrorMessage>;

/** The error envelope of every 4xx: every field optional, unknown fields tolerated. */
export const ErrorResponse = z.looseObject({
  debugIdentifier: z.optional(z.string()),
  errorMessages: z.optional(z.array(ErrorMessage)),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

// ---------------------------------------------------------------- events

export const Event = z.looseObject({
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  type: z.optional(EventType),
  status: z.optional(EventStatus),
  description: z.optional(z.string()),
  startDateTime: z.optional(DateTimeLocal),
  endDateTime: z.optional(DateTimeLocal),
  location: z.optional(EventLocation),
  numTravelers: z.optional(z.int()),
  parentEventId: z.optional(z.string()),
  companyId: z.optional(EntityId),
  runningStatus: z.optional(EventRunningStatus),
});
export type Event = z.infer<typeof Event>;

export const GetEventResponse = z.looseObject({ event: z.optional(Event) });
export type GetEventResponse = z.infer<typeof GetEventResponse>;

const offset = z.int().check(z.minimum(0));

/** `EventFilter` is a one-of of single-key wrappers; these are the ones the console sends. */
export const EventNameFilter = z.looseObject({ eventNameFilter: z.string() });
export const EventTypeFilter = z.looseObject({
  eventTypeFilter: z.looseObject({ types: z.optional(z.array(EventType)) }),
});
export const EventParentFilter = z.looseObject({
  eventParentFilter: z.looseObject({ parentEventId: z.string() }),
});
export type EventParentFilter = z.infer<typeof EventParentFilter>;
/** One entry of `filters`: a known wrapper, or another of the description's (dates, status, ids), passed through. */
export const EventFilter = z.union([EventNameFilter, EventTypeFilter, EventParentFilter, z.looseObject({})]);
export type EventFilter = z.infer<typeof EventFilter>;

export const EventSortField = z.enum([
  'START_DATE',
  'END_DATE',
  'EVENT_NAME',
  'CREATION_DATE',
  'TRAVELER_NAME',
]);
export type EventSortField = z.infer<typeof EventSortField>;
export const SortOrder = z.enum(['ASC', 'DESC']);
export type SortOrder = z.infer<typeof SortOrder>;
export const SearchEventSortOptions = z.looseObject({ sortField: EventSortField, sortOrder: SortOrder });
export type SearchEventSortOptions = z.infer<typeof SearchEventSortOptions>;

export const ListEventsRequest = z.looseObject({
  listEventType: z.optional(ListEventType),
  offset: z.optional(offset),
  limit: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
  filters: z.optional(z.array(EventFilter)),
  sortOptions: z.optional(z.array(SearchEventSortOptions)),
});
export type ListEventsRequest = z.infer<typeof ListEventsRequest>;

export const ListEventsResponse = z.looseObject({
  events: z.optional(z.array(Event)),
  paginationParams: z.optional(PaginationResponseParams),
});
export type ListEventsResponse = z.infer<typeof ListEventsResponse>;

// ---------------------------------------------------------------- travelers

export const TravelerSearchFilter = z.looseObject({
  type: z.literal('TRAVELER_SEARCH_FILTER'),
  searchTerm: z.optional(z.string()),
});
export const InvitationStatusFilter = z.looseObject({
  type: z.literal('INVITATION_STATUS_FILTER'),
  rsvpStates: z.array(EventRsvpState),
});
/** The booking-status filters exist in the description; the console does not use them. */
const BookingStatusFilter = z.looseObject({
  type: z.enum([
    'AIR_BOOKING_STATUS_FILTER',
    'RAIL_BOOKING_STATUS_FILTER',
    'CAR_BOOKING_STATUS_FILTER',
    'HOTEL_BOOKING_STATUS_FILTER',
  ]),
});
export const EventTravelerFilter = z.discriminatedUnion('type', [
  TravelerSearchFilter,
  InvitationStatusFilter,
  BookingStatusFilter,
]);
export type EventTravelerFilter = z.infer<typeof EventTravelerFilter>;

export const EventTravelersRequest = z.looseObject({
  offset: z.optional(offset),
  limit: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
  type: z.optional(EventType),
  filters: z.optional(z.array(EventTravelerFilter)),
});
export type EventTravelersRequest = z.infer<typeof EventTravelersRequest>;

export const EventUserRsvp = z.looseObject({
  userId: z.optional(UserId),
  eventRsvpState: z.optional(EventRsvpState),
  invitedAt: z.optional(DateTimeOffset),
});
export type EventUserRsvp = z.infer<typeof EventUserRsvp>;

export const TravelerEventInfo = z.looseObject({
  userId: z.optional(UserId),
  eventUserRsvp: z.optional(EventUserRsvp),
});
export type TravelerEventInfo = z.infer<typeof TravelerEventInfo>;

export const EventTravelersResponse = z.looseObject({
  travelerEventInfos: z.optional(z.array(TravelerEventInfo)),
  paginationParams: z.optional(PaginationResponseParams),
});
export type EventTravelersResponse = z.infer<typeof EventTravelersResponse>;

export const RemoveTravelersFromEventRequest = z.looseObject({
  type: z.optional(EventType),
  userIds: z.array(z.looseObject({ id: z.string() })).check(z.minLength(1), z.maxLength(10)),
});
export type RemoveTravelersFromEventRequest = z.infer<typeof RemoveTravelersFromEventRequest>;

export const RemoveTravelersFromEventResponse = z.looseObject({
  removedUserIds: z.optional(z.array(UserId)),
});
export type RemoveTravelersFromEventResponse = z.infer<typeof RemoveTravelersFromEventResponse>;

// ---------------------------------------------------------------- invites

/**
 * `SendInviteRequest`. Leaving `userIds` out invites every traveler of the event. The ids are deliberately not
 * checked as UUIDs here: the API answers a bad id with an error that names it (`userIds[3].id`), and the
 * console must show that answer rather than refuse to ask.
 */
export const SendInviteRequest = z.looseObject({
  type: z.optional(EventType),
  userIds: z.optional(z.array(z.looseObject({ id: z.string() }))),
});
export type SendInviteRequest = z.infer<typeof SendInviteRequest>;

/**
 * The most travelers one invite/send may name: a larger list goes as "every traveler", or in parts. Not in
 * Spotnana's description: larger than any event the console serves, small enough that a request full of bad ids
 * cannot make an answer (one entry per id) grow without bound.
 */
export const MAX_INVITE_USER_IDS = 20_000;
/** A Spotnana id as the console lets one leave: letters, digits, `-` and `_` (UUIDs and the like), at most 64. */
export const SPOTNANA_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * An invite/send body as the console's server lets it be recorded and forwarded: `type` from the enum, and at most
 * MAX_INVITE_USER_IDS distinct, well-formed ids. Whether they are travelers of the event is Spotnana's to say;
 * a request the console's own form makes always passes.
 */
export const WellFormedSendInviteRequest = z
  .looseObject({
    type: z.optional(EventType),
    userIds: z.optional(
      z
        .array(z.looseObject({ id: z.string().check(z.regex(SPOTNANA_ID, 'Not a Spotnana id.')) }))
        .check(z.maxLength(MAX_INVITE_USER_IDS)),
    ),
  })
  .check(
    z.superRefine(({ userIds }, ctx) => {
      const seen = new Set<string>();
      userIds?.forEach(({ id }, index) => {
        if (seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['userIds', index, 'id'],
            message: 'Named twice.',
            input: id,
          });
        }
        seen.add(id);
      });
    }),
  );

// ---------------------------------------------------------------- users

export const Name = z.looseObject({
  given: z.string(),
  family1: z.string(),
  family2: z.optional(z.string()),
  middle: z.optional(z.string()),
  preferred: z.optional(z.string()),
});
export type Name = z.infer<typeof Name>;

export const UserDetail = z.looseObject({
  userId: UserId,
  persona: z.optional(Persona),
  isActive: z.optional(z.boolean()),
  personalDetail: z.optional(z.looseObject({ name: z.optional(Name) })),
  businessDetail: z.optional(
    z.looseObject({
      businessEmail: z.optional(z.string()),
      designation: z.optional(z.string()),
    }),
  ),
});
export type UserDetail = z.infer<typeof UserDetail>;

/**
 * `GET /v2/users/{userId}` answers the whole profile; only what the console reads is described here (loose
 * objects keep the rest). `businessInfo.organizationRef.id` is the user's company, which names an event's
 * company when the event's own answer carries no `companyId`.
 */
export const UserProfile = z.looseObject({
  id: z.optional(z.string()),
  personalInfo: z.optional(z.looseObject({ name: z.optional(Name) })),
  businessInfo: z.optional(
    z.looseObject({
      email: z.optional(z.string()),
      organizationRef: Reference,
      legalEntityRef: z.optional(Reference),
    }),
  ),
  persona: z.optional(Persona),
  isActive: z.optional(z.boolean()),
});
export type UserProfile = z.infer<typeof UserProfile>;

export const UserListFilter = z.looseObject({
  userIds: z.optional(z.array(EntityId)),
  emails: z.optional(z.array(z.string())),
});
export type UserListFilter = z.infer<typeof UserListFilter>;

export const ListUsersV3Request = z.looseObject({
  companyId: z.optional(EntityId),
  tmcId: z.optional(EntityId),
  searchText: z.optional(z.string()),
  userStatusFilter: z.optional(z.enum(['ACTIVE', 'INACTIVE', 'ALL'])),
  pagination: z.looseObject({
    offset: z.optional(offset),
    limit: z.optional(z.int().check(z.minimum(1))),
  }),
  filters: z.optional(z.array(UserListFilter)),
});
export type ListUsersV3Request = z.infer<typeof ListUsersV3Request>;

export const ListUsersV3Response = z.looseObject({
  users: z.optional(z.array(UserDetail)),
  pagination: z.optional(PaginationResponseParams),
});
export type ListUsersV3Response = z.infer<typeof ListUsersV3Response>;

// ---------------------------------------------------------------- auth

export const OAuthTokenRequest = z.looseObject({
  grant_type: z.string(),
  client_id: z.string(),
  client_secret: z.string(),
});
export type OAuthTokenRequest = z.infer<typeof OAuthTokenRequest>;

export const OAuthTokenResponse = z.looseObject({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.optional(z.int()),
});
export type OAuthTokenResponse = z.infer<typeof OAuthTokenResponse>;
