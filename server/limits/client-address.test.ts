// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clientAddressFrom, peerAddress } from './client-address.ts';

const request = (forwardedFor?: string) => ({
  socket: { remoteAddress: '10.0.0.2' } as never,
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
});

describe('the client address a limit counts', () => {
  it('is the socket’s peer by default, whatever X-Forwarded-For claims', () => {
    expect(peerAddress.ofRequest(request('203.0.113.9'))).toBe('10.0.0.2');
    expect(clientAddressFrom(0).ofRequest(request('203.0.113.9'))).toBe('10.0.0.2');
  });

  it('behind one proxy of ours, is the entry it appended: a client-written one further left is ignored', () => {
    const oneProxy = clientAddressFrom(1);
    expect(oneProxy.ofRequest(request('198.51.100.7'))).toBe('198.51.100.7');
    expect(oneProxy.ofRequest(request('1.2.3.4, 5.6.7.8, 198.51.100.7'))).toBe('198.51.100.7');
    expect(oneProxy.ofRequest(request())).toBe('10.0.0.2');
  });

  it('behind two, is the second from the right; with fewer entries, the leftmost', () => {
    const twoProxies = clientAddressFrom(2);
    expect(twoProxies.ofRequest(request('6.6.6.6, 198.51.100.7, 10.1.1.1'))).toBe('198.51.100.7');
    expect(twoProxies.ofRequest(request('198.51.100.7'))).toBe('198.51.100.7');
  });
});
