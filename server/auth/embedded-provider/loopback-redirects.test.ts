// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isLoopbackUri } from './loopback-redirects.ts';

describe('isLoopbackUri (RFC 8252 §7.3)', () => {
  it.each([
    'http://localhost:8081/auth/callback',
    'http://127.0.0.1:51234/auth/callback',
    'http://[::1]:8081/auth/callback',
    'http://localhost/auth/callback',
  ])('allows %s', (uri) => {
    expect(isLoopbackUri(uri, '/auth/callback')).toBe(true);
  });

  it.each([
    'https://localhost:8081/auth/callback',
    'http://localhost.evil.example/auth/callback',
    'http://127.0.0.2:8081/auth/callback',
    'http://user@localhost:8081/auth/callback',
    'http://localhost:8081/auth/callback?x=1',
    'http://localhost:8081/auth/callback#x',
    'http://localhost:8081/auth/callback/',
    'http://localhost:8081/auth/./callback',
    'http://LOCALHOST:8081/auth/callback',
    'http://localhost:8081/other',
    'not a url',
  ])('refuses %s', (uri) => {
    expect(isLoopbackUri(uri, '/auth/callback')).toBe(false);
  });
});
