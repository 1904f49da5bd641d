/**
 * Checking the `userIds` of a request against an event's travelers. Each bad id is its own entry naming its
 * place in the request (`userIds[3].id`) and the id itself, with an errorCode that says what is wrong with it,
 * so the console can put each message on the right traveler.
 */
import { z } from 'zod';
import type { EventRsvpState, UserId } from '#contract';
import { param, type ErrorEntry } from '../../server/http/errors.ts';
import type { TravelerStore } from '../store/traveler-store.ts';

const Uuid = z.uuid();

export interface TravelerIdCheck {
  /** The distinct ids, lower-cased (UUIDs compare case-insensitively), in request order. */
  ids: string[];
  entries: ErrorEntry[];
}

export function checkTravelerIds(
  travelers: TravelerStore,
  eventId: string,
  userIds: readonly UserId[],
  { removedIsError }: { removedIsError: boolean },
): TravelerIdCheck {
  const ids = userIds.map((userId) => userId.id.toLowerCase());
  const wellFormed = ids.filter((id) => Uuid.safeParse(id).success);
  const states = travelers.statesOf(eventId, wellFormed);

  const entries: ErrorEntry[] = [];
  userIds.forEach((userId, i) => {
    const problem = problemWith(ids[i]!, states.get(ids[i]!), removedIsError);
    if (problem) entries.push({ ...problem, errorParameters: [param(`userIds[${i}].id`, userId.id)] });
  });
  return { ids: [...new Set(ids)], entries };
}

function problemWith(
  id: string,
  state: EventRsvpState | undefined,
  removedIsError: boolean,
): { errorCode: string; message: string } | null {
  if (!Uuid.safeParse(id).success)
    return { errorCode: 'INVALID_USER_ID', message: 'This user id is not a valid UUID.' };
  if (state === undefined) {
    return { errorCode: 'TRAVELER_NOT_IN_EVENT', message: 'This user is not a traveler of the event.' };
  }
  if (state === 'REMOVED' && removedIsError) {
    return { errorCode: 'TRAVELER_REMOVED', message: 'This traveler has been removed from the event.' };
  }
  return null;
}
