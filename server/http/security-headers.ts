/**
 * Security headers on every response the server makes: pages, assets, API answers and errors alike.
 * Scripts may only come from this origin (no inline script, no eval), so text from the API can never run even if
 * it were ever rendered as markup. A `<style>` element needs the request's nonce (see src/app/ssr/style-cache.ts).
 * HSTS when the console's public URL is https (TLS ends in front of it): a browser that has reached it once then
 * never tries plain HTTP, where a network attacker could answer first.
 * `form-action` also names the OpenID Provider's origin: a sign-out form post is redirected there (CSP 3's
 * form-action governs the redirects after a submit too).
 */
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { PAGE_STYLE_SOURCE } from '../auth/html.ts';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Style elements: the request's nonce (MUI's styles, from the server and the browser alike) or the sign-in pages'
  // hashed stylesheet. Style attributes stay allowed: React writes its `style` props into the server's markup.
  styleSrc: ["'self'", NONCE, PAGE_STYLE_SOURCE],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};

export const HSTS = 'max-age=31536000; includeSubDomains';

export const securityHeaders = (formActionOrigins: readonly string[] = [], { https = false } = {}) =>
  secureHeaders({
    contentSecurityPolicy: {
      ...CONTENT_SECURITY_POLICY,
      formAction: [...CONTENT_SECURITY_POLICY.formAction, ...formActionOrigins],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: true,
    strictTransportSecurity: https ? HSTS : false,
  });
