/**
 * The sandbox's SQLite database: pragmas, schema and first seed.
 *
 * Durability: WAL with synchronous=FULL, so a committed send survives a crash of the process or the machine,
 * and each send is one transaction, so a SIGKILL in the middle of one leaves all of it or none of it.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { seedSandbox } from '../seed/seed.ts';

export type SandboxDatabase = Database.Database;

/** Bump when the schema changes: an older file is then wiped and reseeded instead of failing on a missing column. */
const SCHEMA_VERSION = 5;

const SCHEMA = `
CREATE TABLE companies (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  legal_entity_id   TEXT NOT NULL,
  legal_entity_name TEXT NOT NULL
);

CREATE TABLE users (
  id          TEXT PRIMARY KEY,
  company_id  TEXT NOT NULL REFERENCES companies(id),
  given       TEXT NOT NULL,
  middle      TEXT,
  family      TEXT NOT NULL,
  email       TEXT NOT NULL UNIQUE,
  designation TEXT,
  is_active   INTEGER NOT NULL DEFAULT 1,
  sort_name   TEXT NOT NULL, -- fold("given family"): the order of every list of people
  search_text TEXT NOT NULL, -- folded name forms and lower(email), one a line: what a search term must occur in
  created_at  TEXT NOT NULL  -- DateTimeLocal
);
CREATE INDEX users_by_company_name ON users(company_id, sort_name, id);

-- A trigram index of the people's search_text, so a search of 3+ characters reads only the people whose text
-- holds it (traveler-search.ts) instead of every traveler of the event. External content: the text is stored
-- once, in users, and the triggers keep the index in step (users has no INTEGER PRIMARY KEY, so the index
-- follows its implicit rowid, which only a VACUUM would renumber; the sandbox never runs one).
-- case_sensitive 1: text and terms are folded already, and without folding of its own the index matches
-- exactly the substrings that instr() finds.
CREATE VIRTUAL TABLE users_search USING fts5(
  search_text, content = 'users', content_rowid = 'rowid', tokenize = 'trigram case_sensitive 1'
);
CREATE TRIGGER users_search_insert AFTER INSERT ON users BEGIN
  INSERT INTO users_search (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
CREATE TRIGGER users_search_delete AFTER DELETE ON users BEGIN
  INSERT INTO users_search (users_search, rowid, search_text) VALUES ('delete', OLD.rowid, OLD.search_text);
END;
CREATE TRIGGER users_search_update AFTER UPDATE OF search_text ON users BEGIN
  INSERT INTO users_search (users_search, rowid, search_text) VALUES ('delete', OLD.rowid, OLD.search_text);
  INSERT INTO users_search (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;

CREATE TABLE api_clients (
  client_id     TEXT PRIMARY KEY,
  secret_sha256 TEXT NOT NULL,
  user_id       TEXT NOT NULL REFERENCES users(id) -- the user the client acts as: its company and e-mail
);

-- Only a hash of each token is kept: a copy of the file does not hand out working tokens.
CREATE TABLE tokens (
  token_sha256 TEXT PRIMARY KEY,
  client_id    TEXT NOT NULL REFERENCES api_clients(client_id) ON DELETE CASCADE,
  expires_at   INTEGER NOT NULL -- epoch milliseconds
);
CREATE INDEX tokens_by_expiry ON tokens(expires_at);

CREATE TABLE events (
  id              TEXT PRIMARY KEY,
  company_id      TEXT NOT NULL REFERENCES companies(id),
  parent_event_id TEXT REFERENCES events(id),
  name            TEXT NOT NULL,
  description     TEXT NOT NULL,
  type            TEXT NOT NULL CHECK (type IN ('GENERIC', 'PROGRAM', 'PROGRAM_SESSION', 'PROGRAM_TRIP')),
  status          TEXT NOT NULL CHECK (status IN ('DRAFT', 'PUBLISH', 'CANCELLED')),
  start_local     TEXT NOT NULL, -- DateTimeLocal in the event's zone, as shown to people
  end_local       TEXT NOT NULL,
  start_at        INTEGER NOT NULL, -- the same moments as epoch milliseconds, for upcoming/past
  end_at          INTEGER NOT NULL,
  location        TEXT NOT NULL, -- EventLocation as JSON
  answers_company_id INTEGER NOT NULL DEFAULT 1 -- 0: the event's answers leave companyId out (the API allows it)
);
CREATE INDEX events_by_company_end ON events(company_id, end_at);
CREATE INDEX events_by_parent ON events(parent_event_id);

-- Clustered by (event, block, name, user): one event's travelers are stored in list order, so a page is a short
-- sequential read and a search scans one contiguous range without a lookup per row. sort_name and
-- search_text are copies of the user's (people never change here).
-- block numbers runs of TRAVELER_BLOCK_SIZE travelers in list order (0, 1, ...), given when the travelers are
-- inserted: ordering by (block, sort_name, user_id) is then the same as by (sort_name, user_id), and
-- event_block_counts tells in which block the n-th traveler of any filter is, so a deep page starts there
-- instead of stepping over every row before it. A traveler added later must get a block that keeps that order
-- (e.g. its predecessor's); blocks may grow past the size, they only need to be runs in list order.
CREATE TABLE event_travelers (
  event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  block       INTEGER NOT NULL CHECK (typeof(block) = 'integer' AND block >= 0),
  sort_name   TEXT NOT NULL,
  user_id     TEXT NOT NULL REFERENCES users(id),
  rsvp_state  TEXT NOT NULL CHECK (rsvp_state IN ('ADDED', 'INVITED', 'INVITE_ACCEPTED', 'INVITE_DECLINED', 'REMOVED')),
  invited_at  TEXT, -- DateTimeOffset, to the second
  search_text TEXT NOT NULL,
  PRIMARY KEY (event_id, block, sort_name, user_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX event_travelers_by_user ON event_travelers(event_id, user_id);

-- How many travelers each event has in each state, kept by the triggers below: numTravelers is then a lookup
-- instead of a count over 10,000 rows.
CREATE TABLE event_rsvp_counts (
  event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  rsvp_state TEXT NOT NULL,
  travelers  INTEGER NOT NULL,
  PRIMARY KEY (event_id, rsvp_state)
) WITHOUT ROWID;

-- The same per block: the total of an unsearched list and where its n-th traveler is, from at most a few
-- hundred small rows instead of the event's travelers.
CREATE TABLE event_block_counts (
  event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  block      INTEGER NOT NULL,
  rsvp_state TEXT NOT NULL,
  travelers  INTEGER NOT NULL,
  PRIMARY KEY (event_id, block, rsvp_state)
) WITHOUT ROWID;

CREATE TRIGGER event_travelers_counted_insert AFTER INSERT ON event_travelers BEGIN
  INSERT INTO event_rsvp_counts (event_id, rsvp_state, travelers) VALUES (NEW.event_id, NEW.rsvp_state, 1)
    ON CONFLICT DO UPDATE SET travelers = travelers + 1;
  INSERT INTO event_block_counts (event_id, block, rsvp_state, travelers) VALUES (NEW.event_id, NEW.block, NEW.rsvp_state, 1)
    ON CONFLICT DO UPDATE SET travelers = travelers + 1;
END;
CREATE TRIGGER event_travelers_counted_update AFTER UPDATE OF rsvp_state, block ON event_travelers
  WHEN OLD.rsvp_state <> NEW.rsvp_state OR OLD.block <> NEW.block BEGIN
  UPDATE event_rsvp_counts SET travelers = travelers - 1 WHERE event_id = OLD.event_id AND rsvp_state = OLD.rsvp_state;
  INSERT INTO event_rsvp_counts (event_id, rsvp_state, travelers) VALUES (NEW.event_id, NEW.rsvp_state, 1)
    ON CONFLICT DO UPDATE SET travelers = travelers + 1;
  UPDATE event_block_counts SET travelers = travelers - 1
    WHERE event_id = OLD.event_id AND block = OLD.block AND rsvp_state = OLD.rsvp_state;
  INSERT INTO event_block_counts (event_id, block, rsvp_state, travelers) VALUES (NEW.event_id, NEW.block, NEW.rsvp_state, 1)
    ON CONFLICT DO UPDATE SET travelers = travelers + 1;
END;
CREATE TRIGGER event_travelers_counted_delete AFTER DELETE ON event_travelers BEGIN
  UPDATE event_rsvp_counts SET travelers = travelers - 1 WHERE event_id = OLD.event_id AND rsvp_state = OLD.rsvp_state;
  UPDATE event_block_counts SET travelers = travelers - 1
    WHERE event_id = OLD.event_id AND block = OLD.block AND rsvp_state = OLD.rsvp_state;
END;

-- Every e-mail the sandbox would have sent. Nothing reads it but tests and curious developers.
CREATE TABLE outbox (
  id         INTEGER PRIMARY KEY,
  event_id   TEXT NOT NULL REFERENCES events(id),
  user_id    TEXT NOT NULL REFERENCES users(id),
  email      TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('INVITE', 'TEST')),
  created_at TEXT NOT NULL -- DateTimeOffset
);
CREATE INDEX outbox_by_event ON outbox(event_id, user_id);
`;

