/** `POST /v3/users/list`: resolves the user ids of travelers-list to names and e-mails. */
import { Hono } from 'hono';
import { ListUsersV3Request, type ListUsersV3Response } from '#contract';
import type { SandboxEnv } from '../context.ts';
import { errorResponse, param } from '../../server/http/errors.ts';
import { fold } from '../text.ts';
import type { UserStore } from '../store/user-store.ts';
import { readJsonBody } from './validation.ts';

/** The description sets no maximum page size; the sandbox caps it so one request cannot ask for everything. */
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

export function userRoutes(users: UserStore): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.post('/list', async (c) => {
    const body = await readJsonBody(c, ListUsersV3Request, { required: true });
    if (!body.ok) return body.response;
    const { companyId, tmcId, searchText, userStatusFilter = 'ACTIVE', pagination, filters } = body.data;
    const caller = c.get('caller');

    if (!companyId) {
      // Sandbox clients belong to a company, not to a TMC, so a TMC-wide listing is not theirs to make.
      if (tmcId) {
        return errorResponse(403, [
          {
            errorCode: 'TMC_ACCESS_DENIED',
            message: 'The API client may not list the users of a TMC.',
            errorParameters: [param('tmcId.id', tmcId.id)],
          },
        ]);
      }
      return errorResponse(400, [
        {
          errorCode: 'MISSING_COMPANY_ID',
          message: 'Name the company whose users to list (companyId).',
          errorParameters: [param('companyId')],
        },
      ]);
    }
    if (companyId.id !== caller.companyId) {
      return errorResponse(403, [
        {
          errorCode: 'COMPANY_ACCESS_DENIED',
          message: 'The API client may only list the users of its own company.',
          errorParameters: [param('companyId.id', companyId.id)],
        },
      ]);
    }

    const userIds = filters?.flatMap(
      (filter) => filter.userIds?.map((userId) => userId.id.toLowerCase()) ?? [],
    );
    const emails = filters?.flatMap((filter) => filter.emails ?? []);
    const search = fold(searchText ?? '')
      .trim()
      .replace(/\s+/g, ' ');
    const result = users.list({
      companyId: caller.companyId,
      active: userStatusFilter === 'ALL' ? null : userStatusFilter === 'ACTIVE',
      // A filter that names ids (or e-mails) restricts the listing to them, even when the list is empty.
      userIds: filters?.some((filter) => filter.userIds) ? userIds! : null,
      emails: filters?.some((filter) => filter.emails) ? emails! : null,
      search: search || null,
      offset: pagination.offset ?? 0,
      limit: Math.min(pagination.limit ?? DEFAULT_LIMIT, MAX_LIMIT),
    });
    const response: ListUsersV3Response = {
      users: result.users,
      pagination: { totalNumResults: result.total },
    };
    return c.json(response);
  });
  return app;
}
