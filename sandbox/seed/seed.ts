/**
 * The deterministic seed: two companies, about 10,100 people with names from many cultures, the sandbox API
 * client, and the events of seed-events.ts with their travelers. Everything except the dates comes from a
 * seeded PRNG, so every reset produces the same people, ids and RSVP states. One transaction with prepared
 * statements keeps it well under a second.
 */
import type { Database } from 'better-sqlite3';
import type { EventRsvpState } from '#contract';
import { SANDBOX_CREDENTIALS } from '../credentials.ts';
import { sha256Hex } from '../hash.ts';
import { createPrng, type Prng } from './prng.ts';
import { EVENT_SEEDS } from './seed-events.ts';
import {
  SEED_API_CLIENT_EMAIL,
  SEED_API_CLIENT_USER_ID,
  SEED_COMPANY_ID,
  SEED_EVENT_IDS,
  SEED_OTHER_COMPANY_ID,
  SEED_TRAVELER_STATES,
  SEED_USER_COUNTS,
} from './seed-ids.ts';
import { DESIGNATIONS, NAME_CULTURES } from './seed-names.ts';
import { fold, emailLocalPart } from '../text.ts';
import { localDayAt, localToInstant, toOffsetIso } from '../time.ts';
import { TRAVELER_BLOCK_SIZE } from '../store/traveler-blocks.ts';

const SEED = 20_261_126;
const DAY_MS = 86_400_000;

interface Company {
  key: 'acme' | 'globex';
  id: string;
  name: string;
  domain: string;
  legalEntityName: string;
}

const COMPANIES: readonly Company[] = [
  {
    key: 'acme',
    id: SEED_COMPANY_ID,
    name: 'Acme Corp',
    domain: 'acme.example',
    legalEntityName: 'Acme Corporation Inc.',
  },
  {
    key: 'globex',
    id: SEED_OTHER_COMPANY_ID,
    name: 'Globex Industries',
    domain: 'globex.example',
    legalEntityName: 'Globex Industries Ltd.',
  },
];

interface Person {
  id: string;
  companyId: string;
  given: string;
  middle: string | null;
  family: string;
  email: string;
  designation: string;
  sortName: string;
  searchText: string;
  createdAt: string;
}

export interface SeedSummary {
  companies: number;
  users: number;
  events: number;
  travelers: number;
  durationMs: number;
}

