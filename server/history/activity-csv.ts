/**
 * The Activity export: one CSV row per send, streamed as the reader downloads it, so an export of the whole history
 * never sits in memory: the database is read a small batch at a time (history-routes.ts), and each row goes out on
 * its own, or with its short neighbours. A viewer's file has no traveler ids and no error messages (they name
 * travelers), as their pages have none.
 */
import type { SendAction, SendStatus } from '#contract/send-history';
import { csvLine, UTF8_BOM, type CsvValue } from './csv.ts';
import type { SendExportRow } from './send-queries.ts';
import { envelopeOf, storedOutcome } from './send-views.ts';

export const ACTIVITY_CSV_HEADER = [
  'Sent at (UTC)',
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
  'Due at (UTC)',
  'Minutes late',
] as const;

/** Every status and action has its word (satisfies); a value from elsewhere is written as it is. */
const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  accepted: 'Sent',
  refused: 'Refused',
  failed: 'Outcome unknown',
  pending: 'Outcome unknown',
  skipped: 'Nobody to remind',
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
} satisfies Record<SendStatus, string>;

/** A scheduled send that was not run (its scheduler's role, their account, or too late): it says why. */
const NOT_RUN_WORD = 'Not sent';

const ACTION_WORDS: Readonly<Record<string, string>> = {
  send: 'Invite',
  test: 'Test invite',
  remind: 'Reminder',
} satisfies Record<SendAction, string>;

export function activityCsvValues(row: SendExportRow, recipientsHidden: boolean): CsvValue[] {
  const { body } = storedOutcome(row);
  const envelope = envelopeOf(row.status, body);
  const entries = envelope?.errorMessages ?? [];
  const debugIdentifier = envelope?.debugIdentifier ?? debugIdentifierOf(body);
  return [
    new Date(row.created_at).toISOString(),
    row.person_name,
    row.person_email,
    row.role,
    row.event_id,
    row.event_name,
    ACTION_WORDS[row.action] ?? row.action,
    row.event_type,
    row.scope === 'all' ? 'All travelers' : 'List',
    row.traveler_count,
    row.status === 'skipped' && row.due_at !== null && entries.length > 0
      ? NOT_RUN_WORD
      : (OUTCOME_WORDS[row.status] ?? row.status),
    row.http_status,
    entries.map((entry) => entry.errorCode ?? '').join('; '),
    recipientsHidden ? '' : entries.map((entry) => entry.message ?? '').join(' | '),
    debugIdentifier,
    row.id,
    recipientsHidden || row.traveler_ids === undefined
      ? ''
      : (JSON.parse(row.traveler_ids) as string[]).join(' '),
    row.due_at === null ? null : new Date(row.due_at).toISOString(),
    row.late_minutes,
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

/** Short lines go out together up to about this many characters; a longer line goes on its own. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The file as a byte stream: the BOM and header first, then the rows, pulled: each chunk is made when the reader
 * asks for it, from rows already read, and the next batch is read from the database only once every row of the
 * previous one has been taken. So a slow download holds one batch of rows (two while the next is read) and one
 * chunk, however long its rows (up to 20,000 traveler ids each): never the file.
 */
export function activityCsvStream(
  batches: AsyncGenerator<SendExportRow[]>,
  recipientsHidden: boolean,
  onError: (error: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let rows: SendExportRow[] = [];
  let next = 0;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(ACTIVITY_CSV_HEADER)));
      },
      async pull(controller) {
        try {
          let text = '';
          while (text.length < CHUNK_CHARS) {
            if (next === rows.length) {
              if (text !== '') break; // this batch's last lines go first; the database is read on the next pull
              const batch = await batches.next();
              if (batch.done) return controller.close();
              rows = batch.value;
              next = 0;
              continue;
            }
            // The batch is left as it is: its generator reads its last row to find the next one.
            text += csvLine(activityCsvValues(rows[next]!, recipientsHidden));
            next += 1;
          }
          controller.enqueue(encoder.encode(text));
        } catch (error) {
          // The status line has gone already: the download ends short, and the log says why.
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        rows = [];
        await batches.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
