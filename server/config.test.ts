// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CLIENT } from './auth/embedded-provider/client.ts';
import { DEFAULT_ROLE_MAPPING, roleMappingEnv } from './auth/roles.ts';
import { ConfigError, loadConfig, PROJECT_ROOT } from './config.ts';

const OIDC: Record<string, string> = {
  OIDC_ISSUER: 'https://login.example.com/oauth2/default',
  OIDC_CLIENT_ID: 'console',
  OIDC_CLIENT_SECRET: 'oidc-secret',
  ...roleMappingEnv(),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the config to be refused');
}

describe('loadConfig', () => {
  it('needs nothing: the embedded sandbox on port 8080', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      upstream: { kind: 'embedded-sandbox' },
      sandboxDb: 'data/sandbox.db',
      sandboxReset: false,
      sandboxLatencyMs: 0,
      upstreamTimeoutMs: 20_000,
      renderBoundMs: 300,
      shutdownGraceMs: 25_000,
      logLevel: 'info',
      trustProxyHops: 0,
      metricsToken: undefined,
      bodyLimitBytes: 2 * 1024 * 1024,
      staticRoot: `${PROJECT_ROOT}dist`,
      publicUrl: undefined,
      oidc: undefined,
      roles: DEFAULT_ROLE_MAPPING,
      consoleDb: 'data/console.db',
      databaseUrl: undefined,
      sessionIdleMs: 30 * 60_000,
      sessionMaxMs: 12 * 60 * 60_000,
      roleRecheckMs: 10 * 60_000,
      sendRecordRetentionMs: 400 * 24 * 60 * 60_000,
      sendLimitPer10Min: 30,
      scheduleMaxLateMs: 24 * 60 * 60_000,
      schedulePollMs: 5_000,
    });
  });

  it('reads how late a scheduled send may still go (SCHEDULE_MAX_LATE_HOURS) and how often due ones are looked for (SCHEDULE_POLL_SECONDS)', () => {
    expect(loadConfig({ SCHEDULE_MAX_LATE_HOURS: ' 2 ' }).scheduleMaxLateMs).toBe(2 * 60 * 60_000);
    expect(loadConfig({ SCHEDULE_MAX_LATE_HOURS: '' }).scheduleMaxLateMs).toBe(24 * 60 * 60_000);
    expect(loadConfig({ SCHEDULE_POLL_SECONDS: '30' }).schedulePollMs).toBe(30_000);
    for (const value of ['0', '-1', '1.5', 'soon', '721']) {
      expect(problemsOf({ SCHEDULE_MAX_LATE_HOURS: value })).toEqual([
        `SCHEDULE_MAX_LATE_HOURS must be a whole number from 1 to 720, got "${value}"`,
      ]);
    }
    for (const value of ['0', '2.5', 'often', '3601']) {
      expect(problemsOf({ SCHEDULE_POLL_SECONDS: value })).toEqual([
        `SCHEDULE_POLL_SECONDS must be a whole number from 1 to 3600, got "${value}"`,
      ]);
    }
  });

  it('reads the limit on sends per person in 10 minutes (SEND_LIMIT_PER_10_MIN)', () => {
    expect(loadConfig({ SEND_LIMIT_PER_10_MIN: ' 5 ' }).sendLimitPer10Min).toBe(5);
    expect(loadConfig({ SEND_LIMIT_PER_10_MIN: '' }).sendLimitPer10Min).toBe(30);
    for (const value of ['0', '-1', '2.5', 'many', '100001']) {
      expect(problemsOf({ SEND_LIMIT_PER_10_MIN: value })).toEqual([
        `SEND_LIMIT_PER_10_MIN must be a whole number from 1 to 100000, got "${value}"`,
      ]);
    }
  });

  it("reads how often a session's role is read again from the provider (ROLE_RECHECK_MINUTES)", () => {
    expect(loadConfig({ ROLE_RECHECK_MINUTES: ' 3 ' }).roleRecheckMs).toBe(3 * 60_000);
    expect(loadConfig({ ROLE_RECHECK_MINUTES: '' }).roleRecheckMs).toBe(10 * 60_000);
    for (const value of ['0', '-5', '1.5', 'often', '1441']) {
      expect(problemsOf({ ROLE_RECHECK_MINUTES: value })).toEqual([
        `ROLE_RECHECK_MINUTES must be a whole number from 1 to 1440, got "${value}"`,
      ]);
    }
  });

  it('reads the sign-in and session settings', () => {
    expect(
      loadConfig({
        PUBLIC_URL: 'https://invites.example.com/',
        ...OIDC,
        OIDC_ROLES_CLAIM: 'roles',
        OIDC_SENDER_GROUPS: 'travel-managers, event-team',
        CONSOLE_DB: '/var/lib/console.db',
        DATABASE_URL: 'postgres://console:pw@db:5432/console',
        SESSION_IDLE_MINUTES: '15',
        SESSION_MAX_HOURS: '8',
        SEND_RECORD_RETENTION_DAYS: '30',
      }),
    ).toMatchObject({
      publicUrl: 'https://invites.example.com',
      oidc: {
        issuer: OIDC.OIDC_ISSUER,
        clientId: 'console',
        clientSecret: 'oidc-secret',
        rolesClaim: 'roles',
      },
      roles: { sender: ['travel-managers', 'event-team'], viewer: ['console-viewers'] },
      consoleDb: '/var/lib/console.db',
      databaseUrl: 'postgres://console:pw@db:5432/console',
      sessionIdleMs: 15 * 60_000,
      sessionMaxMs: 8 * 60 * 60_000,
      sendRecordRetentionMs: 30 * 24 * 60 * 60_000,
    });
  });

  it('reads LOG_LEVEL from pino’s levels, and names the choices when it is none of them', () => {
    expect(loadConfig({ LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(problemsOf({ LOG_LEVEL: 'verbose' })).toEqual([
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
  });

  it('gives a stop the upstream timeout plus 5 s unless SHUTDOWN_GRACE_MS says otherwise', () => {
    expect(loadConfig({ UPSTREAM_TIMEOUT_MS: '8000' }).shutdownGraceMs).toBe(13_000);
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '60000' }).shutdownGraceMs).toBe(60_000);
    expect(problemsOf({ SHUTDOWN_GRACE_MS: '5' })).toEqual([
      expect.stringMatching(/^SHUTDOWN_GRACE_MS must be/),
    ]);
  });

  it('listens on this machine only while the embedded sign-in (published passwords) runs, unless HOST says so', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig(OIDC).host).toBe('0.0.0.0');
  });

  it('refuses a real tenant without OIDC_ISSUER: no made-up people sign in against real data', () => {
    const problems = problemsOf({ SPOTNANA_BASE_URL: 'https://api.example.com', SPOTNANA_ACCESS_TOKEN: 't' });
    expect(problems).toEqual([expect.stringMatching(/^SPOTNANA_BASE_URL .*OIDC_ISSUER/)]);
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '9090',
        HOST: '127.0.0.1',
        SANDBOX_DB: '/tmp/x.db',
        SANDBOX_RESET: '1',
        SANDBOX_LATENCY_MS: '250',
        UPSTREAM_TIMEOUT_MS: '1500',
        BODY_LIMIT_BYTES: '4096',
      }),
    ).toMatchObject({
      port: 9090,
      host: '127.0.0.1',
      sandboxDb: '/tmp/x.db',
      sandboxReset: true,
      sandboxLatencyMs: 250,
      upstreamTimeoutMs: 1500,
      bodyLimitBytes: 4096,
    });
  });

  it('takes a tenant with client credentials, without a trailing slash', () => {
    expect(
      loadConfig({
        SPOTNANA_BASE_URL: 'https://api.example.com/',
        SPOTNANA_CLIENT_ID: 'id',
        SPOTNANA_CLIENT_SECRET: 'secret',
        ...OIDC,
      }).upstream,
    ).toEqual({
      kind: 'remote',
      baseUrl: 'https://api.example.com',
      credentials: { clientId: 'id', clientSecret: 'secret' },
    });
  });

  it('takes a tenant with a fixed access token', () => {
    expect(
      loadConfig({
        SPOTNANA_BASE_URL: 'http://127.0.0.1:8080/sandbox',
        SPOTNANA_ACCESS_TOKEN: 'tok',
        ...OIDC,
      }).upstream,
    ).toEqual({
      kind: 'remote',
      baseUrl: 'http://127.0.0.1:8080/sandbox',
      credentials: { accessToken: 'tok' },
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ SPOTNANA_BASE_URL: '', PORT: '', SPOTNANA_CLIENT_ID: ' ' }).upstream).toEqual({
      kind: 'embedded-sandbox',
    });
  });

  it.each([
    [{ SPOTNANA_BASE_URL: 'https://api.example.com' }, /needs credentials/],
    [{ SPOTNANA_BASE_URL: 'https://api.example.com', SPOTNANA_CLIENT_ID: 'id' }, /go together/],
    [
      {
        SPOTNANA_BASE_URL: 'https://api.example.com',
        SPOTNANA_CLIENT_ID: 'i',
        SPOTNANA_CLIENT_SECRET: 's',
        SPOTNANA_ACCESS_TOKEN: 't',
      },
      /not both/,
    ],
    [{ SPOTNANA_CLIENT_ID: 'id', SPOTNANA_CLIENT_SECRET: 's' }, /SPOTNANA_BASE_URL is not/],
    [{ SPOTNANA_BASE_URL: 'ftp://api.example.com', SPOTNANA_ACCESS_TOKEN: 't' }, /http\(s\) URL/],
    [{ SPOTNANA_BASE_URL: 'not a url', SPOTNANA_ACCESS_TOKEN: 't' }, /http\(s\) URL/],
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535/],
    [{ UPSTREAM_TIMEOUT_MS: '0' }, /UPSTREAM_TIMEOUT_MS/],
    [{ RENDER_BOUND_MS: '20000' }, /RENDER_BOUND_MS must be a whole number from 0 to 10000/],
    [{ BODY_LIMIT_BYTES: '1.5' }, /BODY_LIMIT_BYTES/],
    [{ SANDBOX_RESET: 'yes' }, /SANDBOX_RESET must be 1 or 0/],
    [{ PUBLIC_URL: 'localhost:8080' }, /PUBLIC_URL must be an http\(s\) URL/],
    [{ PUBLIC_URL: 'https://invites.example.com/console' }, /PUBLIC_URL must be an origin only/],
    [{ DATABASE_URL: 'mysql://db/console' }, /DATABASE_URL must be a PostgreSQL URL/],
    [{ SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES must be a whole number/],
    [{ SESSION_MAX_HOURS: 'long' }, /SESSION_MAX_HOURS must be a whole number/],
    [{ SEND_RECORD_RETENTION_DAYS: '0' }, /SEND_RECORD_RETENTION_DAYS must be a whole number from 1/],
    [{ OIDC_ISSUER: 'https://login.example.com' }, /OIDC_ISSUER needs OIDC_CLIENT_ID/],
    [{ OIDC_SENDER_GROUPS: 'g', OIDC_VIEWER_GROUPS: 'g' }, /a group maps to one role/],
  ])('refuses %o with a message naming the problem', (env, message) => {
    expect(problemsOf(env).join('\n')).toMatch(message);
  });

  it('reads AUDIT_RETENTION_DAYS, the retention’s earlier name, when SEND_RECORD_RETENTION_DAYS is not set', () => {
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '30' }).sendRecordRetentionMs).toBe(30 * 24 * 60 * 60_000);
    expect(
      loadConfig({ AUDIT_RETENTION_DAYS: '30', SEND_RECORD_RETENTION_DAYS: '60' }).sendRecordRetentionMs,
    ).toBe(60 * 24 * 60 * 60_000);
    // Empty is unset: the earlier name still stands.
    expect(
      loadConfig({ AUDIT_RETENTION_DAYS: '30', SEND_RECORD_RETENTION_DAYS: '' }).sendRecordRetentionMs,
    ).toBe(30 * 24 * 60 * 60_000);
  });

  const oidcWithoutAdmins = { ...OIDC };
  delete oidcWithoutAdmins.OIDC_ADMIN_GROUPS;
  it.each([
    [{ PUBLIC_URL: 'http://console.example.com' }, /PUBLIC_URL must be https/],
    [
      { ...OIDC, SPOTNANA_BASE_URL: 'http://api.example.com', SPOTNANA_ACCESS_TOKEN: 't' },
      /SPOTNANA_BASE_URL must be https/,
    ],
    [{ ...OIDC, OIDC_ISSUER: 'http://login.example.com' }, /OIDC_ISSUER must be an https URL/],
    [oidcWithoutAdmins, /^OIDC_ISSUER needs OIDC_ADMIN_GROUPS: /],
    [
      { OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' },
      /^OIDC_ISSUER needs OIDC_ADMIN_GROUPS, OIDC_SENDER_GROUPS, OIDC_VIEWER_GROUPS: /,
    ],
    [
      {
        ...OIDC,
        OIDC_CLIENT_ID: EMBEDDED_CLIENT.clientId,
        OIDC_CLIENT_SECRET: EMBEDDED_CLIENT.clientSecret,
        SPOTNANA_BASE_URL: 'https://api.example.com',
        SPOTNANA_ACCESS_TOKEN: 't',
      },
      /OIDC_CLIENT_SECRET is the embedded sign-in's published secret/,
    ],
  ])('refuses to start an unsafe configuration, naming the variable: %o', (env, message) => {
    expect(problemsOf(env)).toContainEqual(expect.stringMatching(message));
  });

  it('takes plain http on this machine, and the embedded sign-in in front of a tenant on this machine', () => {
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:8181' }).publicUrl).toBe('http://127.0.0.1:8181');
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:8080' }).publicUrl).toBe('http://localhost:8080');
    const tenant = loadConfig({
      ...OIDC,
      OIDC_ISSUER: 'http://127.0.0.1:8181/oidc',
      OIDC_CLIENT_ID: EMBEDDED_CLIENT.clientId,
      OIDC_CLIENT_SECRET: EMBEDDED_CLIENT.clientSecret,
      SPOTNANA_BASE_URL: 'http://127.0.0.1:8181/sandbox',
      SPOTNANA_ACCESS_TOKEN: 't',
    });
    expect(tenant.upstream).toMatchObject({ kind: 'remote', baseUrl: 'http://127.0.0.1:8181/sandbox' });
  });

  it('never puts a secret in its messages', () => {
    const problems = problemsOf({ SPOTNANA_CLIENT_ID: 'id', SPOTNANA_CLIENT_SECRET: 'super-secret-value' });
    expect(problems.join('\n')).not.toContain('super-secret-value');
    const database = problemsOf({ DATABASE_URL: 'mysql://console:db-password-123@db/console' });
    expect(database.join('\n')).not.toContain('db-password-123');
  });
});

describe('server/bin/main.ts', () => {
  it('exits with 1 and a clear message on a bad configuration', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/bin/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, SPOTNANA_BASE_URL: 'https://api.example.com' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('SPOTNANA_BASE_URL needs credentials');
  });

  it('refuses to start against a real tenant without OIDC_ISSUER', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/bin/main.ts'], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        SPOTNANA_BASE_URL: 'https://api.example.com',
        SPOTNANA_ACCESS_TOKEN: 'token',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('OIDC_ISSUER');
    expect(result.stdout).not.toContain('listening');
  });
});
