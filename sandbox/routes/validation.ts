/**
 * The one way a sandbox route reads its JSON body: parse, then check it with the contract's zod schema.
 * Malformed JSON and every schema violation become a 400 envelope with one entry per problem, each naming the
 * JSON path of the field (`userIds[0].id`) and the offending value, as Spotnana's own 400s do.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { errorResponse, fieldParams, jsonPath, type ErrorEntry } from '../../server/http/errors.ts';

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

export interface ReadBodyOptions {
  /** A missing body is an error; otherwise it counts as `{}` (the request bodies of most routes are optional). */
  required?: boolean;
}

export async function readJsonBody<S extends z.core.$ZodType>(
  c: Context,
  schema: S,
  options: ReadBodyOptions = {},
): Promise<BodyResult<z.output<S>>> {
  const text = await c.req.text();
  let input: unknown = {};
  if (text.trim() === '') {
    if (options.required) {
      return fail([
        { errorCode: 'MISSING_BODY', message: 'The request needs a JSON body.', errorParameters: [] },
      ]);
    }
  } else {
    try {
      input = JSON.parse(text);
    } catch (error) {
      return fail([
        {
          errorCode: 'MALFORMED_JSON',
          message: 'The request body is not valid JSON.',
          errorParameters: [],
          errorDetail: error instanceof Error ? error.message : String(error),
        },
      ]);
    }
  }
  // The contract's schemas are `zod/mini`; the function form parses any zod schema.
  const result = z.safeParse(schema, input);
  if (!result.success) return fail(issuesToEntries(result.error.issues, input));
  return { ok: true, data: result.data };
}

function fail(entries: ErrorEntry[]): { ok: false; response: Response } {
  return { ok: false, response: errorResponse(400, entries) };
}

/** One entry per zod issue. A problem with the body as a whole names no field. */
export function issuesToEntries(issues: readonly z.core.$ZodIssue[], input: unknown): ErrorEntry[] {
  return issues.map((issue) => ({
    errorCode: issue.code.toUpperCase(),
    message: `${jsonPath(issue.path) || 'Request body'}: ${issue.message}`,
    errorParameters: fieldParams(input, issue.path),
  }));
}
