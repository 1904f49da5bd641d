import * as z from 'zod/mini';

/**
 * A traveler the manager has chosen: what the picker adds, the chips show and the invite form sends. The name
 * and email are kept with the id so the chips can show who is selected even when the picker's current search or
 * filter no longer lists them.
 */
export const SelectedTraveler = z.object({
  id: z.string(),
  // Unknown for travelers chosen in bulk ("Select all" reads ids only): their chips look the names up.
  name: z.optional(z.string()),
  email: z.optional(z.string()),
});
export type SelectedTraveler = z.infer<typeof SelectedTraveler>;
