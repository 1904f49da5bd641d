// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { DEFAULT_ROLE_MAPPING, groupsFromClaim, parseRoleMapping, roleFor } from './roles.ts';

describe('parseRoleMapping', () => {
  it('defaults to console-admins, console-senders and console-viewers', () => {
    expect(parseRoleMapping({})).toEqual(DEFAULT_ROLE_MAPPING);
    expect(parseRoleMapping({ OIDC_ADMIN_GROUPS: '', OIDC_SENDER_GROUPS: ' , ' })).toEqual(
      DEFAULT_ROLE_MAPPING,
    );
  });

  it('reads comma-separated names, trimmed', () => {
    expect(
      parseRoleMapping({
        OIDC_ADMIN_GROUPS: 'it-admins, console owners',
        OIDC_SENDER_GROUPS: 'event-managers',
        OIDC_VIEWER_GROUPS: 'staff,contractors',
      }),
    ).toEqual({
      admin: ['it-admins', 'console owners'],
      sender: ['event-managers'],
      viewer: ['staff', 'contractors'],
    });
  });

  it('refuses a group mapped to two roles, naming both variables', () => {
    expect(() => parseRoleMapping({ OIDC_SENDER_GROUPS: 'staff', OIDC_VIEWER_GROUPS: 'staff' })).toThrow(
      ConfigError,
    );
    expect(() => parseRoleMapping({ OIDC_SENDER_GROUPS: 'staff', OIDC_VIEWER_GROUPS: 'staff' })).toThrow(
      /OIDC_SENDER_GROUPS and OIDC_VIEWER_GROUPS both name "staff"/,
    );
  });
});

describe('groupsFromClaim', () => {
  it.each([
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    [
      ['a', 3, null, 'b'],
      ['a', 'b'],
    ],
    ['a b,c , d', ['a', 'b', 'c', 'd']],
    ['', []],
    [undefined, []],
    [{ a: 1 }, []],
  ])('reads %j as %j', (claim, groups) => {
    expect(groupsFromClaim(claim)).toEqual(groups);
  });
});

describe('roleFor', () => {
  it('gives the highest role of the mapped groups', () => {
    expect(roleFor(['console-viewers', 'console-admins'], DEFAULT_ROLE_MAPPING)).toBe('admin');
    expect(roleFor(['console-viewers', 'console-senders'], DEFAULT_ROLE_MAPPING)).toBe('sender');
    expect(roleFor(['other', 'console-viewers'], DEFAULT_ROLE_MAPPING)).toBe('viewer');
  });

  it('gives none for no mapped group, and matches names exactly', () => {
    expect(roleFor([], DEFAULT_ROLE_MAPPING)).toBeUndefined();
    expect(roleFor(['Console-Admins', 'console-admins-old'], DEFAULT_ROLE_MAPPING)).toBeUndefined();
  });
});
