/**
 * React Query keys of send records, from general to specific:
 *
 *   ['events', 'detail', eventId, 'sends']                             one event's History (sharedKeys.eventSends)
 *   ['events', 'detail', eventId, 'sends', 'recent', confirmationId]   recent invites of a send being confirmed
 *   ['events', 'detail', eventId, 'sends', 'scheduled']                the event's sends still waiting for their time
 *   ['sends', recordId]                                                one send record in full
 *   ['send-records', 'activity']                                       the Activity page
 *   ['send-records', 'activity', 'sends', {filters, offset, limit}]    (GET /api/history/sends)
 *   ['send-records', 'activity', 'facets']                             (GET /api/history/facets)
 *
 * An event's History sits under the event's shared root and the Activity page under `sharedKeys.sendRecords`:
 * a send or a test invite on the event page invalidates both.
 */
import type { ActivityFilters } from '#contract/send-history';
import { sharedKeys } from '@/lib/query-keys';
import type { ActivityPageRange } from '../utils/activity-filters';

export const sendRecordKeys = {
  eventSends: sharedKeys.eventSends,
  /** Keyed by the confirmation, not by its (up to 10,000) ids: each confirmation asks once. */
  recentInvites: (eventId: string, confirmationId: string) =>
    [...sharedKeys.eventSends(eventId), 'recent', confirmationId] as const,
  /** Under the History's key: whatever refreshes the History (a send, a scheduling) refreshes it too. */
  scheduledSends: (eventId: string) => [...sharedKeys.eventSends(eventId), 'scheduled'] as const,
  /** One send in full: a record never moves to another event, so it needs no event in its key. */
  record: (recordId: string) => ['sends', recordId] as const,
  activity: [...sharedKeys.sendRecords, 'activity'] as const,
  activitySends: (filters: ActivityFilters, range: ActivityPageRange) =>
    [...sendRecordKeys.activity, 'sends', { ...filters, offset: range.offset, limit: range.limit }] as const,
  activityFacets: () => [...sendRecordKeys.activity, 'facets'] as const,
};
