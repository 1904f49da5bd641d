/**
 * OWASP's CSRF defence for state-changing requests (sign-in form, sign-out): the browser says where the request
 * comes from, and only this origin may change anything.
 *
 * `Origin` is the primary check. A form submitted from a page whose Referrer-Policy is `no-referrer` (the console
 * sends that on every response) carries `Origin: null` by the Fetch standard even when it is same-origin, so then,
 * and when `Origin` is absent, `Sec-Fetch-Site: same-origin` is accepted instead. A request with neither (curl, an
 * old browser) is refused: failing closed costs nothing here.
 */
export interface OriginHeaders {
  origin?: string | null;
  secFetchSite?: string | null;
}

export function isSameOrigin({ origin, secFetchSite }: OriginHeaders, expectedOrigin: string): boolean {
  if (origin !== undefined && origin !== null && origin !== 'null') return origin === expectedOrigin;
  return secFetchSite === 'same-origin';
}
