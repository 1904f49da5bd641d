import * as z from 'zod/mini';
import { EventType } from '#contract';

export const NO_TRAVELER_MESSAGE = 'Choose at least one traveler, or switch on "Invite all travelers".';

/**
 * A traveler the manager has chosen. The name and email are kept with the id so the chips can show who is
 * selected even when the picker's current search or filter no longer lists them.
 */
export const SelectedTraveler = z.object({
  id: z.string(),
  // Unknown for travelers chosen in bulk ("Select all" reads ids only): their chips look the names up.
  name: z.optional(z.string()),
  email: z.optional(z.string()),
});
export type SelectedTraveler = z.infer<typeof SelectedTraveler>;

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
