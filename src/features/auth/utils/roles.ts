import type { Role } from '#contract/console-auth';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  viewer: 'Viewer',
  sender: 'Sender',
  admin: 'Administrator',
};

/** Why this person cannot send invites, or undefined when they can (or their role is not known yet: the server checks). */
export function sendNotAllowedReason(role: Role | undefined): string | undefined {
  return role === 'viewer'
    ? "Your role (viewer) lets you see this event's invites but not send them. Ask an administrator for the sender role."
    : undefined;
}
