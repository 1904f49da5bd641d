/** Recorded sends and facets for the Activity page's tests, and the server's paging over them. */
import type { ActivityFacets, SendPage, SendSummary } from '#contract/send-history';
import { makeSendSummary } from '@/testing/fixtures';
import type { MockApi, MockRequest } from '@/testing/mock-api';

export const MARIA = { subject: 'sub-maria', name: 'Maria Manager', email: 'maria@acme.example' };
export const SAM = { subject: 'sub-sam', name: 'Sam Sender', email: 'sam@acme.example' };

/** An accepted send of Maria's to three travelers of the kick-off, three hours ago. */
export const makeSend = (overrides: Partial<SendSummary> = {}): SendSummary =>
  makeSendSummary({ person: MARIA, ...overrides });

export const FACETS: ActivityFacets = {
  events: [
    { id: 'evt-kickoff', name: 'Acme Kick-off 2027' },
    { id: 'evt-summit', name: 'Leadership Summit' },
  ],
  people: [MARIA, SAM],
};

/** The page of `sends` the server answers a query string with: by its `offset` and `limit`. */
export function pageOf(sends: SendSummary[], search = ''): SendPage {
  const query = new URLSearchParams(search);
  const offset = Number(query.get('offset') ?? 0);
  const limit = Number(query.get('limit') ?? 50);
  return { sends: sends.slice(offset, offset + limit), total: sends.length, offset, limit, nextBefore: null };
}

/** A `GET /history/sends` handler that pages through `sends` (it does not filter them). */
export const pagesOf =
  (sends: SendSummary[]) =>
  ({ search }: MockRequest) =>
    pageOf(sends, search);

/** What the console asked `GET /api/history/sends` for, last time, as an object. */
export function lastActivityQuery(api: MockApi): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(api.callsTo('GET /history/sends').at(-1)?.search));
}
