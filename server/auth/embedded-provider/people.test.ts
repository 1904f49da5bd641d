// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createDirectory, SEEDED_PEOPLE } from './people.ts';

describe('the seeded people', () => {
  it('are an admin, two senders and a viewer at acme.example', () => {
    expect(SEEDED_PEOPLE.map((p) => p.groups)).toEqual([
      ['console-admins'],
      ['console-senders'],
      ['console-senders'],
      ['console-viewers'],
    ]);
    for (const person of SEEDED_PEOPLE) expect(person.email).toMatch(/^[a-z.]+@acme\.example$/);
  });

  it('sign in with their own password only, email case and spaces aside', async () => {
    const directory = await createDirectory();
    const [first, second] = SEEDED_PEOPLE;
    expect(await directory.verify(` ${first?.email.toUpperCase()} `, first?.password ?? '')).toMatchObject({
      subject: first?.subject,
    });
    expect(await directory.verify(first?.email ?? '', second?.password ?? '')).toBeUndefined();
    expect(await directory.verify('nobody@acme.example', first?.password ?? '')).toBeUndefined();
    expect(await directory.verify(first?.email ?? '', '')).toBeUndefined();
  });

  it('keeps no password once hashed', async () => {
    const directory = await createDirectory();
    const person = directory.find(SEEDED_PEOPLE[0]?.subject ?? '');
    expect(person).toBeDefined();
    expect(JSON.stringify(person)).not.toContain(SEEDED_PEOPLE[0]?.password);
  });
});
