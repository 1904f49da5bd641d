/**
 * What a list shows of a send's answer: how many `errorMessages` entries it carried and the first one's message.
 * Stored with the record when it is completed, so a History or Activity page never parses a refusal's outcome
 * (an entry per traveler: up to megabytes) only to count it.
 */
import type { SendStatus } from '#contract/send-history';
import { envelopeOf } from './send-views.ts';

export interface StoredErrorSummary {
  error_count: number;
  first_error_message: string | null;
}

export function errorSummaryOf(status: SendStatus, body: unknown): StoredErrorSummary {
  const entries = envelopeOf(status, body)?.errorMessages ?? [];
  return { error_count: entries.length, first_error_message: entries[0]?.message ?? null };
}
