/**
 * The seeded client credentials of the embedded sandbox. They are public on purpose (the README lists them):
 * the sandbox holds only made-up data and must work on a fresh clone with no configuration.
 */
export const SANDBOX_CREDENTIALS = {
  clientId: 'invites-console-sandbox',
  clientSecret: 'sandbox-secret-not-for-production',
} as const;
