import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** Whom Fastify believes about the client's address: `trustProxy` as it takes it. */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/** TRUST_PROXY (AppConfig) as Fastify's `trustProxy` takes it (a hop count as a function of the hop). */
export function trustProxy(setting: string): TrustProxy {
  if (setting === 'true' || setting === 'false') return setting === 'true';
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  return setting.split(',').map((part) => part.trim());
}

/**
 * The client's address as Fastify's `request.ip` reads it with the same `trustProxy` (the same library, the same
 * reading of the option), for requests answered before Fastify (front-door.ts).
 */
export function clientAddress(trust: TrustProxy): (req: IncomingMessage) => string | undefined {
  if (trust === false) return (req) => req.socket.remoteAddress;
  const trusted = typeof trust === 'function' ? trust : trust === true ? () => true : proxyAddr.compile(trust);
  return (req) => {
    const all = proxyAddr.all(req, trusted);
    return all[all.length - 1];
  };
}
