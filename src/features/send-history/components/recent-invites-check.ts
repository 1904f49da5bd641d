import { recentInvitesQueryOptions } from '../api/get-recent-invites';
import { RECENT_INVITES_ID, RecentInvitesNotice } from './recent-invites-notice';

/** The check the send confirmation makes before its yes: who of these travelers got an invite in the last 24 hours. */
export const recentInvitesCheck = {
  queryOptions: recentInvitesQueryOptions,
  Notice: RecentInvitesNotice,
  noticeId: RECENT_INVITES_ID,
};
