/** The console's client at the embedded provider. The secret is public on purpose (README): local use only. */
export const EMBEDDED_CLIENT = {
  clientId: 'invites-console',
  clientSecret: 'embedded-oidc-secret-not-for-production',
} as const;
