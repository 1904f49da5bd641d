/** `GET /v2/users/{userId}`: one person's profile, whose `businessInfo.organizationRef` names their company. */
import { Hono } from 'hono';
import { errorResponse, param } from '../../server/http/errors.ts';
import type { SandboxEnv } from '../context.ts';
import { toUserProfile, type UserStore } from '../store/user-store.ts';

export function userProfileRoutes(users: UserStore): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  // As for events: an unknown person is 404, a person of another company 403. An inactive person is unknown
  // unless `includeInactive=true` (the description's default is false).
  app.get('/:userId', (c) => {
    const userId = c.req.param('userId');
    const user = users.get(userId);
    const includeInactive = c.req.query('includeInactive') === 'true';
    if (!user || (user.is_active === 0 && !includeInactive)) {
      return errorResponse(404, [
        {
          errorCode: 'USER_NOT_FOUND',
          message: 'There is no user with this id.',
          errorParameters: [param('userId', userId)],
        },
      ]);
    }
    if (user.company_id !== c.get('caller').companyId) {
      return errorResponse(403, [
        {
          errorCode: 'USER_ACCESS_DENIED',
          message: "This user belongs to another company; the API client's company may not see them.",
          errorParameters: [param('userId', userId)],
        },
      ]);
    }
    return c.json(toUserProfile(user));
  });
  return app;
}
