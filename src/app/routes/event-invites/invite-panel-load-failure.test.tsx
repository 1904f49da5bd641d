import { beforeEach, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { fullNameOf, makeTravelers } from '@/features/travelers/testing/fake-travelers';
import { SEND, setUpInvitePanelTests } from './testing/invite-panel-test';

// The confirmation's chunk cannot be loaded: the connection dropped, or a deploy removed the old chunk.
vi.mock('@/features/invites/components/send-confirm-dialog', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/send-confirm-dialog-old.js');
});

const travelers = makeTravelers(5);
const { api, renderPanel } = setUpInvitePanelTests(travelers);

beforeEach(() => {
  // The boundary reports what it caught to the console, for a developer; the page itself stays usable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

it('says the confirmation could not be loaded, sends nothing and keeps the form as it was', async () => {
  const { user } = renderPanel();
  const name = fullNameOf(travelers[0]!);
  await user.click(await screen.findByRole('checkbox', { name }));
  await user.click(screen.getByRole('button', { name: 'Send invites' }));

  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The console could not load the confirmation: the connection may be down, or a new version of the console was deployed. Nothing was sent. Reload the page to continue.',
  );
  expect(api().callsTo(SEND)).toHaveLength(0);
  expect(screen.getByRole('checkbox', { name })).toBeChecked();
  expect(screen.getByRole('button', { name: 'Send invites' })).toBeEnabled();
});
