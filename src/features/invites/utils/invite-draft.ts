/**
 * The invite form kept across a sign-in: saved to sessionStorage (this tab only, gone with it) when the session
 * ends, read back once when the event's page opens again. Ids only, in one string: 3,000 travelers fit in
 * ~110 KB, and their names are looked up again as for any bulk selection.
 */
import * as z from 'zod/mini';
import { EventType } from '#contract';

/** A draft older than this is from another task: the manager would not expect it back. */
export const DRAFT_MAX_AGE_MS = 60 * 60 * 1000;

export const inviteDraftKey = (eventId: string) => `invites-console:invite-draft:v1:${eventId}`;

const InviteDraft = z.object({
  eventId: z.string(),
  savedAt: z.number(),
  type: EventType,
  inviteAll: z.boolean(),
  /** The selected ids joined by newlines (none contains one: see `saveInviteDraft`), in selection order. */
  ids: z.string(),
});
type InviteDraft = z.infer<typeof InviteDraft>;

export interface DraftValues {
  type: EventType;
  inviteAll: boolean;
  selectedIds: string[];
}

/** False when the draft could not be kept (storage full or off): the caller may say so. */
export function saveInviteDraft(eventId: string, values: DraftValues, now = Date.now()): boolean {
  // An id with a newline would split in two; such an id is not one Spotnana makes, so keep the rest.
  const ids = values.selectedIds.filter((id) => !id.includes('\n')).join('\n');
  const draft: InviteDraft = { eventId, savedAt: now, type: values.type, inviteAll: values.inviteAll, ids };
  try {
    sessionStorage.setItem(inviteDraftKey(eventId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The event's draft while it is fresh; a stale or unreadable one is dropped. Does not remove a fresh one. */
export function readInviteDraft(eventId: string, now = Date.now()): DraftValues | undefined {
  const key = inviteDraftKey(eventId);
  let text: string | null;
  try {
    text = sessionStorage.getItem(key);
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  const parsed = InviteDraft.safeParse(safeJson(text));
  const age = parsed.success ? now - parsed.data.savedAt : -1;
  if (!parsed.success || parsed.data.eventId !== eventId || age < 0 || age > DRAFT_MAX_AGE_MS) {
    removeInviteDraft(eventId);
    return undefined;
  }
  const { type, inviteAll, ids } = parsed.data;
  return { type, inviteAll, selectedIds: ids === '' ? [] : ids.split('\n') };
}

export function removeInviteDraft(eventId: string): void {
  try {
    sessionStorage.removeItem(inviteDraftKey(eventId));
  } catch {
    // Storage is off: there is nothing to remove either.
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
