// @vitest-environment node
/**
 * `GET /api/history/sends.csv`: the Activity as a file Excel opens (BOM, RFC 4180, CRLF), cells a spreadsheet would
 * run as formulas neutralised, the same visibility as the page, and streamed batch by batch from the database.
 */
import { describe, expect, it, vi } from 'vitest';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { ACTIVITY_CSV_HEADER, activityCsvValues } from './activity-csv.ts';
import type { SendExportRow } from './send-queries.ts';
import { createHistoryApp } from './testing/history-app.ts';
import { insertRows, MARCUS, PRIYA, recordRow, SOFIA } from './testing/seed-records.ts';

const T = Date.UTC(2026, 4, 1, 9);
const HOSTILE_PERSON = { ...SOFIA, name: '+1 Sofía, "the boss"' };
const HOSTILE_ENVELOPE = {
  debugIdentifier: '@dbg',
  errorMessages: [
    { errorCode: 'A', message: '-2 travelers', errorParameters: [] },
    { errorCode: 'B', message: '@SUM(A1:A9)', errorParameters: [] },
    // A traveler's name, quoted in the API's own message.
    { errorCode: 'C', message: 'x;=HYPERLINK("http://evil.example","y") was removed', errorParameters: [] },
  ],
};

/** The file's records (CRLF-separated; none of these cells holds a line break). */
const recordsOf = (text: string) => text.split('\r\n').slice(0, -1);

