/**
 * The console's limits as a person meets them: the embedded sign-in page after too many wrong passwords for one
 * email, and the invite form once a sender has used up their sends on the `tenant` console, whose
 * SEND_LIMIT_PER_10_MIN is TENANT_SEND_LIMIT (no other test sends there; every other console's limit is out of
 * the suite's way).
 */
import type { SendPage } from '#contract/send-history';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import {
  PEOPLE,
  PROVIDER_PAGE_FAVICON,
  sessionCookie,
  SIGN_IN_PAGE_URL,
  SIGNED_OUT,
  signIn,
  signInPage,
  WRONG_CREDENTIALS,
} from './fixtures/auth.ts';
import { INSTANCES, TENANT_SEND_LIMIT } from './fixtures/instances.ts';
import {
  expectFormAsBefore,
  expectOnlyTheExplanation,
  inviteForm,
  openEvent,
  prepareForm,
  SEND_URL,
  sendAndConfirm,
  sendQuestion,
} from './fixtures/invite-form.ts';
import { expect, expectNoAxeViolations, test } from './fixtures/invite-test.ts';
import { logMark } from './fixtures/server-log.ts';

const KICKOFF = SEED_EVENT_IDS.kickoff;
const TEST_SENT = 'Test invite sent to the account the console signs in with. Check its inbox.';

test.describe('the embedded sign-in page', () => {
  test.use({ storageState: SIGNED_OUT });

  test('after five wrong passwords for one email, says to wait 15 minutes, and keeps saying it', async ({
    page,
    allowFailedLoad,
    consoleErrors,
  }) => {
    // An email no other test signs in with: the lockout is for this email from this address only.
    const email = 'locked.out@acme.example';
    allowFailedLoad(...PROVIDER_PAGE_FAVICON);
    allowFailedLoad(SIGN_IN_PAGE_URL, 400);
    allowFailedLoad(SIGN_IN_PAGE_URL, 429);
    const form = signInPage(page);
    await page.goto(`/events/${KICKOFF}`);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await signIn(page, { email, password: `guess-${attempt}` });
      await expect(form.errorSummary).toContainText(WRONG_CREDENTIALS);
    }

    await signIn(page, { email, password: 'guess-5' });
    await expect(page).toHaveURL(SIGN_IN_PAGE_URL);
    await expect(page).toHaveTitle('Error: Sign in · Invites Console');
    await expect(form.errorSummary).toContainText('Too many attempts. Try again in 15 minutes.');
    await expect(form.errorSummary).not.toContainText(WRONG_CREDENTIALS);
    await expect(form.errorSummary).toBeFocused();
    await expect(form.email).toHaveValue(email);
    await expect(form.password).toHaveAccessibleDescription(
      'Error: Too many attempts. Try again in 15 minutes.',
    );
    await expectNoAxeViolations(page);

    // Another try is refused the same way, without a word about the password.
    await signIn(page, { email, password: 'guess-6' });
    await expect(form.errorSummary).toContainText('Too many attempts. Try again in 15 minutes.');
    expect(await sessionCookie(page.context(), INSTANCES.primary.url)).toBeUndefined();
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('the invite form once the sender has reached the send limit', () => {
  test.use({ baseURL: INSTANCES.tenant.url });

  test(`explains the refusal after ${TENANT_SEND_LIMIT} sends in 10 minutes, keeps the form, and sends nothing`, async ({
    page,
    request,
    allowFailedLoad,
    consoleErrors,
  }) => {
    // Test invites count: the sender spends the whole budget on them.
    await openEvent(page, KICKOFF);
    for (let i = 0; i < TENANT_SEND_LIMIT; i += 1) {
      const answered = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/invite/test'),
      );
      await inviteForm(page).sendTest.click();
      expect((await answered).status()).toBe(200);
      await expect(inviteForm(page).status).toHaveText(TEST_SENT);
    }

    const prepared = await prepareForm(page, KICKOFF);
    const tenantLog = logMark(INSTANCES.tenant.port);
    // The tenant's Spotnana is the primary's sandbox: a forwarded send would be on the primary's log.
    const primaryLog = logMark(INSTANCES.primary.port);
    allowFailedLoad(SEND_URL, 429);
    await sendAndConfirm(page, sendQuestion(2));

    const form = inviteForm(page);
    await expect(form.summary).toContainText(
      /Too many requests: try again in 10 minutes \(at \d{1,2}:\d{2}\s?[AP]M\)\./,
    );
    await expect(form.summary).toContainText('No invites were sent.');
    await expect(form.summary).toContainText(
      `You have reached the console's limit of ${TENANT_SEND_LIMIT} sends (invites and test invites) in 10 minutes.`,
    );
    await expectOnlyTheExplanation(page);
    await expectFormAsBefore(page, prepared);
    await expect(form.status).toHaveText('');

    const sends = tenantLog.since().filter((entry) => entry.method === 'POST' && SEND_URL.test(entry.path));
    expect(sends).toEqual([
      expect.objectContaining({
        status: 429,
        subject: PEOPLE.sender.subject,
        detail: expect.stringMatching(/^send limit reached/),
      }),
    ]);
    expect(primaryLog.since().filter((entry) => entry.path.endsWith('/invite/send'))).toEqual([]);
    const history = (await (await request.get(`/api/history/events/${KICKOFF}/sends`)).json()) as SendPage;
    expect(history.sends.map((send) => send.action)).toEqual(Array(TENANT_SEND_LIMIT).fill('test'));
    expect(consoleErrors).toEqual([]);
  });
});
