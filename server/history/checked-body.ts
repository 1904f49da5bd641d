/**
 * A JSON request body checked against a contract schema before anything is recorded: malformed JSON, or the
 * schema's first 20 problems, each an entry naming its field as Spotnana's 400s do (`userIds[3].id`) with the
 * value it had, so the form can show it at that field.
 */
import * as z from 'zod/mini';
import { fieldParams, jsonPath, type ErrorEntry } from '../http/errors.ts';

const MAX_ENTRIES = 20;

export type CheckedBody<T> = { ok: true; value: T } | { ok: false; errors: ErrorEntry[] };

export function checkJsonBody<S extends z.core.$ZodType>(text: string, schema: S): CheckedBody<z.output<S>> {
  let input: unknown = {};
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch {
      return {
        ok: false,
        errors: [{ errorCode: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' }],
      };
    }
  }
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, MAX_ENTRIES).map((issue) => issueEntry(issue, input)),
  };
}

function issueEntry(issue: z.core.$ZodIssue, input: unknown): ErrorEntry {
  return {
    errorCode: 'INVALID_PARAMETER',
    message: `${jsonPath(issue.path) || 'Request body'}: ${issue.message}`,
    errorParameters: fieldParams(input, issue.path),
  };
}
