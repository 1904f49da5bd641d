/**
 * The Spotnana API contract: zod schemas and their inferred types, with field names taken from Spotnana's
 * published OpenAPI descriptions (Event API v2, Users API v3, Auth API). The console and the embedded sandbox
 * both import this module; nothing else defines these shapes.
 *
 * Object schemas are loose (unknown fields pass through) because a real tenant returns many more fields than
 * the console reads, and a new field must never break parsing.
 */
import { z } from 'zod';

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

export const Reference = z.looseObject({ id: z.string(), name: z.string().optional() });
export type Reference = z.infer<typeof Reference>;

const LOCAL_DATE_TIME = /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-4]):([0-5][0-9])(:([0-5][0-9]))?$/;
const OFFSET_DATE_TIME =
  /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-4]):([0-5][0-9])(:([0-5][0-9]))?(Z|([+-](0[0-9]|1[0-4]):([0-5][0-9])))$/;

/** `DateTimeLocal`: a wall-clock time with no zone, e.g. `2017-07-21T17:32`. */
export const DateTimeLocal = z.looseObject({ iso8601: z.string().regex(LOCAL_DATE_TIME) });
export type DateTimeLocal = z.infer<typeof DateTimeLocal>;

/** `DateTimeOffset`: an instant, e.g. `2017-07-21T17:32Z`. */
export const DateTimeOffset = z.looseObject({ iso8601: z.string().regex(OFFSET_DATE_TIME) });
export type DateTimeOffset = z.infer<typeof DateTimeOffset>;

export const Latlng = z.looseObject({ latitude: z.number(), longitude: z.number() });

