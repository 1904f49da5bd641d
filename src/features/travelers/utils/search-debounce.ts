/**
 * How long typing in "Search travelers" pauses before the server is asked. Short enough that the list follows
 * the typing (the benchmark's goal is 300 ms from the last keystroke to the updated list, this pause included);
 * long enough that a word typed at a normal pace costs one request, not one per letter. A request a keystroke
 * made stale is cancelled, so a slow typist costs the server little more.
 */
export const SEARCH_DEBOUNCE_MS = 150;
