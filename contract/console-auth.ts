/**
 * The console's own sign-in shapes, as the browser sees them: the roles, who is signed in (`GET /auth/session`) and
 * the admin Sessions page (`GET /api/sessions`). The server builds these answers and the console parses them;
 * nothing else defines them. No session id or token is ever part of them.
 */
import * as z from 'zod/mini';

/** viewer: sees events and travelers. sender: sends invites and test invites. admin: everything. */
export const Role = z.enum(['viewer', 'sender', 'admin']);
export type Role = z.infer<typeof Role>;
export const ROLES: readonly Role[] = Role.options;

/** `GET /auth/session`: the signed-in person and their role. */
export const Session = z.object({ name: z.string(), email: z.string(), role: Role });
export type Session = z.infer<typeof Session>;

/** One person on the admin Sessions page: their live sessions together. `subject` is what ending them names. */
export const SignedInSummary = z.object({
  subject: z.string(),
  name: z.string(),
  email: z.string(),
  /** The role of their most recently used session. */
  role: Role,
  /** When their most recent session began (ISO 8601). */
  signedInAt: z.string(),
  lastActiveAt: z.string(),
  sessions: z.number(),
  /** The admin looking at the page. */
  you: z.boolean(),
});
export type SignedInSummary = z.infer<typeof SignedInSummary>;

export const SignedInPeople = z.object({ people: z.array(SignedInSummary) });
export type SignedInPeople = z.infer<typeof SignedInPeople>;

export const EndSessionsResponse = z.object({ ended: z.number() });
export type EndSessionsResponse = z.infer<typeof EndSessionsResponse>;
