/**
 * The only Spotnana operations the console may reach through `/api`, and the least role that may call each. The
 * forwarder is not an open proxy: a path or method outside this list never leaves the server (404), whatever
 * credentials the server holds; a role below a route's never reaches it either (403, see auth/require-role.ts).
 */
import type { Role } from '../auth/session-store.ts';

export interface AllowedRoute {
  method: 'GET' | 'POST';
  /** A Hono path pattern; every `:param` is one path segment, re-encoded before it goes upstream. */
  path: string;
  operationId: string;
  /** The least role allowed (viewer < sender < admin). */
  role: Role;
  /** What the route does, for the refusal: "Your role (viewer) cannot <action>." */
  action: string;
  /**
   * The part of a successful JSON answer the browser may see, when the console needs far less than the answer
   * holds: personal data the console never reads does not leave the server.
   */
  project?: (body: unknown) => unknown;
}

/** Of a whole profile (phones, addresses, documents...), the console reads only whose company the person is in. */
function companyOfProfile(body: unknown): unknown {
  const profile = (body ?? {}) as { id?: unknown; businessInfo?: { organizationRef?: unknown } };
  const organizationRef = profile.businessInfo?.organizationRef;
  return { id: profile.id, ...(organizationRef === undefined ? {} : { businessInfo: { organizationRef } }) };
}

export const ALLOWED_ROUTES: readonly AllowedRoute[] = [
  {
    method: 'POST',
    path: '/v2/events/list',
    operationId: 'listEvents',
    role: 'viewer',
    action: 'list events',
  },
  {
    method: 'GET',
    path: '/v2/events/:eventId',
    operationId: 'getEvent',
    role: 'viewer',
    action: 'see events',
  },
  {
    method: 'POST',
    path: '/v2/events/:eventId/travelers-list',
    operationId: 'listEventTravelers',
    role: 'viewer',
    action: 'see travelers',
  },
  {
    method: 'POST',
    path: '/v2/events/:eventId/invite/send',
    operationId: 'sendInvite',
    role: 'sender',
    action: 'send invites',
  },
  {
    method: 'POST',
    path: '/v2/events/:eventId/invite/test',
    operationId: 'testInvite',
    role: 'sender',
    action: 'send test invites',
  },
  {
    method: 'POST',
    path: '/v3/users/list',
    operationId: 'listUsersV3',
    role: 'viewer',
    action: 'list users',
  },
  // The company of an event whose answer carries no companyId, from one traveler's profile.
  {
    method: 'GET',
    path: '/v2/users/:userId',
    operationId: 'getUserInfo',
    role: 'viewer',
    action: 'see user profiles',
    project: companyOfProfile,
  },
];

/**
 * The upstream path for a matched route, or undefined when a parameter could climb out of its segment. Hono hands
 * parameters over decoded, so `%2F` arrives as `/`: encoding it again keeps it inside the one segment, and `.`/`..`
 * (which encoding leaves as they are) are refused outright.
 */
export function upstreamPath(route: AllowedRoute, params: Record<string, string>): string | undefined {
  let safe = true;
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name] ?? '';
    if (value === '' || value === '.' || value === '..') safe = false;
    return encodeURIComponent(value);
  });
  return safe ? path : undefined;
}