export function seedSandbox(db: Database, now: Date): SeedSummary {
  const started = performance.now();
  const prng = createPrng(SEED);
  const usedEmails = new Set<string>();
  const people: Record<Company['key'], Person[]> = { acme: [], globex: [] };

  for (const company of COMPANIES) {
    const count = SEED_USER_COUNTS[company.key] - (company.key === 'acme' ? 1 : 0);
    for (let i = 0; i < count; i++) people[company.key].push(makePerson(prng, company, usedEmails, now));
  }
  const apiClientUser = person({
    id: SEED_API_CLIENT_USER_ID,
    companyId: SEED_COMPANY_ID,
    given: 'Sandbox',
    middle: null,
    family: 'API Client',
    email: SEED_API_CLIENT_EMAIL,
    designation: 'Events team (API client)',
    createdAt: localDayAt(now, -400, 9),
  });

  // The travelers as chosen, before they get their blocks (below).
  db.exec(
    `DROP TABLE IF EXISTS temp.seed_travelers;
     CREATE TEMP TABLE seed_travelers (event_id TEXT, sort_name TEXT, user_id TEXT, rsvp_state TEXT, invited_at TEXT, search_text TEXT)`,
  );
  const insert = {
    company: db.prepare(
      'INSERT INTO companies (id, name, legal_entity_id, legal_entity_name) VALUES (?, ?, ?, ?)',
    ),
    user: db.prepare(
      `INSERT INTO users (id, company_id, given, middle, family, email, designation, sort_name, search_text, created_at)
       VALUES (@id, @companyId, @given, @middle, @family, @email, @designation, @sortName, @searchText, @createdAt)`,
    ),
    client: db.prepare('INSERT INTO api_clients (client_id, secret_sha256, user_id) VALUES (?, ?, ?)'),
    event: db.prepare(
      `INSERT INTO events (id, company_id, parent_event_id, name, description, type, status, start_local, end_local, start_at, end_at, location, answers_company_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    traveler: db.prepare(
      `INSERT INTO seed_travelers (event_id, sort_name, user_id, rsvp_state, invited_at, search_text)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };
  // Travelers are chosen in random order but stored in blocks of list order (see traveler-blocks.ts), which SQLite
  // numbers itself: its byte-wise text order is the list's, JavaScript's string order is not quite.
  const blockTravelers = db.prepare(
    `INSERT INTO event_travelers (event_id, block, sort_name, user_id, rsvp_state, invited_at, search_text)
     SELECT event_id, (row_number() OVER (PARTITION BY event_id ORDER BY sort_name, user_id) - 1) / ${TRAVELER_BLOCK_SIZE},
            sort_name, user_id, rsvp_state, invited_at, search_text
       FROM seed_travelers ORDER BY event_id, sort_name, user_id`,
  );

  let travelers = 0;
  db.transaction(() => {
    for (const company of COMPANIES)
      insert.company.run(company.id, company.name, prng.uuid(), company.legalEntityName);
    insert.user.run(apiClientUser);
    for (const company of COMPANIES) for (const p of people[company.key]) insert.user.run(p);
    insert.client.run(
      SANDBOX_CREDENTIALS.clientId,
      sha256Hex(SANDBOX_CREDENTIALS.clientSecret),
      SEED_API_CLIENT_USER_ID,
    );

    for (const seed of EVENT_SEEDS) {
      const company = COMPANIES.find((c) => c.key === seed.company)!;
      const startLocal = localDayAt(now, seed.startInDays, seed.startHour);
      const endLocal = localDayAt(now, seed.startInDays + seed.days - 1, seed.endHour);
      const startAt = localToInstant(startLocal, seed.place.timezone).getTime();
      const endAt = localToInstant(endLocal, seed.place.timezone).getTime();
      insert.event.run(
        SEED_EVENT_IDS[seed.key],
        company.id,
        seed.parent ? SEED_EVENT_IDS[seed.parent] : null,
        seed.name,
        seed.description,
        seed.type,
        seed.status,
        startLocal,
        endLocal,
        startAt,
        endAt,
        JSON.stringify(seed.place.location),
        seed.omitCompanyId ? 0 : 1,
      );

      const states = expandStates(SEED_TRAVELER_STATES[seed.key]);
      const chosen = prng.shuffle(people[seed.company]).slice(0, states.length);
      const shuffledStates = prng.shuffle(states);
      // Invitations went out before the seed (and, for past events, before the event began).
      const latestInvite = Math.min(now.getTime(), startAt) - 3_600_000;
      chosen.forEach((p, i) => {
        const state = shuffledStates[i]!;
        const wasInvited = state !== 'ADDED' && (state !== 'REMOVED' || prng.next() < 0.5);
        const invitedAt = wasInvited ? toOffsetIso(new Date(latestInvite - prng.int(20 * DAY_MS))) : null;
        insert.traveler.run(SEED_EVENT_IDS[seed.key], p.sortName, p.id, state, invitedAt, p.searchText);
        travelers++;
      });
    }
    blockTravelers.run();
    db.exec('DROP TABLE seed_travelers');
  })();

  return {
    companies: COMPANIES.length,
    users: 1 + people.acme.length + people.globex.length,
    events: EVENT_SEEDS.length,
    travelers,
    durationMs: Math.round(performance.now() - started),
  };
}

function makePerson(prng: Prng, company: Company, usedEmails: Set<string>, now: Date): Person {
  const culture = prng.pick(NAME_CULTURES);
  const given = prng.pick(culture.given);
  // Some families mix cultures, as real company directories do.
  const family = prng.next() < 0.1 ? prng.pick(prng.pick(NAME_CULTURES).family) : prng.pick(culture.family);
  const middleCandidate = prng.pick(culture.given);
  const middle = culture.middle && prng.next() < 0.15 && middleCandidate !== given ? middleCandidate : null;
  const local = emailLocalPart(given, family);
  let email = `${local}@${company.domain}`;
  for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${company.domain}`;
  usedEmails.add(email);
  return person({
    id: prng.uuid(),
    companyId: company.id,
    given,
    middle,
    family,
    email,
    designation: prng.pick(DESIGNATIONS),
    createdAt: localDayAt(now, -30 - prng.int(1500), 8 + prng.int(10), prng.int(60)),
  });
}

function person(p: Omit<Person, 'sortName' | 'searchText'>): Person {
  // A search term may be the given name, the family name, the full name in either order (with or without the
  // middle name) or part of the e-mail. Newlines separate the forms so that a term never matches across two.
  const forms = [`${p.given} ${p.family}`, `${p.family} ${p.given}`];
  if (p.middle) forms.push(`${p.given} ${p.middle} ${p.family}`);
  return {
    ...p,
    sortName: fold(`${p.given} ${p.family}`),
    searchText: [...forms.map(fold), p.email.toLowerCase()].join('\n'),
  };
}

function expandStates(counts: Partial<Record<EventRsvpState, number>>): EventRsvpState[] {
  return Object.entries(counts).flatMap(([state, n]) =>
    Array<EventRsvpState>(n).fill(state as EventRsvpState),
  );
}
