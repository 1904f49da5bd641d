/**
 * Where each entry of a Spotnana `ErrorResponse` belongs on the invite form. One pure function, documented by
 * `map-errors.test.ts`; the components only render what it returns.
 *
 * Rules, applied to every `errorParameters` item of every entry:
 * - name `type` → the Event type select;
 * - name `userIds[i]` or `userIds[i].id` → the traveler its value names, when that is a sent id; otherwise the
 *   traveler at position i of the `userIds` array that was SENT (the request, not whatever is selected now);
 * - name `userIds` → the traveler picker, unless its value is the id of a sent traveler (then that traveler);
 * - any other name (`eventId`, unknown ones) or no name, whose value is the id of a sent traveler → that traveler;
 * - anything else names no field.
 * An entry appears at every field its parameters name (each field once), and in the summary when it names none.
 * No entry is ever dropped, and identical entries are kept apart (each keeps its position in `errorMessages`).
 */
import type { ErrorMessage, ErrorResponse } from '#contract';

export type ErrorField = { kind: 'type' } | { kind: 'userIds' } | { kind: 'traveler'; userId: string };

export interface MappedEntry {
  /** Position in `errorMessages`: a stable key, and what keeps two identical entries apart. */
  index: number;
  error: ErrorMessage;
  /** The fields this entry belongs to, in the order its parameters name them; empty → summary only. */
  fields: ErrorField[];
}

export interface MappedErrors {
  /** Every entry, in the API's order: what the error summary lists. */
  entries: MappedEntry[];
  type: MappedEntry[];
  userIds: MappedEntry[];
  /** Keyed by user id. A Map, because ids come from the API and an object would choke on `__proto__`. */
  travelers: Map<string, MappedEntry[]>;
  /** Entries that name no field at all. */
  summary: MappedEntry[];
  debugIdentifier?: string;
}

const INDEXED_USER_ID = /^userIds\[(\d+)\](?:\.id)?$/;

function sameField(a: ErrorField, b: ErrorField): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'traveler' || a.userId === (b as { userId: string }).userId;
}

function fieldsOf(
  error: ErrorMessage,
  sentUserIds: readonly string[],
  sent: ReadonlySet<string>,
): ErrorField[] {
  const fields: ErrorField[] = [];
  const add = (field: ErrorField) => {
    if (!fields.some((f) => sameField(f, field))) fields.push(field);
  };
  for (const parameter of error.errorParameters ?? []) {
    const name = parameter.name?.trim();
    const value = parameter.value;
    const travelerByValue = value !== undefined && sent.has(value) ? value : undefined;

    if (name === 'type') {
      add({ kind: 'type' });
      continue;
    }
    const indexed = name ? INDEXED_USER_ID.exec(name) : null;
    if (indexed) {
      // A value naming a sent traveler is the surest pointer; the position is for entries that carry none.
      const userId = travelerByValue ?? sentUserIds[Number(indexed[1])];
      if (userId !== undefined) add({ kind: 'traveler', userId });
      continue;
    }
    if (travelerByValue !== undefined) {
      add({ kind: 'traveler', userId: travelerByValue });
      continue;
    }
    if (name === 'userIds') add({ kind: 'userIds' });
  }
  return fields;
}

/**
 * @param body the parsed error envelope
 * @param sentUserIds the `userIds` of the request that failed, in the order sent (empty when the request left them
 *   out, i.e. "invite all travelers")
 */
export function mapErrors(body: ErrorResponse, sentUserIds: readonly string[]): MappedErrors {
  const sent = new Set(sentUserIds);
  const entries = (body.errorMessages ?? []).map((error, index): MappedEntry => ({
    index,
    error,
    fields: fieldsOf(error, sentUserIds, sent),
  }));
  return groupByField(entries, body.debugIdentifier);
}

/**
 * The errors left once a field has changed: the field's entries leave it, and an entry leaves the summary when
 * every field it named has changed. Entries that named no field stay until the next send.
 */
export function clearField(mapped: MappedErrors, field: ErrorField): MappedErrors {
  const entries = mapped.entries.flatMap((entry) => {
    if (!entry.fields.some((f) => sameField(f, field))) return [entry];
    const fields = entry.fields.filter((f) => !sameField(f, field));
    return fields.length > 0 ? [{ ...entry, fields }] : [];
  });
  return groupByField(entries, mapped.debugIdentifier);
}

function groupByField(entries: MappedEntry[], debugIdentifier: string | undefined): MappedErrors {
  const mapped: MappedErrors = {
    entries,
    type: [],
    userIds: [],
    travelers: new Map(),
    summary: [],
    debugIdentifier,
  };
  for (const entry of entries) {
    if (entry.fields.length === 0) mapped.summary.push(entry);
    for (const field of entry.fields) {
      if (field.kind === 'type') mapped.type.push(entry);
      else if (field.kind === 'userIds') mapped.userIds.push(entry);
      else mapped.travelers.set(field.userId, [...(mapped.travelers.get(field.userId) ?? []), entry]);
    }
  }
  return mapped;
}