export const PostalAddress = z.looseObject({
  addressLines: z.array(z.string()),
  regionCode: z.string(),
  administrativeArea: z.string().optional(),
  locality: z.string().optional(),
  postalCode: z.string().optional(),
  timezone: z.string().optional(),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

export const EventLocation = z.looseObject({
  address: PostalAddress.optional(),
  coordinates: Latlng.optional(),
});
export type EventLocation = z.infer<typeof EventLocation>;

/** `OffsetBasedPaginationResponseParams` (called `PaginationResponseParams` in the description). */
export const PaginationResponseParams = z.looseObject({ totalNumResults: z.number().int() });
export type PaginationResponseParams = z.infer<typeof PaginationResponseParams>;

// ---------------------------------------------------------------- errors

export const ErrorParameter = z.looseObject({
  name: z.string().optional(),
  value: z.string().optional(),
});
export type ErrorParameter = z.infer<typeof ErrorParameter>;

export const ErrorMessage = z.looseObject({
  errorCode: z.string().optional(),
  message: z.string().optional(),
  errorParameters: z.array(ErrorParameter).optional(),
  errorDetail: z.string().optional(),
});
export type ErrorMessage = z.infer<typeof ErrorMessage>;

/** The error envelope of every 4xx: every field optional, unknown fields tolerated. */
export const ErrorResponse = z.looseObject({
  debugIdentifier: z.string().optional(),
  errorMessages: z.array(ErrorMessage).optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

// ---------------------------------------------------------------- events

export const Event = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  type: EventType.optional(),
  status: EventStatus.optional(),
  description: z.string().optional(),
  startDateTime: DateTimeLocal.optional(),
  endDateTime: DateTimeLocal.optional(),
  location: EventLocation.optional(),
  numTravelers: z.number().int().optional(),
  parentEventId: z.string().optional(),
  companyId: EntityId.optional(),
  runningStatus: EventRunningStatus.optional(),
});
export type Event = z.infer<typeof Event>;

export const GetEventResponse = z.looseObject({ event: Event.optional() });
export type GetEventResponse = z.infer<typeof GetEventResponse>;

const offset = z.number().int().min(0);

export const ListEventsRequest = z.looseObject({
  listEventType: ListEventType.optional(),
  offset: offset.optional(),
  limit: z.number().int().min(0).max(100).optional(),
  filters: z.array(z.looseObject({})).optional(),
  sortOptions: z.array(z.looseObject({})).optional(),
});
export type ListEventsRequest = z.infer<typeof ListEventsRequest>;

export const ListEventsResponse = z.looseObject({
  events: z.array(Event).optional(),
  paginationParams: PaginationResponseParams.optional(),
});
export type ListEventsResponse = z.infer<typeof ListEventsResponse>;

// ---------------------------------------------------------------- travelers

export const TravelerSearchFilter = z.looseObject({
  type: z.literal('TRAVELER_SEARCH_FILTER'),
  searchTerm: z.string().optional(),
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
  offset: offset.optional(),
  limit: z.number().int().min(0).max(100).optional(),
  type: EventType.optional(),
  filters: z.array(EventTravelerFilter).optional(),
});
export type EventTravelersRequest = z.infer<typeof EventTravelersRequest>;

export const EventUserRsvp = z.looseObject({
  userId: UserId.optional(),
  eventRsvpState: EventRsvpState.optional(),
  invitedAt: DateTimeOffset.optional(),
});
export type EventUserRsvp = z.infer<typeof EventUserRsvp>;

export const TravelerEventInfo = z.looseObject({
  userId: UserId.optional(),
  eventUserRsvp: EventUserRsvp.optional(),
});
export type TravelerEventInfo = z.infer<typeof TravelerEventInfo>;

export const EventTravelersResponse = z.looseObject({
  travelerEventInfos: z.array(TravelerEventInfo).optional(),
  paginationParams: PaginationResponseParams.optional(),
});
export type EventTravelersResponse = z.infer<typeof EventTravelersResponse>;

export const RemoveTravelersFromEventRequest = z.looseObject({
  type: EventType.optional(),
  userIds: z.array(z.looseObject({ id: z.string() })).min(1).max(10),
});
export type RemoveTravelersFromEventRequest = z.infer<typeof RemoveTravelersFromEventRequest>;

export const RemoveTravelersFromEventResponse = z.looseObject({ removedUserIds: z.array(UserId).optional() });
export type RemoveTravelersFromEventResponse = z.infer<typeof RemoveTravelersFromEventResponse>;

// ---------------------------------------------------------------- invites

/**
 * `SendInviteRequest`. Leaving `userIds` out invites every traveler of the event. The ids are deliberately not
 * checked as UUIDs here: the API answers a bad id with an error that names it (`userIds[3].id`), and the
 * console must show that answer rather than refuse to ask.
 */
export const SendInviteRequest = z.looseObject({
  type: EventType.optional(),
  userIds: z.array(z.looseObject({ id: z.string() })).optional(),
});
export type SendInviteRequest = z.infer<typeof SendInviteRequest>;

// ---------------------------------------------------------------- users

export const Name = z.looseObject({
  given: z.string(),
  family1: z.string(),
  family2: z.string().optional(),
  middle: z.string().optional(),
  preferred: z.string().optional(),
});
export type Name = z.infer<typeof Name>;

export const UserDetail = z.looseObject({
  userId: UserId,
  persona: Persona.optional(),
  isActive: z.boolean().optional(),
  personalDetail: z.looseObject({ name: Name.optional() }).optional(),
  businessDetail: z
    .looseObject({
      businessEmail: z.string().optional(),
      designation: z.string().optional(),
    })
    .optional(),
});
export type UserDetail = z.infer<typeof UserDetail>;

export const UserListFilter = z.looseObject({
  userIds: z.array(EntityId).optional(),
  emails: z.array(z.string()).optional(),
});
export type UserListFilter = z.infer<typeof UserListFilter>;

export const ListUsersV3Request = z.looseObject({
  companyId: EntityId.optional(),
  tmcId: EntityId.optional(),
  searchText: z.string().optional(),
  userStatusFilter: z.enum(['ACTIVE', 'INACTIVE', 'ALL']).optional(),
  pagination: z.looseObject({
    offset: offset.optional(),
    limit: z.number().int().min(1).optional(),
  }),
  filters: z.array(UserListFilter).optional(),
});
export type ListUsersV3Request = z.infer<typeof ListUsersV3Request>;

export const ListUsersV3Response = z.looseObject({
  users: z.array(UserDetail).optional(),
  pagination: PaginationResponseParams.optional(),
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
  expires_in: z.number().int().optional(),
});
export type OAuthTokenResponse = z.infer<typeof OAuthTokenResponse>;
