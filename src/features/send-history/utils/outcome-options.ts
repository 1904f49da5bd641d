import type { ActivityOutcome } from '#contract/send-history';
import { sendOutcomeWords } from './send-outcome';

export interface OutcomeOption {
  value: ActivityOutcome;
  label: string;
}

/**
 * The Outcome filter's choices, in the table's own words: "Outcome unknown" selects both kinds the table calls
 * that (`pending`: no answer recorded, `failed`: no clear answer), as the server's `outcome=unknown` does; "Not
 * sent" selects `skipped` and `cancelled` (server's `outcome=not-sent`).
 */
export const OUTCOME_OPTIONS: readonly OutcomeOption[] = [
  { value: 'accepted', label: sendOutcomeWords('accepted', 'send').label },
  { value: 'refused', label: sendOutcomeWords('refused', 'send').label },
  { value: 'unknown', label: sendOutcomeWords('failed', 'send').label },
  { value: 'scheduled', label: sendOutcomeWords('scheduled', 'send').label },
  // Both kinds the table calls "Not sent" or "Cancelled": nothing went out, on purpose.
  { value: 'not-sent', label: 'Not sent' },
];
