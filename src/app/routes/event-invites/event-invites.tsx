import { useMemo } from 'react';
import type { EventStatus, EventType } from '#contract';
import { InvitePanel } from '@/features/invites';
import { recentInvitesCheck, SendHistorySection, type TravelerNames } from '@/features/send-history';
import {
  SelectedTravelers,
  TravelerPicker,
  USERS_PAGE_SIZE,
  userNamesQueryOptions,
  type RsvpStateCounts,
} from '@/features/travelers';

export interface EventInvitesProps {
  eventId: string;
  eventType: EventType;
  eventStatus?: EventStatus;
  /** Every traveler of the event. */
  travelerCount: number;
  /** The event's company: the Users API resolves traveler names within it. */
  companyId?: string;
  /** The event's RSVP counts, for the picker's filter chips (the event page owns their query). */
  rsvpCounts?: RsvpStateCounts;
  sendNotAllowedReason?: string;
  /** The event venue's IANA time zone: "Send later" and "Change time" show its local time. */
  venueTimeZone?: string;
}

/**
 * The event page's invite form composed of three features: the invite form (invites) around the picker and the
 * chosen travelers (travelers), the recent-invites check in its confirmation and the History below it
 * (send-history). Each gets what it needs of the others through the form's slots.
 */
export function EventInvites({ companyId, rsvpCounts, ...form }: EventInvitesProps) {
  const { eventId, travelerCount } = form;
  const namesScope = useMemo(() => ({ eventId, companyId }), [eventId, companyId]);
  const travelerNames = useMemo<TravelerNames>(
    () => ({ maxIds: USERS_PAGE_SIZE, queryOptions: (ids) => userNamesQueryOptions(namesScope, ids) }),
    [namesScope],
  );
  return (
    <InvitePanel
      {...form}
      recentInvites={recentInvitesCheck}
      travelers={({ selection, inviteAll, travelerErrors, ...slot }) => (
        <>
          <TravelerPicker
            eventId={eventId}
            companyId={companyId}
            travelerCount={travelerCount}
            rsvpCounts={rsvpCounts}
            disabled={inviteAll}
            selectedIds={selection.selectedIds}
            onToggle={selection.toggle}
            onSelectMany={selection.selectMany}
            onClearSelection={selection.clear}
            travelerErrors={travelerErrors}
            pickerErrors={slot.pickerErrors}
            validationMessage={slot.validationMessage}
            onFirstRowsShown={slot.onFirstRowsShown}
          />
          <SelectedTravelers
            selected={selection.selected}
            namesScope={namesScope}
            travelerErrors={travelerErrors}
            onRemove={(userId) => selection.remove([userId])}
            onRemoveWithErrors={slot.removeTravelersWithErrors}
          />
        </>
      )}
      history={(slot) => (
        <SendHistorySection
          eventId={eventId}
          travelerNames={travelerNames}
          venueTimeZone={form.venueTimeZone}
          // A viewer may not schedule, so may not move or cancel what others scheduled.
          canChangeScheduled={form.sendNotAllowedReason === undefined}
          {...slot}
        />
      )}
    />
  );
}
