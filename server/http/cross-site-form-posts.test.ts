// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isFormPostFromOrigin } from './cross-site-guard.ts';

const ORIGIN = 'https://invites.acme.example';

describe('isFormPostFromOrigin', () => {
  it.each([
    [{ origin: ORIGIN }, true],
    [{ origin: ORIGIN, secFetchSite: 'cross-site' }, true],
    [{ origin: 'https://evil.example' }, false],
    [{ origin: 'https://evil.example', secFetchSite: 'same-origin' }, false],
    [{ origin: 'http://invites.acme.example' }, false],
    [{ origin: 'null', secFetchSite: 'same-origin' }, true],
    [{ origin: 'null', secFetchSite: 'same-site' }, false],
    [{ origin: 'null' }, false],
    [{ secFetchSite: 'same-origin' }, true],
    [{ secFetchSite: 'none' }, false],
    [{}, false],
  ])('%j → %s', (headers, expected) => {
    expect(isFormPostFromOrigin(headers, ORIGIN)).toBe(expected);
  });
});
