/**
 * The people of the embedded OpenID Provider: Acme Corp's console users, one per role and two event managers. Their
 * passwords are documented in the README on purpose: the embedded provider exists so the console can be tried on a
 * fresh machine against the embedded sandbox's made-up data, never to guard anything real.
 *
 * Passwords are kept only as scrypt hashes computed at start (a fresh salt each), and checked with
 * `timingSafeEqual`; an unknown email costs the same hash as a known one, so timing does not tell them apart.
 */
import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';

export interface SeededPerson {
  /** The `sub` claim: stable, opaque, never an email. */
  subject: string;
  name: string;
  email: string;
  password: string;
  /** The `groups` claim; the console maps these to roles (OIDC_*_GROUPS). */
  groups: readonly string[];
}

export const SEEDED_PEOPLE: readonly SeededPerson[] = [
  {
    subject: 'acme-0001',
    name: 'Priya Raman',
    email: 'priya.raman@acme.example',
    password: 'admin-password',
    groups: ['console-admins'],
  },
  {
    subject: 'acme-0002',
    name: 'Marcus Webb',
    email: 'marcus.webb@acme.example',
    password: 'sender-password',
    groups: ['console-senders'],
  },
  {
    subject: 'acme-0003',
    name: 'Sofía Álvarez',
    email: 'sofia.alvarez@acme.example',
    password: 'sender2-password',
    groups: ['console-senders'],
  },
  {
    subject: 'acme-0004',
    name: 'Jonas Becker',
    email: 'jonas.becker@acme.example',
    password: 'viewer-password',
    groups: ['console-viewers'],
  },
];

/** A person as the provider knows them after start: everything but the password. */
export type Person = Omit<SeededPerson, 'password'>;

export interface Directory {
  /** The person whose email and password these are, or undefined; the same work either way. */
  verify(email: string, password: string): Promise<Person | undefined>;
  find(subject: string): Person | undefined;
}

const KEY_LENGTH = 32;

function hash(password: BinaryLike, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Hashes every password (in parallel) and forgets them. A person's groups are read from the list given at each
 * look-up, so they can change while the provider runs, as in a real directory (the role re-check's tests do).
 */
export async function createDirectory(people: readonly SeededPerson[] = SEEDED_PEOPLE): Promise<Directory> {
  const entries = await Promise.all(
    people.map(async (seeded) => {
      const salt = randomBytes(16);
      const { subject, name, email } = seeded;
      const person = (): Person => ({ subject, name, email, groups: [...seeded.groups] });
      return { email, subject, person, salt, key: await hash(seeded.password, salt) };
    }),
  );
  const byEmail = new Map(entries.map((entry) => [normalizeEmail(entry.email), entry]));
  const bySubject = new Map(entries.map((entry) => [entry.subject, entry.person]));
  // Compared against when the email is unknown, so that path hashes too.
  const decoy = { salt: randomBytes(16), key: randomBytes(KEY_LENGTH) };

  return {
    async verify(email, password) {
      const entry = byEmail.get(normalizeEmail(email));
      const { salt, key } = entry ?? decoy;
      const candidate = await hash(password, salt);
      const matches = timingSafeEqual(candidate, key);
      return entry !== undefined && matches ? entry.person() : undefined;
    },
    find: (subject) => bySubject.get(subject)?.(),
  };
}
