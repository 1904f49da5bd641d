// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { createOidcClient, parseOidcSettings } from './oidc-client.ts';

describe('parseOidcSettings', () => {
  it('is undefined without OIDC_ISSUER: the embedded provider signs people in', () => {
    expect(parseOidcSettings({})).toBeUndefined();
    expect(parseOidcSettings({ OIDC_ISSUER: ' ' })).toBeUndefined();
  });

  it('reads the issuer, the client and the roles claim (groups by default)', () => {
    const env = {
      OIDC_ISSUER: 'https://login.acme.example/realms/staff',
      OIDC_CLIENT_ID: 'invites',
      OIDC_CLIENT_SECRET: 's3cret',
    };
    expect(parseOidcSettings(env)).toEqual({
      issuer: 'https://login.acme.example/realms/staff',
      clientId: 'invites',
      clientSecret: 's3cret',
      rolesClaim: 'groups',
    });
    expect(parseOidcSettings({ ...env, OIDC_ROLES_CLAIM: 'roles' })?.rolesClaim).toBe('roles');
  });

  it('allows plain http only on this machine', () => {
    const client = { OIDC_CLIENT_ID: 'invites', OIDC_CLIENT_SECRET: 's' };
    expect(parseOidcSettings({ ...client, OIDC_ISSUER: 'http://localhost:8080/oidc' })?.issuer).toBe(
      'http://localhost:8080/oidc',
    );
    expect(parseOidcSettings({ ...client, OIDC_ISSUER: 'http://127.0.0.1:8080/oidc' })).toBeDefined();
    expect(() => parseOidcSettings({ ...client, OIDC_ISSUER: 'http://login.acme.example' })).toThrow(
      /OIDC_ISSUER must be an https URL/,
    );
    expect(() => parseOidcSettings({ ...client, OIDC_ISSUER: 'not a url' })).toThrow(
      /OIDC_ISSUER must be a URL/,
    );
  });

  it('names what is missing', () => {
    expect(() => parseOidcSettings({ OIDC_ISSUER: 'https://login.acme.example' })).toThrow(ConfigError);
    try {
      parseOidcSettings({ OIDC_ISSUER: 'https://login.acme.example' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'OIDC_ISSUER needs OIDC_CLIENT_ID',
        'OIDC_ISSUER needs OIDC_CLIENT_SECRET',
      ]);
    }
    expect(() => parseOidcSettings({ OIDC_CLIENT_ID: 'invites' })).toThrow(/OIDC_ISSUER is not/);
  });
});

describe('createOidcClient', () => {
  it('refuses an http issuer that is not on this machine', () => {
    expect(() =>
      createOidcClient({
        issuer: 'http://login.acme.example',
        clientId: 'c',
        clientSecret: 's',
        rolesClaim: 'groups',
      }),
    ).toThrow(ConfigError);
  });
});
