/**
 * The Activity export: one CSV row per send, streamed batch by batch as the reader downloads it, so an export of
 * the whole history never sits in memory. A viewer's file has no traveler ids and no error messages (they name
 * travelers), as their pages have none.
 */
import { csvLine, UTF8_BOM, type CsvValue } from './csv.ts';
import type { SendSummaryRow } from './send-queries.ts';
import { errorEnvelope, storedOutcome } from './send-views.ts';

export const ACTIVITY_CSV_HEADER = [
  'Sent at',
  'Person',
  'Email',
  'Role',
  'Event id',
  'Event name',
  'Action',
  'Event type',
  'Scope',
  'Travelers',
  'Outcome',
  'HTTP status',
  'Error codes',
  'Error messages',
  'Debug identifier',
  'Record id',
  'Traveler ids',
] as const;

const OUTCOME_WORDS: Record<string, string> = {
  accepted: 'Sent',
  refused: 'Refused',
  failed: 'Outcome unknown',
  pending: 'Outcome unknown',
};

export function activityCsvValues(row: SendSummaryRow, recipientsHidden: boolean): CsvValue[] {
  const envelope = errorEnvelope(row);
  const entries = envelope?.errorMessages ?? [];
  const debugIdentifier = envelope?.debugIdentifier ?? debugIdentifierOf(storedOutcome(row).body);
  return [
    new Date(row.created_at).toISOString(),
    row.person_name,
    row.person_email,
    row.role,
    row.event_id,
    row.event_name,
    row.action === 'test' ? 'Test invite' : 'Invite',
    row.event_type,
    row.scope === 'all' ? 'All travelers' : 'List',
    row.traveler_count,
    OUTCOME_WORDS[row.status] ?? row.status,
    row.http_status,
    entries.map((entry) => entry.errorCode ?? '').join('; '),
    recipientsHidden ? '' : entries.map((entry) => entry.message ?? '').join(' | '),
    debugIdentifier,
    row.id,
    recipientsHidden || row.traveler_ids === undefined
      ? ''
      : (JSON.parse(row.traveler_ids) as string[]).join(' '),
  ];
}

/** An accepted send's answer may carry a debugIdentifier too; anything else has none. */
function debugIdentifierOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as { debugIdentifier?: unknown }).debugIdentifier;
  return typeof value === 'string' ? value : null;
}

/** `invites-activity-2026-05-01.csv`, the day of the download in UTC. */
export function activityCsvFilename(nowMs: number): string {
  return `invites-activity-${new Date(nowMs).toISOString().slice(0, 10)}.csv`;
}

/**
 * The file as a byte stream: the BOM and header first, then one chunk per batch, each batch read from the
 * database only when the reader has taken the previous one (pull), so a slow download holds one batch at most.
 */
export function activityCsvStream(
  batches: AsyncGenerator<SendSummaryRow[]>,
  recipientsHidden: boolean,
  onError: (error: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(ACTIVITY_CSV_HEADER)));
      },
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) return controller.close();
          const lines = next.value.map((row) => csvLine(activityCsvValues(row, recipientsHidden)));
          controller.enqueue(encoder.encode(lines.join('')));
        } catch (error) {
          // The status line has gone already: the download ends short, and the log says why.
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
