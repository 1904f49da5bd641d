// @vitest-environment node
import { generateCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import {
  assertCookieFitsUrl,
  attemptCookieName,
  cookieOptions,
  sessionCookieSettings,
} from './session-cookie.ts';

describe('the session cookie', () => {
  it('is __Host- prefixed, Secure, HttpOnly, SameSite=Lax and Path=/ for an https console', () => {
    const cookie = sessionCookieSettings('https://invites.acme.example');
    expect(cookie).toEqual({ name: '__Host-console_session', secure: true });
    expect(generateCookie(cookie.name, 'id', cookieOptions(cookie))).toBe(
      '__Host-console_session=id; Path=/; HttpOnly; Secure; SameSite=Lax',
    );
    expect(attemptCookieName(cookie)).toBe('__Host-console_session_sign_in');
    expect(generateCookie(attemptCookieName(cookie), 'a', cookieOptions(cookie, { maxAge: 600 }))).toBe(
      '__Host-console_session_sign_in=a; Max-Age=600; Path=/; HttpOnly; Secure; SameSite=Lax',
    );
  });

  it('is named after the port over plain http, where cookies of localhost:8080 and :8081 would collide', () => {
    expect(sessionCookieSettings('http://localhost:8080')).toEqual({
      name: 'console_session_8080',
      secure: false,
    });
    expect(sessionCookieSettings('http://localhost:8081').name).toBe('console_session_8081');
    expect(sessionCookieSettings('http://localhost').name).toBe('console_session_80');
    const cookie = sessionCookieSettings('http://localhost:8080');
    expect(generateCookie(cookie.name, 'id', cookieOptions(cookie))).toBe(
      'console_session_8080=id; Path=/; HttpOnly; SameSite=Lax',
    );
  });

  it('refuses settings that do not fit the URL', () => {
    expect(() =>
      assertCookieFitsUrl({ name: 'console_session', secure: false }, 'https://x.example'),
    ).toThrow();
    expect(() =>
      assertCookieFitsUrl({ name: '__Host-console_session', secure: false }, 'http://localhost'),
    ).toThrow();
    expect(() =>
      assertCookieFitsUrl({ name: '__Host-console_session', secure: true }, 'http://localhost'),
    ).toThrow();
    expect(() =>
      assertCookieFitsUrl(sessionCookieSettings('https://x.example'), 'https://x.example'),
    ).not.toThrow();
  });
});
