/** The recent-invites notice's element id: part of the confirmation's description. */
export const RECENT_INVITES_ID = 'send-confirm-recent-invites';
