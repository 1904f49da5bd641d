/** What the invite form of an event takes, and what it gives the traveler picker and the History it lays out. */
import type { ReactNode } from 'react';
import type { EventStatus, EventType } from '#contract';
import type { SendDetail } from '#contract/send-history';
import type { MappedEntry } from '@/components/send-errors/map-errors';
import type { Selection } from '../hooks/use-selection';
import type { RecentInvitesCheck } from '../utils/recent-invites-check';

export interface InvitePanelProps {
  eventId: string;
  /** The event's own type: where "Event type" starts. */
  eventType: EventType;
  eventStatus?: EventStatus;
  /** Every traveler of the event: the count "Invite all travelers" confirms. */
  travelerCount: number;
  /** Why the signed-in person may not send (their role); undefined when they may. The form is then read-only. */
  sendNotAllowedReason?: string;
  /** The traveler picker and the chosen travelers, side by side, working on this form's selection. */
  travelers: (slot: TravelersSlot) => ReactNode;
  /** Below the form: the event's History, which may load a refused send back into the form. */
  history?: (slot: HistorySlot) => ReactNode;
  /** Who of the travelers about to be invited already got an invite lately, asked in the confirmation. */
  recentInvites?: RecentInvitesCheck;
  /** The event venue's IANA time zone, shown beside the manager's in "Send later". */
  venueTimeZone?: string;
}

/** What the picker and the chosen travelers get from the form. */
export interface TravelersSlot {
  selection: Selection;
  /** "Invite all travelers" is on: the picker takes no choices. */
  inviteAll: boolean;
  /** The API's entries about one traveler, by user id, and about the list as a whole. */
  travelerErrors: ReadonlyMap<string, readonly MappedEntry[]>;
  pickerErrors: readonly MappedEntry[];
  /** "Choose at least one traveler…", after a press of "Send invites" that the rule refused. */
  validationMessage?: string;
  /** Takes every traveler the API refused out of the selection. */
  removeTravelersWithErrors: () => void;
  /** The first traveler rows are on screen: the History may load. */
  onFirstRowsShown: () => void;
}

/** What the History gets from the form. */
export interface HistorySlot {
  /** Absent for a person who may not send. */
  onLoad?: (record: SendDetail) => void;
  /** A send is under way: nothing is loaded meanwhile. */
  loadDisabled: boolean;
  afterFirstRows: boolean;
}
