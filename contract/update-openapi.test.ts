// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventRsvpState, EventSortField, EventType, SortOrder } from './spotnana.ts';
import { OPERATIONS, subsetSpec } from './update-openapi.ts';

const spec = {
  openapi: '3.1.0',
  info: { title: 'Demo', version: '1', description: 'long prose' },
  paths: {
    '/v2/things/{id}': {
      get: {
        operationId: 'getThing',
        summary: 'Get',
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        },
      },
      delete: { operationId: 'deleteThing', responses: { '204': {} } },
    },
    '/v2/other': {
      post: { operationId: 'other', responses: { '200': { $ref: '#/components/responses/Other' } } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        description: 'A thing',
        example: { kind: 'A' },
        properties: { kind: { $ref: '#/components/schemas/Kind' }, description: { type: 'string' } },
      },
      Kind: { type: 'string', enum: ['A', 'B'], description: 'Which kind' },
      Unused: { type: 'string' },
    },
    responses: { Other: { description: 'other' } },
  },
} as const;

describe('contract:update', () => {
  it('keeps the named operations and every schema they reach, with enums, and strips prose', () => {
    const subset = subsetSpec(JSON.parse(JSON.stringify(spec)), ['getThing']);
    expect(Object.keys(subset.paths as object)).toEqual(['/v2/things/{id}']);
    expect(Object.keys((subset.paths as Record<string, object>)['/v2/things/{id}']!)).toEqual(['get']);
    expect(subset.components).toEqual({
      schemas: {
        Kind: { type: 'string', enum: ['A', 'B'] },
        Thing: {
          type: 'object',
          properties: { kind: { $ref: '#/components/schemas/Kind' }, description: { type: 'string' } },
        },
      },
    });
    expect(JSON.stringify(subset)).not.toMatch(/prose|"summary"|"example"/);
  });

  it('refuses an operation the description does not have', () => {
    expect(() => subsetSpec(JSON.parse(JSON.stringify(spec)), ['getThing', 'nope'])).toThrow(/nope/);
  });

  it('the committed subset holds every operation the console and the sandbox use', () => {
    for (const [file, operations] of Object.entries(OPERATIONS)) {
      const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, 'openapi', file), 'utf8'));
      const ids = Object.values(committed.paths as Record<string, Record<string, { operationId?: string }>>)
        .flatMap((item) => Object.values(item).map((operation) => operation.operationId))
        .filter(Boolean);
      expect(ids.sort(), file).toEqual([...operations].sort());
    }
  });

  it("the contract module's enums are the descriptions' enums", () => {
    const events = JSON.parse(readFileSync(resolve(import.meta.dirname, 'openapi/event-api.json'), 'utf8'));
    const schemas = events.components.schemas as Record<string, { enum?: string[] }>;
    expect([...EventType.options].sort()).toEqual([...schemas.EventType!.enum!].sort());
    expect([...EventRsvpState.options].sort()).toEqual([...schemas.EventRsvpState!.enum!].sort());
    const sortOptions = schemas.SearchEventSortOptions as { properties: { sortField: { enum: string[] } } };
    expect([...EventSortField.options].sort()).toEqual([...sortOptions.properties.sortField.enum].sort());
    expect([...SortOrder.options].sort()).toEqual([...schemas.SortOrder!.enum!].sort());
  });
});
