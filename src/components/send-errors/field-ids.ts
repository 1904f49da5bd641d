/**
 * Element ids the error summary links to. Fixed ids for the form's own fields; traveler ids come from the API,
 * so they are reduced to a safe token first: API text never lands in an `href` or a selector as it came.
 */
export const EVENT_TYPE_ID = 'event-type';
export const SEARCH_ID = 'traveler-search';
export const PICKER_ID = 'traveler-picker';
export const PICKER_ERRORS_ID = 'traveler-picker-errors';
export const SELECTION_ID = 'selected-travelers';

const SAFE = /^[A-Za-z0-9_-]{1,100}$/;

/** UUIDs pass through; anything else becomes the hex of its UTF-16 code units. */
function travelerToken(userId: string): string {
  if (SAFE.test(userId)) return userId;
  return `x${Array.from(userId, (c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')}`;
}

export const travelerCheckboxId = (userId: string) => `traveler-${travelerToken(userId)}-checkbox`;
export const travelerRowErrorsId = (userId: string) => `traveler-${travelerToken(userId)}-row-errors`;
export const travelerChipId = (userId: string) => `traveler-${travelerToken(userId)}-chip`;
export const travelerChipErrorsId = (userId: string) => `traveler-${travelerToken(userId)}-chip-errors`;
