/**
 * The server's whole configuration, read from the environment once at start. A mistake here stops the server
 * with a message naming the variable, rather than surfacing later as a confusing upstream error.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from '#contract/send-timing';
import { EMBEDDED_CLIENT } from './auth/embedded-provider/client.ts';
import { parseOidcSettings, type OidcSettings } from './auth/oidc-client.ts';
import { parseRoleMapping, type RoleMapping } from './auth/roles.ts';
import { ConfigError } from './config-error.ts';
import { isLoopbackHost, isSecureOrLoopback } from './loopback-host.ts';
import { LOG_LEVELS, type LogLevel } from './operations/logger.ts';

export { ConfigError } from './config-error.ts';

export type Upstream =
  | { kind: 'embedded-sandbox' }
  | {
      kind: 'remote';
      baseUrl: string;
      credentials: { clientId: string; clientSecret: string } | { accessToken: string };
    };

export interface Config {
  port: number;
  host: string;
  upstream: Upstream;
  /** The SQLite file of the embedded sandbox, used (and `/sandbox` served) only when it is the upstream. */
  sandboxDb: string;
  sandboxReset: boolean;
  /** The embedded sandbox waits this long before each answer, as a real tenant's network would (0: none). */
  sandboxLatencyMs: number;
  upstreamTimeoutMs: number;
  /** How long a page's data may take on the server before the browser renders the page itself; 0: never on the server. */
  renderBoundMs: number;
  /** LOG_LEVEL: pino's levels, `info` by default. */
  logLevel: LogLevel;
  /** TRUST_PROXY_HOPS: proxies of your own in front, whose X-Forwarded-For entries name the client (0: none). */
  trustProxyHops: number;
  /** METRICS_TOKEN: `/metrics` also answers `Authorization: Bearer <it>` from anywhere; loopback only when unset. */
  metricsToken: string | undefined;
  /** How long a stop (SIGTERM, SIGINT) may take: sends under way finish within it, then the process exits. */
  shutdownGraceMs: number;
  bodyLimitBytes: number;
  /** The production build served as static files; null serves none (the dev server lets Vite serve them). */
  staticRoot: string | null;
  /**
   * The console's origin as browsers reach it (PUBLIC_URL, no trailing slash): the sign-in callback, the only
   * origin `/api` writes are accepted from, and the embedded provider's issuer. Unset: the address the server
   * listens on, as it prints it (`http://localhost:8080` by default), known once it listens.
   */
  publicUrl: string | undefined;
  /** OIDC_ISSUER and friends; undefined means the embedded provider (only allowed with the embedded sandbox). */
  oidc: OidcSettings | undefined;
  roles: RoleMapping;
  /** The console's own database: PostgreSQL when `databaseUrl` is set, else the SQLite file `consoleDb`. */
  consoleDb: string;
  databaseUrl: string | undefined;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** A session's groups are read again from the OpenID Provider when it is used this long after the last read. */
  roleRecheckMs: number;
  /** How long send records are kept (SEND_RECORD_RETENTION_DAYS) before the server purges them. */
  sendRecordRetentionMs: number;
  /** SEND_LIMIT_PER_10_MIN: invite/send and invite/test calls one person may make in 10 minutes (server/limits). */
  sendLimitPer10Min: number;
  /** SCHEDULE_MAX_LATE_HOURS: a scheduled send that could not start within this long after its time is not sent. */
  scheduleMaxLateMs: number;
  /** SCHEDULE_POLL_SECONDS: how often each instance looks for scheduled sends that are due. */
  schedulePollMs: number;
}

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** The sandbox's SQLite file when SANDBOX_DB is unset (also what `npm run sandbox:reset` wipes). */
export const DEFAULT_SANDBOX_DB = 'data/sandbox.db';
/** The console database's SQLite file when neither CONSOLE_DB nor DATABASE_URL is set. */
export const DEFAULT_CONSOLE_DB = 'data/console.db';

