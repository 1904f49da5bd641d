/**
 * The roots of the query keys that more than one feature builds on (features may not import each other):
 *
 *   ['events', 'detail', eventId]    everything cached about one event: the event, its RSVP counts, its travelers'
 *                                    pages and its History. Invalidated after a send, it refreshes all of them.
 *   ['send-records']                 every list of recorded sends across events (the Activity page and its
 *                                    filters). Invalidated after a send or a test invite, whatever its outcome.
 */
export const sharedKeys = {
  event: (eventId: string) => ['events', 'detail', eventId] as const,
  sendRecords: ['send-records'] as const,
};
