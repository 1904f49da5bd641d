import type { ActivityOutcome } from '#contract/send-history';
import { sendOutcomeWords } from './send-outcome';

export interface OutcomeOption {
  value: ActivityOutcome;
  label: string;
}

/**
 * The Outcome filter's choices, in the table's own words: "Outcome unknown" selects both kinds the table calls
 * that (`pending`: no answer recorded, `failed`: no clear answer), as the server's `outcome=unknown` does.
 */
export const OUTCOME_OPTIONS: readonly OutcomeOption[] = [
  { value: 'accepted', label: sendOutcomeWords('accepted', 'send').label },
  { value: 'refused', label: sendOutcomeWords('refused', 'send').label },
  { value: 'unknown', label: sendOutcomeWords('failed', 'send').label },
];
