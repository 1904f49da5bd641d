/**
 * The roots of the query keys that more than one feature builds on (features may not import each other):
 *
 *   ['events', 'detail', eventId]            everything cached about one event: the event, its RSVP counts, its
 *                                            travelers' pages and its History. Invalidated after a send, it
 *                                            refreshes all of them.
 *   ['events', 'detail', eventId, 'sends']   the event's History (send records). Invalidated after any send or
 *                                            test invite of the event, whatever its outcome.
 *   ['send-records']                         every list of send records across events (the Activity page and its
 *                                            filters). Invalidated after a send or a test invite, whatever its outcome.
 */
export const sharedKeys = {
  event: (eventId: string) => ['events', 'detail', eventId] as const,
  eventSends: (eventId: string) => [...sharedKeys.event(eventId), 'sends'] as const,
  sendRecords: ['send-records'] as const,
};
