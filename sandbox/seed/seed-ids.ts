/**
 * The fixed identities of the seed, so that tests, browser tests and people can name an event or a company.
 * Every id is a valid version-4 UUID; the readable prefixes only help when reading logs (c… company,
 * e… event, a… API client user).
 */
import type { EventRsvpState } from '#contract';

/** Acme Corp: the company of the sandbox API client. */
export const SEED_COMPANY_ID = 'c0000000-0000-4000-8000-000000000001';
/** Globex Industries: another company; its events answer 403 to the sandbox client. */
export const SEED_OTHER_COMPANY_ID = 'c0000000-0000-4000-8000-000000000002';

/** The user the sandbox API client acts as (its invite/test e-mails go to this user's address). */
export const SEED_API_CLIENT_USER_ID = 'a0000000-0000-4000-8000-000000000001';
export const SEED_API_CLIENT_EMAIL = 'events-team@acme.example';

export const SEED_EVENT_IDS = {
  /** "Global Partner Summit 2027": 10,000 travelers in mixed RSVP states. */
  largeSummit: 'e0000000-0000-4000-8000-000000000001',
  /** "Sales Kickoff 2027": 25 travelers in mixed states. */
  kickoff: 'e0000000-0000-4000-8000-000000000002',
  /** A PROGRAM with three PROGRAM_SESSION children. */
  program: 'e0000000-0000-4000-8000-000000000003',
  programSession1: 'e0000000-0000-4000-8000-000000000004',
  programSession2: 'e0000000-0000-4000-8000-000000000005',
  programSession3: 'e0000000-0000-4000-8000-000000000006',
  /** A PROGRAM_TRIP under session 1. */
  programTrip: 'e0000000-0000-4000-8000-000000000007',
  /** A GENERIC event in DRAFT: invites are refused. */
  draft: 'e0000000-0000-4000-8000-000000000008',
  /** A CANCELLED event: invites are refused. */
  cancelled: 'e0000000-0000-4000-8000-000000000009',
  /** Started two days before the seed, ends three days after: upcoming and IN_PROGRESS. */
  inProgress: 'e0000000-0000-4000-8000-00000000000a',
  /** Ended events (PAST_OR_COMPLETED). */
  pastSummit: 'e0000000-0000-4000-8000-00000000000b',
  pastTrip: 'e0000000-0000-4000-8000-00000000000c',
  /** An event of Globex Industries: 403 for the sandbox client. */
  otherCompany: 'e0000000-0000-4000-8000-00000000000d',
  /**
   * An event of Acme Corp whose answers carry no `companyId` (the Event API allows that): the console learns the
   * company from a traveler's profile (`GET /v2/users/{userId}`) to look names up.
   */
  noCompanyId: 'e0000000-0000-4000-8000-00000000000e',
} as const;

export type SeedEventKey = keyof typeof SEED_EVENT_IDS;

type StateCounts = Partial<Record<EventRsvpState, number>>;

/** How many travelers each seeded event starts with in each RSVP state. */
export const SEED_TRAVELER_STATES = {
  largeSummit: { ADDED: 8450, INVITED: 900, INVITE_ACCEPTED: 400, INVITE_DECLINED: 200, REMOVED: 50 },
  kickoff: { ADDED: 10, INVITED: 7, INVITE_ACCEPTED: 4, INVITE_DECLINED: 2, REMOVED: 2 },
  program: { ADDED: 6, INVITED: 3, INVITE_ACCEPTED: 3 },
  programSession1: { ADDED: 4, INVITED: 4, INVITE_ACCEPTED: 4 },
  programSession2: { ADDED: 12 },
  programSession3: { ADDED: 12 },
  programTrip: { ADDED: 3, INVITED: 3, INVITE_ACCEPTED: 2 },
  draft: { ADDED: 15 },
  cancelled: { ADDED: 8, INVITED: 8, INVITE_ACCEPTED: 4 },
  inProgress: { INVITED: 4, INVITE_ACCEPTED: 24, INVITE_DECLINED: 2 },
  pastSummit: { INVITED: 5, INVITE_ACCEPTED: 30, INVITE_DECLINED: 5 },
  pastTrip: { INVITE_ACCEPTED: 16, INVITE_DECLINED: 2 },
  otherCompany: { ADDED: 6, INVITED: 4, INVITE_ACCEPTED: 2 },
  noCompanyId: { ADDED: 5, INVITED: 2, INVITE_ACCEPTED: 1 },
} as const satisfies Record<SeedEventKey, StateCounts>;

/** How many people each company has (the API client's user included in Acme's). */
export const SEED_USER_COUNTS = { acme: 10_051, globex: 60 } as const;
