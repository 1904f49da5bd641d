/**
 * Human labels for the Spotnana enums. The API's values (`INVITE_ACCEPTED`) never reach the screen; these do.
 * Every feature imports its labels from here so the same state reads the same everywhere.
 */
import type { EventRsvpState, EventStatus, EventType, ListEventType } from '#contract';

export const EVENT_TYPE_LABELS: Readonly<Record<EventType, string>> = {
  GENERIC: 'General event',
  PROGRAM: 'Program',
  PROGRAM_SESSION: 'Program session',
  PROGRAM_TRIP: 'Program trip',
};

export const EVENT_STATUS_LABELS: Readonly<Record<EventStatus, string>> = {
  DRAFT: 'Draft',
  PUBLISH: 'Published',
  CANCELLED: 'Cancelled',
};

/** `ADDED` means on the event's list but never invited, which is what a manager calls "not invited". */
export const RSVP_STATE_LABELS: Readonly<Record<EventRsvpState, string>> = {
  ADDED: 'Not invited',
  INVITED: 'Invited',
  INVITE_ACCEPTED: 'Accepted',
  INVITE_DECLINED: 'Declined',
  REMOVED: 'Removed',
};

export const LIST_EVENT_TYPE_LABELS: Readonly<Record<ListEventType, string>> = {
  UPCOMING: 'Upcoming',
  PAST_OR_COMPLETED: 'Past',
  CANCELLED_EVENT: 'Cancelled',
};

/** The order a manager reads RSVP states in: the funnel from not invited to an answer, then removed. */
export const RSVP_STATES_IN_ORDER: readonly EventRsvpState[] = [
  'ADDED',
  'INVITED',
  'INVITE_ACCEPTED',
  'INVITE_DECLINED',
  'REMOVED',
];

/** MUI palette colour for each state, for chips and badges that want one. All pass WCAG AA on the theme. */
export const RSVP_STATE_COLORS: Readonly<
  Record<EventRsvpState, 'default' | 'info' | 'success' | 'error' | 'warning'>
> = {
  ADDED: 'default',
  INVITED: 'info',
  INVITE_ACCEPTED: 'success',
  INVITE_DECLINED: 'error',
  REMOVED: 'warning',
};

export const EVENT_STATUS_COLORS: Readonly<Record<EventStatus, 'default' | 'success' | 'error'>> = {
  DRAFT: 'default',
  PUBLISH: 'success',
  CANCELLED: 'error',
};

/** Labels for values that may be missing or that a newer API version added: never show `undefined`. */
export function eventTypeLabel(type: EventType | undefined): string {
  return type ? (EVENT_TYPE_LABELS[type] ?? type) : 'Unknown type';
}

export function eventStatusLabel(status: EventStatus | undefined): string {
  return status ? (EVENT_STATUS_LABELS[status] ?? status) : 'Unknown status';
}

export function rsvpStateLabel(state: EventRsvpState | undefined): string {
  return state ? (RSVP_STATE_LABELS[state] ?? state) : 'Unknown';
}
