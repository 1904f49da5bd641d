/** How a call to the OpenID Provider failed, as sign-in and the role re-check tell the two apart. */

/** The provider could not be reached or discovered: try again later, nothing is wrong with the sign-in itself. */
export class OidcUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the OpenID Provider could not be discovered', { cause });
    this.name = 'OidcUnavailableError';
  }
}

/** The provider no longer vouches for this session: it ends, and the person signs in again. */
export class OidcRefusedError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`the OpenID Provider refused the re-check: ${reason}`, options);
    this.name = 'OidcRefusedError';
  }
}
