import * as z from 'zod/mini';
import { EventType } from '#contract';
import { SelectedTraveler } from '@/types/selected-traveler';

export const NO_TRAVELER_MESSAGE = 'Choose at least one traveler, or switch on "Invite all travelers".';

/**
 * The invite form. `selected` is an array, not an id-keyed object: its order is the order of `userIds` in the
 * request (which `userIds[i].id` errors point into), and ids from the API never become object keys.
 */
export const InviteFormSchema = z
  .object({
    type: EventType,
    inviteAll: z.boolean(),
    selected: z.array(SelectedTraveler),
  })
  .check(
    z.superRefine((values, ctx) => {
      if (!values.inviteAll && values.selected.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['selected'], message: NO_TRAVELER_MESSAGE });
      }
    }),
  );
export type InviteFormValues = z.infer<typeof InviteFormSchema>;
