/**
 * The embedded provider's pages: the sign-in form, "this sign-in has expired", the sign-out question and its
 * answer, and errors. Server-rendered, no script, every value escaped; the error display follows the GOV.UK
 * pattern (an error summary that takes focus and is announced, the same message next to the fields).
 */
import { describeWait } from '../../limits/wait-text.ts';
import { html, raw, renderPage } from '../html.ts';

export const SIGN_IN_TITLE = 'Sign in · Invites Console';
/** Deliberately the same whether the email is unknown or the password is wrong. */
export const WRONG_CREDENTIALS = 'Email or password is wrong';

/** Past the limit on wrong passwords (server/limits): said the same whether the email is known or not. */
export function tooManyAttempts(waitSeconds: number): string {
  return `Too many attempts. Try again in ${describeWait(waitSeconds)}.`;
}

export interface SignInForm {
  /** Where the form posts: the interaction's own URL. */
  action: string;
  /** The email as typed, when the form comes back with an error. Never the password. */
  email?: string;
  error?: string;
}

export function signInPage({ action, email = '', error }: SignInForm): string {
  const invalid = error === undefined ? '' : raw(' aria-invalid="true" aria-describedby="credentials-error"');
  const summary =
    error === undefined
      ? ''
      : html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">There is a problem</h2>
<ul><li><a href="#email">${error}</a></li></ul>
</div>`;
  const message =
    error === undefined
      ? ''
      : html`<p id="credentials-error" class="error-message"><span class="visually-hidden">Error:</span> ${error}</p>`;
  return renderPage({
    title: error === undefined ? SIGN_IN_TITLE : `Error: ${SIGN_IN_TITLE}`,
    main: html`<h1>Sign in to the Invites Console</h1>
${summary}
<form method="post" action="${action}" novalidate>
${message}
<div class="field">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" spellcheck="false" autocapitalize="none" required value="${email}"${invalid}${error === undefined ? raw(' autofocus') : ''}>
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
</div>
<button type="submit">Sign in</button>
</form>
<p class="hint">This is the console's embedded sign-in, for trying it out. Its people and their passwords are listed in the README.</p>`,
  });
}

export function expiredPage(): string {
  return renderPage({
    title: 'Sign-in expired · Invites Console',
    main: html`<h1>This sign-in has expired</h1>
<p>Go back to the Invites Console and sign in again.</p>`,
  });
}

export function forbiddenPage(): string {
  return renderPage({
    title: 'Sign-in refused · Invites Console',
    main: html`<h1>This sign-in was refused</h1>
<p>The form was sent from another site. Go back to the Invites Console and sign in again.</p>`,
  });
}

/** oidc-provider's `logoutSource`: `form` is its own hidden form (id `op.logoutForm`, with its xsrf token). */
export function signOutQuestionPage(form: string): string {
  return renderPage({
    title: 'Sign out · Invites Console',
    main: html`<h1>You are signed out of the Invites Console</h1>
<p>Do you also want to sign out of the console's embedded sign-in? If you do, the next sign-in asks for your email and password again.</p>
${raw(form)}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>
</div>`,
  });
}

export function signedOutPage(): string {
  return renderPage({
    title: 'Signed out · Invites Console',
    main: html`<h1>You are signed out</h1>
<p>You can close this page.</p>`,
  });
}

/** oidc-provider's `renderError`: `out` holds `error` and maybe `error_description`, both from the provider. */
export function providerErrorPage(out: Record<string, string>): string {
  const code = out.error ?? 'server_error';
  const description = out.error_description;
  return renderPage({
    title: 'Sign-in failed · Invites Console',
    main: html`<h1>Sign-in failed</h1>
<p>The embedded sign-in could not complete this request. Go back to the Invites Console and try again.</p>
<p>Error: <code>${code}</code>${description === undefined ? '' : html` (${description})`}</p>`,
  });
}
