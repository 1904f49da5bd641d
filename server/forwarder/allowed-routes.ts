/**
 * Every route of `/api` that reaches Spotnana, in one table: the only operations the console may call, the least
 * role that may call each, the shape each path parameter must have, and what the send history and the event facts
 * take from it. The guards, the send history and the forwarder all read it (app.ts, create-forwarder.ts). The
 * forwarder is not an open proxy: a path or method outside this list never leaves the server (404), whatever
 * credentials the server holds; a role below a route's never reaches it (403, see auth/require-role.ts), nor does a
 * parameter outside its shape (400, see route-params.ts).
 */
import { SPOTNANA_ID } from '#contract';
import type { Role } from '#contract/console-auth';
import type { SendAction } from '#contract/send-history';

/** What a path parameter may be, and how the refusal says it: "The eventId must be <description>." */
export interface ParamShape {
  pattern: RegExp;
  description: string;
}

export interface AllowedRoute {
  method: 'GET' | 'POST';
  /** A Hono path pattern; every `:param` is one path segment, with a shape in `params`. */
  path: string;
  operationId: string;
  /** The least role allowed (viewer < sender < admin). */
  role: Role;
  /** What the route does, for the refusal: "Your role (viewer) cannot <action>." */
  action: string;
  /**
   * The shape of each `:param` of `path`. A value outside it never reaches the recorder nor Spotnana, so no proxy
   * between here and Spotnana gets to decode an encoded `/` in it.
   */
  params?: Readonly<Record<string, ParamShape>>;
  /** The send history records each call as this kind of send (history/record-sends.ts). */
  records?: SendAction;
  /** Its answer tells the send records the event's name and traveler count (history/event-facts.ts). */
  eventFacts?: true;
  /**
   * The part of a successful JSON answer the browser may see, when the console needs far less than the answer
   * holds: personal data the console never reads does not leave the server.
   */
  project?: (body: unknown) => unknown;
}

/** Spotnana's event and user ids (a string, a UUID in its descriptions), as the console lets one leave. */
export const SPOTNANA_ID_PARAM: ParamShape = {
  pattern: SPOTNANA_ID,
  description: 'a Spotnana id: letters, digits, "-" and "_", at most 64 characters',
};

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
    params: { eventId: SPOTNANA_ID_PARAM },
    eventFacts: true,
  },
  {
    method: 'POST',
    path: '/v2/events/:eventId/travelers-list',
    operationId: 'listEventTravelers',
    role: 'viewer',
    action: 'see travelers',
    params: { eventId: SPOTNANA_ID_PARAM },
  },
  {
    method: 'POST',
    path: '/v2/events/:eventId/invite/send',
    operationId: 'sendInvite',
    role: 'sender',
    action: 'send invites',
    params: { eventId: SPOTNANA_ID_PARAM },
    records: 'send',
  },
  {
    method: 'POST',
    path: '/v2/events/:eventId/invite/test',
    operationId: 'testInvite',
    role: 'sender',
    action: 'send test invites',
    params: { eventId: SPOTNANA_ID_PARAM },
    records: 'test',
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
    params: { userId: SPOTNANA_ID_PARAM },
    project: companyOfProfile,
  },
];

/** The `:param` names of a route's path, in order. */
export function pathParamNames(route: Pick<AllowedRoute, 'path'>): string[] {
  return [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
}

/** The first path parameter outside its shape (a parameter without one fits nothing), or undefined. */
export function misfitParam(
  route: AllowedRoute,
  params: Record<string, string>,
): { name: string; value: string } | undefined {
  for (const name of pathParamNames(route)) {
    const value = params[name] ?? '';
    if (route.params?.[name]?.pattern.test(value) !== true) return { name, value };
  }
  return undefined;
}

/**
 * The upstream path for a matched route whose parameters fit their shapes (misfitParam first): an id shape admits
 * no `/` and no dot segment, so encoding is all that is left to do.
 */
export function upstreamPath(route: AllowedRoute, params: Record<string, string>): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
