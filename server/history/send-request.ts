/**
 * What one invite/send or invite/test asks for, read from its JSON body once, and the fingerprint that makes two
 * of them "identical": same event, action, type and set of travelers.
 */
import { createHash } from 'node:crypto';

import type { SendAction } from '#contract/send-history';

export interface SendRequest {
  eventId: string;
  action: SendAction;
  eventType: string | null;
  /**
   * undefined: every traveler of the event. Otherwise in the request's order, repeats and all: an error entry
   * names its traveler by index (`userIds[3].id`), which the history must still resolve.
   */
  userIds: string[] | undefined;
}

/** Reads the parts of the body that describe the send; anything malformed is left for the upstream to refuse. */
export function readSendRequest(eventId: string, action: SendAction, bodyText: string): SendRequest {
  let body: unknown;
  try {
    body = bodyText.trim() === '' ? {} : JSON.parse(bodyText);
  } catch {
    body = {};
  }
  const object = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const eventType = typeof object.type === 'string' ? object.type : null;
  const userIds = Array.isArray(object.userIds) ? object.userIds.map(userIdOf) : undefined;
  return { eventId, action, eventType, userIds };
}

function userIdOf(entry: unknown): string {
  if (typeof entry === 'object' && entry !== null && 'id' in entry) return String(entry.id);
  return JSON.stringify(entry) ?? String(entry);
}

export function fingerprint(request: SendRequest): string {
  const ids = request.userIds === undefined ? null : [...new Set(request.userIds)].sort();
  const parts = [request.eventId, request.action, request.eventType, ids];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
