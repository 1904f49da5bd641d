// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RETURN_TO_MAX_LENGTH, safeReturnTo, signInLocation } from './return-to.ts';

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
    // Paths that resolve to another host: dot-segments and percent-encoded dots, as a browser resolves them.
    '/.//evil.example/x',
    '/a/..//evil.example',
    '/%2e//evil.example',
    '/%2E//evil.example',
    '/a/%2e%2e//evil.example',
    '/./\\evil.example',
    '/\t/evil',
    '/\n/evil',
    'https:evil',
    'javascript:',
    'javascript:alert(1)',
  ])('turns %j into /', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('keeps a path of the longest allowed length, and refuses one that percent-encoding makes longer', () => {
    const longest = `/${'a'.repeat(RETURN_TO_MAX_LENGTH - 1)}`;
    expect(safeReturnTo(longest)).toBe(longest);
    expect(safeReturnTo(`/${'中'.repeat(200)}`)).toBe(`/${'%E4%B8%AD'.repeat(200)}`);
    for (const tooLong of [`/${'中'.repeat(2000)}`, `/?q=${'"'.repeat(2000)}`, `/#${'é'.repeat(1500)}`]) {
      expect(safeReturnTo(tooLong)).toBe('/');
    }
  });

  it('keeps an encoded backslash encoded: a path on this site', () => {
    expect(safeReturnTo('/%5cevil')).toBe('/%5cevil');
  });

  it('gives only paths on this site, which it would give again unchanged', () => {
    const pieces = ['/', '.', '..', '%2e', '%2E', '\\', '%5c', 'evil.example', '?', '#', '@', ':', 'a'];
    for (let seed = 0; seed < 5000; seed += 1) {
      let value = '/';
      for (let n = seed, i = 0; i < 6; i += 1, n = Math.floor(n / pieces.length))
        value += pieces[n % pieces.length];
      const result = safeReturnTo(value);
      expect(result, value).toMatch(/^\/(?![/\\])/);
      expect(new URL(result, 'https://console.example').origin, value).toBe('https://console.example');
      expect(safeReturnTo(result), value).toBe(result);
    }
  });
});

describe('signInLocation', () => {
  it('comes back to the page asked for', () => {
    expect(signInLocation('/events/ev-1?tab=x')).toBe('/auth/sign-in?returnTo=%2Fevents%2Fev-1%3Ftab%3Dx');
    expect(signInLocation('/')).toBe('/auth/sign-in');
    expect(signInLocation('//evil.example')).toBe('/auth/sign-in');
  });
});
