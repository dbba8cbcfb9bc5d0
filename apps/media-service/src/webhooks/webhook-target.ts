import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Loopback, private, link-local, carrier-grade NAT and unspecified ranges: not a place to POST task data to. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address (v4, v6 or v4-mapped v6) is in a private range. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  const family = isIP(address);
  return family === 4 ? PRIVATE.check(address, 'ipv4') : family === 6 ? PRIVATE.check(address, 'ipv6') : false;
}

const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, '');

/** At submit, without a DNS lookup: why the URL names a private host (`localhost`, a private IP), or null. */
export function privateHostReason(url: string): string | null {
  const host = hostOf(url).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host))
    return `Webhook host ${host} is a private address (MEDIA_WEBHOOK_ALLOW_PRIVATE_NETWORKS is off)`;
  return null;
}

/**
 * Before a delivery: why the URL's host resolves to a private address, or null. Every address the name resolves to
 * is checked (a name with one private address is refused).
 */
export async function privateTargetReason(
  url: string,
  lookup: (host: string) => Promise<{ address: string }[]> = (host) => dnsLookup(host, { all: true }),
): Promise<string | null> {
  const literal = privateHostReason(url);
  if (literal) return literal;
  const host = hostOf(url);
  if (isIP(host)) return null;
  const addresses = await lookup(host);
  const inside = addresses.find((a) => isPrivateAddress(a.address));
  return inside
    ? `Webhook host ${host} resolves to the private address ${inside.address} (MEDIA_WEBHOOK_ALLOW_PRIVATE_NETWORKS is off)`
    : null;
}
