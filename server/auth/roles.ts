/**
 * From the OpenID Provider's groups to the console's roles. The provider says which groups a person is in (the
 * OIDC_ROLES_CLAIM claim, `groups` by default); the console decides what each group may do:
 *
 * - viewer: sees events and travelers; cannot send.
 * - sender: sends invites and test invites.
 * - admin: everything.
 *
 * A person in several mapped groups gets the highest of their roles; in none, no access at all.
 */
import { ConfigError } from '../config-error.ts';
import type { Role } from '#contract/console-auth';

export interface RoleMapping {
  admin: readonly string[];
  sender: readonly string[];
  viewer: readonly string[];
}

export const DEFAULT_ROLE_MAPPING: RoleMapping = {
  admin: ['console-admins'],
  sender: ['console-senders'],
  viewer: ['console-viewers'],
};

/** Highest first: the first role whose groups the person is in wins. */
const ROLES_BY_RANK: readonly Role[] = ['admin', 'sender', 'viewer'];

const ENV_NAMES: Record<Role, string> = {
  admin: 'OIDC_ADMIN_GROUPS',
  sender: 'OIDC_SENDER_GROUPS',
  viewer: 'OIDC_VIEWER_GROUPS',
};

/** The OIDC_*_GROUPS variables that say `mapping`: what a console signing in through its own provider sets. */
export function roleMappingEnv(mapping: RoleMapping = DEFAULT_ROLE_MAPPING): Record<string, string> {
  return Object.fromEntries(ROLES_BY_RANK.map((role) => [ENV_NAMES[role], mapping[role].join(',')]));
}

/**
 * OIDC_ADMIN_GROUPS, OIDC_SENDER_GROUPS, OIDC_VIEWER_GROUPS: comma-separated group names; unset or empty means the
 * default (`console-admins`, `console-senders`, `console-viewers`). One group mapped to two roles is a mistake.
 */
export function parseRoleMapping(env: Record<string, string | undefined> = process.env): RoleMapping {
  const mapping = {} as Record<Role, readonly string[]>;
  for (const role of ROLES_BY_RANK) {
    const groups = (env[ENV_NAMES[role]] ?? '')
      .split(',')
      .map((group) => group.trim())
      .filter((group) => group !== '');
    mapping[role] = groups.length > 0 ? groups : DEFAULT_ROLE_MAPPING[role];
  }
  const problems: string[] = [];
  for (const [i, role] of ROLES_BY_RANK.entries()) {
    for (const other of ROLES_BY_RANK.slice(i + 1)) {
      const shared = mapping[role].filter((group) => mapping[other].includes(group));
      if (shared.length > 0) {
        problems.push(
          `${ENV_NAMES[role]} and ${ENV_NAMES[other]} both name ${shared.map((g) => `"${g}"`).join(', ')}; a group maps to one role`,
        );
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return mapping;
}

/** The groups in a roles claim: an array of strings, or one string of names separated by spaces or commas. */
export function groupsFromClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((group) => group !== '');
  return [];
}

export function roleFor(groups: readonly string[], mapping: RoleMapping): Role | undefined {
  return ROLES_BY_RANK.find((role) => mapping[role].some((group) => groups.includes(group)));
}

/** Whether `role` is `least` or above it (viewer < sender < admin). */
export function roleAllows(role: Role, least: Role): boolean {
  return ROLES_BY_RANK.indexOf(role) <= ROLES_BY_RANK.indexOf(least);
}