/** SHUTDOWN_GRACE_MS unset: derived from UPSTREAM_TIMEOUT_MS once both are read. */
const GRACE_FROM_UPSTREAM_TIMEOUT = -1;

const integer = (name: string, fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a whole number from ${min} to ${max}, got "${value}"`,
        });
        return z.NEVER;
      }
      return n;
    });

const EnvSchema = z
  .object({
    PORT: integer('PORT', 8080, 0, 65535),
    HOST: optionalText,
    SPOTNANA_BASE_URL: optionalText.pipe(
      z
        .url({
          protocol: /^https?$/,
          message: 'SPOTNANA_BASE_URL must be an http(s) URL, e.g. https://api.example.com',
        })
        .optional(),
    ),
    SPOTNANA_CLIENT_ID: optionalText,
    SPOTNANA_CLIENT_SECRET: optionalText,
    SPOTNANA_ACCESS_TOKEN: optionalText,
    SANDBOX_DB: optionalText,
    SANDBOX_RESET: z
      .enum(['', '0', '1', 'false', 'true'], { message: 'SANDBOX_RESET must be 1 or 0' })
      .optional(),
    SANDBOX_LATENCY_MS: integer('SANDBOX_LATENCY_MS', 0, 0, 60_000),
    UPSTREAM_TIMEOUT_MS: integer('UPSTREAM_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS, 1, 600_000),
    RENDER_BOUND_MS: integer('RENDER_BOUND_MS', 300, 0, 10_000),
    TRUST_PROXY_HOPS: integer('TRUST_PROXY_HOPS', 0, 0, 10),
    METRICS_TOKEN: optionalText.pipe(
      z
        .string()
        .min(16, { message: 'METRICS_TOKEN must be at least 16 characters: it is a password' })
        .optional(),
    ),
    LOG_LEVEL: optionalText.pipe(
      z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
    ),
    // Unset: the upstream timeout plus 5 s, so a send under way at the signal can still finish and be recorded.
    SHUTDOWN_GRACE_MS: integer('SHUTDOWN_GRACE_MS', GRACE_FROM_UPSTREAM_TIMEOUT, 1_000, 3_600_000),
    BODY_LIMIT_BYTES: integer('BODY_LIMIT_BYTES', 2 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    PUBLIC_URL: optionalText.pipe(
      z
        .url({
          protocol: /^https?$/,
          message: 'PUBLIC_URL must be an http(s) URL, e.g. https://invites.example.com',
        })
        .refine((value) => /^https?:\/\/[^/?#]+\/?$/.test(value), {
          message: 'PUBLIC_URL must be an origin only (scheme, host and port; no path, query or fragment)',
        })
        .optional(),
    ),
    CONSOLE_DB: optionalText,
    // Never echoed in a message: the URL may hold the database password.
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
          message: 'DATABASE_URL must be a PostgreSQL URL, e.g. postgres://user:password@host:5432/console',
        })
        .optional(),
    ),
    SESSION_IDLE_MINUTES: integer('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    SESSION_MAX_HOURS: integer('SESSION_MAX_HOURS', 12, 1, 30 * 24),
    ROLE_RECHECK_MINUTES: integer('ROLE_RECHECK_MINUTES', 10, 1, 24 * 60),
    SEND_RECORD_RETENTION_DAYS: integer('SEND_RECORD_RETENTION_DAYS', 400, 1, 100 * 365),
    SEND_LIMIT_PER_10_MIN: integer('SEND_LIMIT_PER_10_MIN', 30, 1, 100_000),
    SCHEDULE_MAX_LATE_HOURS: integer('SCHEDULE_MAX_LATE_HOURS', 24, 1, 24 * 30),
    SCHEDULE_POLL_SECONDS: integer('SCHEDULE_POLL_SECONDS', 5, 1, 3_600),
  })
  .superRefine((env, ctx) => {
    const hasId = env.SPOTNANA_CLIENT_ID !== undefined;
    const hasSecret = env.SPOTNANA_CLIENT_SECRET !== undefined;
    const hasToken = env.SPOTNANA_ACCESS_TOKEN !== undefined;
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    // Plain http crosses the network in clear: no Secure session cookie, the client secret and tokens readable.
    if (env.PUBLIC_URL !== undefined && !isSecureOrLoopback(env.PUBLIC_URL)) {
      problem(
        'PUBLIC_URL must be https (plain http only on this machine: localhost or 127.0.0.1): over http the session cookie cannot be Secure',
      );
    }
    if (env.SPOTNANA_BASE_URL !== undefined && !isSecureOrLoopback(env.SPOTNANA_BASE_URL)) {
      problem(
        'SPOTNANA_BASE_URL must be https (plain http only on this machine: localhost or 127.0.0.1): over http the client secret and tokens travel in clear',
      );
    }
    if (env.SPOTNANA_BASE_URL === undefined) {
      // Credentials without a base URL would silently talk to the sandbox instead of the tenant meant.
      if (hasId || hasSecret || hasToken) {
        problem(
          'Spotnana credentials are set but SPOTNANA_BASE_URL is not; set it too, or unset the credentials to use the embedded sandbox',
        );
      }
      return;
    }
    if (hasId !== hasSecret) problem('SPOTNANA_CLIENT_ID and SPOTNANA_CLIENT_SECRET go together; set both');
    if (hasToken && (hasId || hasSecret)) {
      problem('set either SPOTNANA_CLIENT_ID + SPOTNANA_CLIENT_SECRET or SPOTNANA_ACCESS_TOKEN, not both');
    }
    if (!hasToken && !hasId && !hasSecret) {
      problem(
        'SPOTNANA_BASE_URL needs credentials: SPOTNANA_CLIENT_ID + SPOTNANA_CLIENT_SECRET, or SPOTNANA_ACCESS_TOKEN',
      );
    }
  });

/** Runs a parser that throws ConfigError, collecting its problems instead. */
function collect<T>(problems: string[], parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // AUDIT_RETENTION_DAYS is the setting's earlier name, still read when the new one is not set.
  const parsed = EnvSchema.safeParse({
    ...env,
    SEND_RECORD_RETENTION_DAYS: env.SEND_RECORD_RETENTION_DAYS || env.AUDIT_RETENTION_DAYS,
  });
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const oidc = collect(problems, () => parseOidcSettings(env));
  const roles = collect(problems, () => parseRoleMapping(env));
  const remote = parsed.success && parsed.data.SPOTNANA_BASE_URL !== undefined;
  if (remote && oidc === undefined && !problems.some((p) => p.includes('OIDC_'))) {
    // The embedded provider's people are made up: against real data, sign-in must be the company's own.
    problems.push(
      'SPOTNANA_BASE_URL points at a real tenant, so OIDC_ISSUER (with OIDC_CLIENT_ID and OIDC_CLIENT_SECRET) must name your OpenID Provider: the embedded sign-in is for the embedded sandbox only',
    );
  }
  if (oidc !== undefined) problems.push(...ownProviderProblems(env, oidc));
  if (!parsed.success || roles === undefined || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const upstream: Upstream =
    e.SPOTNANA_BASE_URL === undefined
      ? { kind: 'embedded-sandbox' }
      : {
          kind: 'remote',
          baseUrl: e.SPOTNANA_BASE_URL.replace(/\/+$/, ''),
          credentials:
            e.SPOTNANA_ACCESS_TOKEN !== undefined
              ? { accessToken: e.SPOTNANA_ACCESS_TOKEN }
              : { clientId: e.SPOTNANA_CLIENT_ID ?? '', clientSecret: e.SPOTNANA_CLIENT_SECRET ?? '' },
        };
  return {
    port: e.PORT,
    // The embedded provider's passwords are published: it listens on this machine only unless told otherwise.
    host: e.HOST ?? (oidc === undefined ? '127.0.0.1' : '0.0.0.0'),
    upstream,
    sandboxDb: e.SANDBOX_DB ?? DEFAULT_SANDBOX_DB,
    sandboxReset: e.SANDBOX_RESET === '1' || e.SANDBOX_RESET === 'true',
    sandboxLatencyMs: e.SANDBOX_LATENCY_MS,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    renderBoundMs: e.RENDER_BOUND_MS,
    logLevel: e.LOG_LEVEL ?? 'info',
    trustProxyHops: e.TRUST_PROXY_HOPS,
    metricsToken: e.METRICS_TOKEN,
    shutdownGraceMs:
      e.SHUTDOWN_GRACE_MS === GRACE_FROM_UPSTREAM_TIMEOUT
        ? e.UPSTREAM_TIMEOUT_MS + 5_000
        : e.SHUTDOWN_GRACE_MS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    staticRoot: `${PROJECT_ROOT}dist`,
    publicUrl: e.PUBLIC_URL === undefined ? undefined : new URL(e.PUBLIC_URL).origin,
    oidc,
    roles,
    consoleDb: e.CONSOLE_DB ?? DEFAULT_CONSOLE_DB,
    databaseUrl: e.DATABASE_URL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 60 * 60_000,
    roleRecheckMs: e.ROLE_RECHECK_MINUTES * 60_000,
    sendRecordRetentionMs: e.SEND_RECORD_RETENTION_DAYS * 24 * 60 * 60_000,
    sendLimitPer10Min: e.SEND_LIMIT_PER_10_MIN,
    scheduleMaxLateMs: e.SCHEDULE_MAX_LATE_HOURS * 60 * 60_000,
    schedulePollMs: e.SCHEDULE_POLL_SECONDS * 1_000,
  };
}

const GROUP_VARIABLES = ['OIDC_ADMIN_GROUPS', 'OIDC_SENDER_GROUPS', 'OIDC_VIEWER_GROUPS'] as const;

/**
 * With an OpenID Provider of one's own: every role names its groups (a default group name such as
 * `console-admins` may exist there for another purpose), and the embedded provider's published client, which anyone
 * can read in this repository, never signs people in against a tenant on another machine.
 */
function ownProviderProblems(env: Record<string, string | undefined>, oidc: OidcSettings): string[] {
  const problems: string[] = [];
  const missing = GROUP_VARIABLES.filter((name) => (env[name] ?? '').trim() === '');
  if (missing.length > 0) {
    problems.push(
      `OIDC_ISSUER needs ${missing.join(', ')}: with your own OpenID Provider, name the groups that get each role`,
    );
  }
  const baseUrl = env.SPOTNANA_BASE_URL?.trim();
  const remoteTenant =
    baseUrl !== undefined && URL.canParse(baseUrl) && !isLoopbackHost(new URL(baseUrl).hostname);
  if (remoteTenant && oidc.clientSecret === EMBEDDED_CLIENT.clientSecret) {
    problems.push(
      "OIDC_CLIENT_SECRET is the embedded sign-in's published secret: against a Spotnana tenant on another machine, use a client of your own OpenID Provider",
    );
  }
  return problems;
}

/** For entry points: the config, or the problems on stderr and exit code 1. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The console database in words, for the start-up line (never the URL: it may hold a password). */
export function describeConsoleDb(config: Pick<Config, 'consoleDb' | 'databaseUrl'>): string {
  return config.databaseUrl === undefined ? `sqlite ${config.consoleDb}` : 'postgresql (DATABASE_URL)';
}

/** The upstream in words, for the start-up line (never a credential). */
export function describeUpstream(config: Config): string {
  return config.upstream.kind === 'remote'
    ? config.upstream.baseUrl
    : `embedded sandbox (${config.sandboxDb}${config.sandboxReset ? ', reseeded' : ''})`;
}
