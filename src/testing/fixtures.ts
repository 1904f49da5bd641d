/** Realistic API objects for component tests; override what a test is about. */
import type { Role } from '#contract/console-auth';
import type { Event, EventRsvpState } from '#contract';
import type { SendSummary } from '#contract/send-history';

/** What `GET /auth/session` answers: who is signed in. */
export interface TestSession {
  name: string;
  email: string;
  role: Role;
}

export function makeSession(overrides: Partial<TestSession> = {}): TestSession {
  return { name: 'Maria Manager', email: 'maria@acme.example', role: 'sender', ...overrides };
}

export const ACME_COMPANY_ID = '6f1f8a52-0a52-4c1c-9a52-acme00000001';

export function makeEvent(overrides: Partial<Event> = {}): Event {
  return {
    id: 'evt-kickoff',
    name: 'Acme Kick-off 2027',
    type: 'GENERIC',
    status: 'PUBLISH',
    description: 'Annual kick-off for the sales organisation.',
    startDateTime: { iso8601: '2027-01-18T09:00' },
    endDateTime: { iso8601: '2027-01-20T17:00' },
    location: {
      address: {
        addressLines: ['Friedrichstraße 100'],
        postalCode: '10117',
        locality: 'Berlin',
        regionCode: 'DE',
      },
    },
    numTravelers: 25,
    companyId: { id: ACME_COMPANY_ID },
    ...overrides,
  };
}

/** The body `travelers-list` answers a count request (`limit: 0`) with. */
export function countResponse(total: number) {
  return { travelerEventInfos: [], paginationParams: { totalNumResults: total } };
}

/** The RSVP state a `travelers-list` request filters on, if it filters on exactly one. */
export function rsvpStateFilterOf(body: unknown): EventRsvpState | undefined {
  const filters =
    (body as { filters?: Array<{ type: string; rsvpStates?: EventRsvpState[] }> })?.filters ?? [];
  const states = filters.find((f) => f.type === 'INVITATION_STATUS_FILTER')?.rsvpStates;
  return states?.length === 1 ? states[0] : undefined;
}

/** An accepted send by Maria to three travelers of the kick-off, three hours ago, as the history lists it. */
export function makeSendSummary(overrides: Partial<SendSummary> = {}): SendSummary {
  const createdAt = Date.now() - 3 * 3600_000;
  return {
    id: 'snd-1',
    createdAt: new Date(createdAt).toISOString(),
    completedAt: new Date(createdAt + 900).toISOString(),
    person: { subject: 'sub-maria', name: 'Maria Manager', email: 'maria@acme.example' },
    role: 'sender',
    eventId: 'evt-kickoff',
    eventName: 'Acme Kick-off 2027',
    action: 'send',
    eventType: 'GENERIC',
    scope: 'list',
    travelerCount: 3,
    status: 'accepted',
    httpStatus: 200,
    errorCount: 0,
    firstErrorMessage: null,
    dueAt: null,
    lateMinutes: null,
    ...overrides,
  };
}
