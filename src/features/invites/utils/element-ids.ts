/** The form's sentence saying why this person may not send: every send button of the page is described by it. */
export const NOT_ALLOWED_ID = 'invite-not-allowed-reason';
