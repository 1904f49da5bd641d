import type { ComponentType } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RecentInvites } from '#contract/send-history';
import type { InjectedQueryOptions } from '@/lib/injected-query';

/**
 * The send history's check of who already got an invite lately, asked once per confirmation and shown in it; the
 * page that composes the form passes it in (features do not import each other). "Send" waits for its answer.
 */
export interface RecentInvitesCheck {
  queryOptions: (
    eventId: string,
    confirmationId: string,
    userIds: readonly string[] | undefined,
  ) => InjectedQueryOptions<RecentInvites>;
  Notice: ComponentType<{ query: UseQueryResult<RecentInvites>; count: number; all: boolean }>;
  /** The notice's element id: part of the dialog's description. */
  noticeId: string;
}
