/** What every sandbox route shares: the database, the clock, and who is calling. */
import type { SandboxDatabase } from './store/database.ts';

export interface SandboxDeps {
  db: SandboxDatabase;
  /** Injectable so tests can expire tokens and stamp invitations without waiting. */
  now: () => Date;
  tokenTtlSeconds: number;
}

/** The API client behind a bearer token, and the user and company it acts as. */
export interface Caller {
  clientId: string;
  userId: string;
  companyId: string;
  email: string;
}

export type SandboxEnv = { Variables: { caller: Caller } };