export interface OpenSandboxOptions {
  /** Wipe every table and seed again. */
  reset?: boolean;
  /** The moment the seed treats as now (upcoming events are after it). Defaults to the real clock. */
  now?: Date;
}

/** Opens (creating when needed) the sandbox database at `path` (`:memory:` for tests), seeded once when empty. */
export function openSandboxDatabase(path: string, options: OpenSandboxOptions = {}): SandboxDatabase {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');

  if (options.reset || !hasCurrentSchema(db)) dropEverything(db);
  db.pragma('foreign_keys = ON');
  if (!hasCurrentSchema(db)) {
    db.transaction(() => {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }
  const { count } = db.prepare('SELECT count(*) AS count FROM companies').get() as { count: number };
  if (count === 0) seedSandbox(db, options.now ?? new Date());
  return db;
}

function hasCurrentSchema(db: SandboxDatabase): boolean {
  const tables = db.prepare(
    `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'event_block_counts'`,
  );
  return db.pragma('user_version', { simple: true }) === SCHEMA_VERSION && tables.pluck().get() === 1;
}

function dropEverything(db: SandboxDatabase): void {
  // Foreign keys off while dropping, so parent tables can go in any order (the pragma is ignored inside a transaction).
  db.pragma('foreign_keys = OFF');
  // Virtual tables first: dropping one drops its shadow tables, which may not be dropped on their own.
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
        ORDER BY sql LIKE 'CREATE VIRTUAL TABLE%' DESC`,
    )
    .pluck()
    .all() as string[];
  db.transaction(() => {
    for (const table of tables) db.exec(`DROP TABLE IF EXISTS "${table}"`);
    db.pragma('user_version = 0');
  })();
}
