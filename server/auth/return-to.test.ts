// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInLocation } from './return-to.ts';

describe('safeReturnTo', () => {
  it.each([
    ['/events/ev-1', '/events/ev-1'],
    ['/events/ev-1?tab=travelers&q=a%20b', '/events/ev-1?tab=travelers&q=a%20b'],
    ['/', '/'],
    ['/events/../admin', '/admin'],
    // Encoded CR LF stays encoded: a path, harmless in a Location header.
    ['/%0d%0aSet-Cookie:x=1', '/%0d%0aSet-Cookie:x=1'],
  ])('keeps the same-site path %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    'events',
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/events\r\n',
    '/ev\tents',
    '/auth/sign-out',
    '/auth/callback?code=x',
    '/auth',
    `/${'a'.repeat(3000)}`,
  ])('turns %j into /', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});

describe('signInLocation', () => {
  it('comes back to the page asked for', () => {
    expect(signInLocation('/events/ev-1?tab=x')).toBe('/auth/sign-in?returnTo=%2Fevents%2Fev-1%3Ftab%3Dx');
    expect(signInLocation('/')).toBe('/auth/sign-in');
    expect(signInLocation('//evil.example')).toBe('/auth/sign-in');
  });
});
