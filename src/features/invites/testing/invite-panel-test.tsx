/**
 * The invite form's component tests: a 25-traveler event (`evt-1`, GENERIC, published) behind the fake API, sends
 * accepted, and a way to render the form with some props changed.
 */
import { beforeEach } from 'vitest';
import { ACME_COMPANY_ID } from '@/testing/fixtures';
import { mockApi, type MockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render-with-providers';
import { InvitePanel, type InvitePanelProps } from '../components/invite-panel';
import { mockListLayout, travelerRoutes, type FakeTraveler } from './fake-travelers';

export const SEND = 'POST /v2/events/:eventId/invite/send';
export const TEST = 'POST /v2/events/:eventId/invite/test';

/** Call at a test file's top level: a fresh fake API before each test, read through `api()`. */
export function setUpInvitePanelTests(travelers: FakeTraveler[]) {
  let api: MockApi | undefined;
  beforeEach(() => {
    mockListLayout({ listHeight: 400 });
    api = mockApi({ ...travelerRoutes(travelers), [SEND]: () => new Response(null, { status: 200 }) });
  });
  return {
    api: () => api!,
    renderPanel: (props: Partial<InvitePanelProps> = {}) =>
      renderWithProviders(
        <InvitePanel
          eventId="evt-1"
          eventType="GENERIC"
          eventStatus="PUBLISH"
          numTravelers={travelers.length}
          companyId={ACME_COMPANY_ID}
          {...props}
        />,
      ),
  };
}