describe.each(testDialects)('the Activity CSV export on $name', (dialect) => {
  const database = useTestDatabase(dialect);
  const setUp = async () => {
    const consoleDb = await database.open();
    await insertRows(consoleDb, [
      recordRow({ id: 'r1', at: T, person: MARCUS, userIds: ['u-2', 'u-1'] }),
      recordRow({
        id: 'r2',
        at: T + 1_000,
        person: HOSTILE_PERSON,
        eventName: '=HYPERLINK("https://evil.example","Open")',
        status: 'refused',
        outcome: { body: HOSTILE_ENVELOPE },
      }),
      recordRow({
        id: 'r3',
        at: T + 2_000,
        person: PRIYA,
        action: 'test',
        userIds: undefined,
        status: 'pending',
      }),
    ]);
    return createHistoryApp(consoleDb);
  };

  it('is a CSV attachment named for the day, never cached', async () => {
    const h = await setUp();
    const response = await h.app.request('/api/history/sends.csv', { headers: await h.as(PRIYA, 'admin') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="invites-activity-${today}.csv"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has a header row, then one row per send newest first, with formulas neutralised', async () => {
    const h = await setUp();
    const text = await (
      await h.app.request('/api/history/sends.csv', { headers: await h.as(PRIYA, 'admin') })
    ).text();
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, pending, refused, sent] = recordsOf(text.replace(/^\uFEFF/, ''));
    expect(header).toBe(ACTIVITY_CSV_HEADER.join(','));
    expect(header!.split(',')[0]).toBe('Sent at (UTC)'); // the cells are ISO instants in UTC
    expect(sent).toBe(
      `2026-05-01T09:00:00.000Z,Marcus Webb,${MARCUS.email},sender,ev-1,Team Offsite,Invite,MEETING,List,2,Sent,200,,,,r1,u-2 u-1,,`,
    );
    expect(refused).toBe(
      [
        '2026-05-01T09:00:01.000Z',
        `"'+1 Sofía, ""the boss"""`,
        SOFIA.email,
        'sender',
        'ev-1',
        `"'=HYPERLINK(""https://evil.example"",""Open"")"`,
        'Invite',
        'MEETING',
        'List',
        '2',
        'Refused',
        '400',
        'A; B; C',
        `"'-2 travelers | '@SUM(A1:A9) | x;'=HYPERLINK(""http://evil.example"",""y"") was removed"`,
        "'@dbg",
        'r2',
        'u-1 u-2',
        '',
        '',
      ].join(','),
    );
    expect(pending).toBe(
      `2026-05-01T09:00:02.000Z,Priya Raman,${PRIYA.email},admin,ev-1,Team Offsite,Test invite,MEETING,All travelers,,Outcome unknown,,,,,r3,,,`,
    );
  });

  it('gives a viewer no traveler ids and no error messages; a sender only their own sends', async () => {
    const h = await setUp();
    const viewer = recordsOf(
      await (
        await h.app.request('/api/history/sends.csv', { headers: await h.as('Jonas Becker', 'viewer') })
      ).text(),
    );
    expect(viewer).toHaveLength(4);
    for (const row of viewer.slice(1)) expect(row).toMatch(/,r\d,,,$/);
    expect(viewer[2]).toContain(',A; B; C,,');
    const sender = recordsOf(
      await (await h.app.request('/api/history/sends.csv', { headers: await h.as(MARCUS) })).text(),
    );
    expect(sender.slice(1).map((row) => row.split(',')[15])).toEqual(['r1']);
    const filtered = recordsOf(
      await (
        await h.app.request('/api/history/sends.csv?outcome=unknown', { headers: await h.as(PRIYA, 'admin') })
      ).text(),
    );
    expect(filtered.slice(1).map((row) => row.split(',')[15])).toEqual(['r3']);
  });

  it('refuses bad filters with 400 before any byte of the file', async () => {
    const h = await setUp();
    const response = await h.app.request('/api/history/sends.csv?to=soon', {
      headers: await h.as(PRIYA, 'admin'),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  /** The app, with a record of each batch the export read and whether it let go of its query. */
  const watched = async (count: number, userIds?: string[]) => {
    const consoleDb = await database.open();
    const rows = Array.from({ length: count }, (_, i) =>
      recordRow({ id: `s-${String(i).padStart(4, '0')}`, at: T + i, ...(userIds && { userIds }) }),
    );
    await insertRows(consoleDb, rows);
    const h = createHistoryApp(consoleDb);
    const seen = { batches: [] as number[], closed: false };
    const batches = h.queries.batches.bind(h.queries);
    vi.spyOn(h.queries, 'batches').mockImplementation(async function* (filters, options) {
      try {
        for await (const batch of batches(filters, options)) {
          seen.batches.push(batch.length);
          yield batch as SendExportRow[];
        }
      } finally {
        seen.closed = true;
      }
    });
    const response = await h.app.request('/api/history/sends.csv', { headers: await h.as(PRIYA, 'admin') });
    return { rows, seen, reader: response.body!.getReader() };
  };

  it('streams many rows, reading the next batch from the database only when the last one was taken', async () => {
    const { rows, seen, reader } = await watched(1_234);
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const first = decoder.decode((await reader.read()).value);
    expect(first).toBe(`\uFEFF${ACTIVITY_CSV_HEADER.join(',')}\r\n`);
    expect(seen.batches).toEqual([]);
    let text = first;
    let chunks = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks += 1;
      expect(seen.batches).toHaveLength(chunks);
      text += decoder.decode(chunk.value);
    }
    // 25 rows a read: a row may hold 20,000 traveler ids.
    expect(seen).toEqual({ batches: [...Array<number>(49).fill(25), 9], closed: true });
    const ids = recordsOf(text)
      .slice(1)
      .map((row) => row.split(',')[15]);
    expect(ids).toEqual(rows.map((row) => row.id).reverse());
  });

  it('writes long rows one chunk each, holding one batch of rows at most', async () => {
    // 5,000 ids of 14 characters: a line of about 75,000 characters, more than a chunk's share.
    const ids = Array.from({ length: 5_000 }, (_, i) => `traveler-${String(i).padStart(5, '0')}`);
    const { seen, reader } = await watched(60, ids);
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    await reader.read(); // the header
    let delivered = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const lines = recordsOf(decoder.decode(chunk.value));
      expect(lines).toHaveLength(1);
      expect(lines[0]!.endsWith(`${ids.join(' ')},,`)).toBe(true);
      delivered += 1;
      // The next 25 rows are read only when the 26th is asked for.
      expect(seen.batches).toHaveLength(Math.ceil(delivered / 25));
    }
    expect(delivered).toBe(60);
    expect(seen).toEqual({ batches: [25, 25, 10], closed: true });
  });

  it('stops reading the database when the download is abandoned', async () => {
    const { seen, reader } = await watched(1_200);
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(seen).toEqual({ batches: [25], closed: true });
  });
});

describe('an Activity CSV row', () => {
  it('reads a send’s stored answer (up to megabytes of JSON) once', () => {
    // An envelope without a debugIdentifier: the answer's body is looked at a second time for one.
    const { debugIdentifier: _, ...envelope } = HOSTILE_ENVELOPE;
    const row = recordRow({
      id: 'r',
      at: T,
      status: 'failed',
      outcome: { failure: 'http-503', body: envelope },
    });
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const values = activityCsvValues(row, false);
      expect([values[12], values[14]]).toEqual(['A; B; C', null]);
      // The stored answer once, the traveler ids once.
      expect(parse.mock.calls.map(([text]) => text)).toEqual([row.outcome_json, row.traveler_ids]);
    } finally {
      parse.mockRestore();
    }
  });
});
