/** `/v2/events/{eventId}/{rest}` with the id encoded: event ids come from the URL and must not change the path. */
export function eventPath(eventId: string, rest: string): string {
  return `/v2/events/${encodeURIComponent(eventId)}/${rest}`;
}
