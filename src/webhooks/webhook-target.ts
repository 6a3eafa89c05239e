import { lookup as lookupCallback, LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';

/**
 * Addresses a webhook may not reach unless private targets are allowed: this machine, the private
 * networks behind it and addresses that are not one host. IPv4-mapped IPv6 addresses
 * (`::ffff:10.0.0.1`) are checked against the IPv4 ranges by BlockList itself.
 */
const PRIVATE_ADDRESSES = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", including the unspecified address
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  PRIVATE_ADDRESSES.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated): ::127.0.0.1 and the like
  ['64:ff9b::', 96], // NAT64: reaches IPv4 addresses, private ones included
  ['64:ff9b:1::', 48], // NAT64 for local use
  ['2002::', 16], // 6to4: wraps an IPv4 address, private ones included
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // the former site-local
  ['ff00::', 8], // multicast
] as const) {
  PRIVATE_ADDRESSES.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) throw new Error(`"${address}" is not an IP address`);
  return PRIVATE_ADDRESSES.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a URL is no webhook target, in words for the organiser; null if it may be used. */
export async function targetProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http or https URL';
  if (!parsed.hostname) return 'names no host';
  if (parsed.username || parsed.password) return 'must not hold credentials: check the signature instead';
  if (allowPrivate) return null;

  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) return isPrivateAddress(host) ? `points to a private or local address (${host})` : null;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ENOTFOUND' || code === 'ENODATA'
      ? `host "${host}" is not found`
      : `host "${host}" could not be looked up (${code ?? 'error'})`;
  }
  // Every address counts: a client may connect to any of them.
  const blocked = addresses.find(({ address }) => isPrivateAddress(address));
  return blocked ? `host "${host}" resolves to a private or local address (${blocked.address})` : null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type HostLookup = (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => void;

/**
 * The name lookup of the connection itself: a delivery connects only to an address checked right
 * then, so a name that resolved to a public address when it was checked and to a private one a
 * moment later (DNS rebinding) is refused instead of reached.
 */
export function guardedLookup(lookupHost: HostLookup = lookupCallback as unknown as HostLookup): HostLookup {
  return (hostname, options, callback) =>
    lookupHost(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
      const blocked = addresses.find((candidate) => isPrivateAddress(candidate));
      if (blocked === undefined) return callback(null, address, family);
      const refusal: NodeJS.ErrnoException = new Error(`host "${hostname}" resolves to a private or local address (${blocked})`);
      refusal.code = 'EPRIVATEADDRESS';
      callback(refusal, address, family);
    });
}

/**
 * The HTTP client webhook deliveries go through: unless private targets are allowed, each
 * connection's lookup is guarded. (`lookupHost` stands in for the system's resolver in tests.)
 */
export function webhookDispatcher(allowPrivate: boolean, lookupHost?: HostLookup): Agent {
  const lookup = allowPrivate ? lookupHost : guardedLookup(lookupHost);
  return new Agent(lookup ? { connect: { lookup } } : {});
}
