import { lazy } from 'react';
import { recentInvitesQueryOptions } from '../api/get-recent-invites';
import { RECENT_INVITES_ID } from './recent-invites-id';

// Its wording and MUI's Alert load with the confirmation that shows them, not with the event page.
const RecentInvitesNotice = lazy(() =>
  import('./recent-invites-notice').then((m) => ({ default: m.RecentInvitesNotice })),
);

/** The check the send confirmation makes before its yes: who of these travelers got an invite in the last 24 hours. */
export const recentInvitesCheck = {
  queryOptions: recentInvitesQueryOptions,
  Notice: RecentInvitesNotice,
  noticeId: RECENT_INVITES_ID,
};
