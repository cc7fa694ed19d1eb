import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { BadInputError } from '../common/errors/domain-error.js';

/** Loopback, private, link-local, shared, multicast and reserved ranges: never a partner's public endpoint. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible (::127.0.0.1)
  ['64:ff9b::', 96], // NAT64
  ['2002::', 16], // 6to4
  ['fc00::', 7],
  ['fec0::', 10],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** Whether an address is loopback, private, link-local or otherwise not a public endpoint. */
export function isPrivate(address: string): boolean {
  // IPv4-mapped (::ffff:a.b.c.d, or ::ffff:7f00:1 in hex) is checked as the IPv4 address it carries. (Node's
  // BlockList would match every IPv4 address against an IPv6 rule for the mapped range.)
  const mapped = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (mapped) {
    const v4 =
      mapped[1] ?? [mapped[2], mapped[3]].flatMap((h) => [parseInt(h, 16) >> 8, parseInt(h, 16) & 255]).join('.');
    return PRIVATE.check(v4, 'ipv4');
  }
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Refuses webhook targets that are not http(s) or that resolve to a private address (unless allowed), so a
 * webhook cannot be used to reach the service's own network. Checked when created and before each delivery.
 */
export async function assertDeliverableTarget(url: string, allowPrivate: boolean, field = 'url'): Promise<void> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new BadInputError(field, 'is not a URL');
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new BadInputError(field, 'must be http(s)');
  if (target.username || target.password) throw new BadInputError(field, 'must not carry credentials');
  if (allowPrivate) return;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new BadInputError(field, `the host ${host} does not resolve`);
  }
  if (addresses.length === 0 || addresses.some(isPrivate)) {
    throw new BadInputError(
      field,
      `points to a loopback or private address (${host}); webhooks go to public endpoints`,
    );
  }
}
