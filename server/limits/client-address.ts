/**
 * Whom a per-address limit counts. By default the TCP peer's address, as the socket reports it: X-Forwarded-For
 * is written by the client, so honouring it would let a guesser pick a fresh address for every try. Behind
 * TRUST_PROXY_HOPS proxies of your own, each of which appends the address it was reached from, the client is
 * that many entries from the right of X-Forwarded-For; whatever stands further left was written by the client.
 */
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

/** What requests without a socket (`app.request()` in tests) share. */
export const UNKNOWN_ADDRESS = 'unknown';

export interface ClientAddress {
  /** For a Hono request on @hono/node-server, without throwing where there is no Node request behind it. */
  ofContext(c: Context): string;
  /** For a Node request (the embedded provider's pages). */
  ofRequest(req: Pick<IncomingMessage, 'socket' | 'headers'>): string;
}

export function clientAddressFrom(trustedProxyHops = 0): ClientAddress {
  const resolve = (peer: string | undefined, forwardedFor: string | string[] | undefined): string => {
    const socket = peer ?? UNKNOWN_ADDRESS;
    if (trustedProxyHops === 0 || forwardedFor === undefined) return socket;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    // Fewer entries than proxies: the first proxy saw the client itself, whose address is the leftmost.
    return hops.at(-trustedProxyHops) ?? hops[0] ?? socket;
  };
  return {
    ofContext(c) {
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      return incoming === undefined
        ? UNKNOWN_ADDRESS
        : resolve(incoming.socket?.remoteAddress, incoming.headers['x-forwarded-for']);
    },
    ofRequest(req) {
      return resolve(req.socket?.remoteAddress, req.headers['x-forwarded-for']);
    },
  };
}

/** The socket's peer, trusting no header: the default everywhere. */
export const peerAddress: ClientAddress = clientAddressFrom(0);
