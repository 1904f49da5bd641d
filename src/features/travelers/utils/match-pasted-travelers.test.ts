import { describe, expect, it } from 'vitest';
import type { EventRsvpState } from '#contract';
import { matchPastedTravelers, type PastedPerson } from './match-pasted-travelers';
import { parseTravelerList } from './parse-traveler-list';

const ANN = 'a0000000-0000-4000-8000-000000000001';
const BOB = 'a0000000-0000-4000-8000-000000000002';
const CY = 'a0000000-0000-4000-8000-000000000003';
const STRANGER = 'a0000000-0000-4000-8000-000000000009';

const people = new Map<string, PastedPerson>([
  ['ann@acme.example', { id: ANN, name: 'Ann Archer', email: 'ann@acme.example' }],
  ['bob@acme.example', { id: BOB, name: 'Bob Baker', email: 'bob@acme.example' }],
  ['cy@acme.example', { id: CY, name: 'Cy Cole', email: 'cy@acme.example' }],
  ['dee@acme.example', { id: STRANGER, name: 'Dee Dunn', email: 'dee@acme.example' }],
]);
const travelers = new Map<string, { userId: string; rsvpState?: EventRsvpState }>([
  [ANN, { userId: ANN, rsvpState: 'ADDED' }],
  [BOB, { userId: BOB, rsvpState: 'INVITE_DECLINED' }],
  [CY, { userId: CY, rsvpState: 'REMOVED' }],
]);

const match = (text: string) =>
  matchPastedTravelers(parseTravelerList(text).entries, { peopleByEmail: people, travelers });

describe('matchPastedTravelers', () => {
  it('selects travelers named by email (any case) or by user id, with the names the Users API gave', () => {
    expect(match(`ANN@acme.example\n${BOB.toUpperCase()}`)).toEqual({
      matched: [
        { id: ANN, name: 'Ann Archer', email: 'ann@acme.example' },
        { id: BOB, name: undefined, email: undefined },
      ],
      unmatched: [],
    });
  });

  it('says why each line matched nobody', () => {
    expect(
      match(`nobody@acme.example\ndee@acme.example\n${STRANGER}\ncy@acme.example\nAnn Archer`).unmatched,
    ).toEqual([
      { text: 'nobody@acme.example', reason: 'no-such-email' },
      { text: 'dee@acme.example', reason: 'not-a-traveler' },
      { text: STRANGER, reason: 'not-a-traveler' },
      { text: 'cy@acme.example', reason: 'removed' },
      { text: 'Ann Archer', reason: 'not-email-or-id' },
    ]);
  });

  it('selects a person named twice (by email and by id) once', () => {
    expect(match(`ann@acme.example\n${ANN}`).matched).toEqual([
      { id: ANN, name: 'Ann Archer', email: 'ann@acme.example' },
    ]);
  });
});
