import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/** Where the server may send requests of its own (webhook deliveries): read once from the environment. */
export interface OutboundPolicy {
  /** Loopback, private, link-local, unique-local addresses allowed too: tests and local development only. */
  allowPrivate: boolean;
  /** Private networks allowed although `allowPrivate` is off (an intranet's receivers), as CIDRs. */
  allowedNetworks: string[];
  /** Plain http refused (production). */
  httpsOnly: boolean;
}

/** A destination refused by the policy; the message says why and never more than the address. */
export class OutboundRefused extends Error {}

/** IANA special-purpose ranges no delivery may reach: the name says why in a refusal. */
const SPECIAL: readonly [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.88.99.0', 24, 'ipv4', 'reserved'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'reserved'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fc00::', 7, 'ipv6', 'unique-local'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  ['100::', 64, 'ipv6', 'discard'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['2001::', 32, 'ipv6', 'Teredo'],
];

const rangesByName = new Map<string, BlockList>();
for (const [network, prefix, family, name] of SPECIAL) {
  if (!rangesByName.has(name)) rangesByName.set(name, new BlockList());
  rangesByName.get(name)!.addSubnet(network, prefix, family);
}

/** 16 bytes of an IPv6 address (`::` expanded, a dotted IPv4 tail read). */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const groups = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = groups(head);
  const t = groups(tail);
  const all = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), if any: it is what gets reached. */
function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const quad = (i: number) => b.slice(i, i + 4).join('.');
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return quad(12); // ::ffff:a.b.c.d
  if (zero(0, 12) && !zero(12, 16) && !(zero(12, 15) && b[15] === 1)) return quad(12); // ::a.b.c.d (deprecated)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) return quad(12); // 64:ff9b::/96 and /48 (NAT64)
  if (b[0] === 0x20 && b[1] === 0x02) return quad(2); // 2002::/16 (6to4)
  return null;
}

/** Why an address may not be reached ("loopback", "private" …), or null for an ordinary public address. */
export function specialAddress(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner) return specialAddress(inner);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [name, list] of rangesByName) if (list.check(address.replace(/%.*$/, ''), type)) return name;
  return null;
}

function allowedList(networks: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of networks) {
    const [network, prefix] = cidr.split('/');
    const family = isIP(network);
    if (!family || !/^\d+$/.test(prefix ?? '')) throw new Error(`"${cidr}" is not a network (CIDR such as 10.20.0.0/16)`);
    list.addSubnet(network, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/** Refuses an address the policy forbids (unspecified and multicast always: no receiver lives there). */
export function assertReachable(address: string, policy: OutboundPolicy): void {
  const why = specialAddress(address);
  if (why === null) return;
  const never = why === 'unspecified' || why === 'multicast' || why === 'not an IP address';
  const listed = () => policy.allowedNetworks.length > 0 && allowedList(policy.allowedNetworks).check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
  if (!never && (policy.allowPrivate || listed())) return;
  throw new OutboundRefused(why === 'not an IP address' ? `${address} is ${why}` : `${address} is a${/^[aeiou]/.test(why) ? 'n' : ''} ${why} address`);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request: resolves the name, refuses it if ANY of its addresses is forbidden, and hands the
 * socket the addresses it checked, so the connection goes where the check looked (no DNS rebinding in between).
 */
export function guardedLookup(policy: OutboundPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      try {
        if (!addresses.length) throw new OutboundRefused(`${hostname} has no address`);
        for (const { address } of addresses) assertReachable(address, policy);
      } catch (refusal) {
        return callback(Object.assign(refusal as Error, { code: 'EREFUSED_BY_POLICY' }), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Resolves every address of a name (a literal is itself) and checks each. */
export async function assertHostReachable(hostname: string, policy: OutboundPolicy): Promise<void> {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) return assertReachable(host, policy);
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, found) => (error ? reject(new OutboundRefused(`${host} does not resolve`)) : resolve(found))),
  );
  if (!addresses.length) throw new OutboundRefused(`${host} has no address`);
  for (const { address } of addresses) assertReachable(address, policy);
}

/** A URL the server may call: http(s) (https only when so configured), no credentials in it, a reachable host. */
export async function assertOutboundUrl(raw: string, policy: OutboundPolicy): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundRefused('the URL must be http or https');
  if (policy.httpsOnly && url.protocol !== 'https:') throw new OutboundRefused('the URL must be https');
  if (url.username || url.password) throw new OutboundRefused('the URL must not carry credentials');
  await assertHostReachable(url.hostname, policy);
  return url;
}

const flag = (raw: string | undefined): boolean | undefined => (raw === undefined || raw === '' ? undefined : raw === 'true');

/**
 * `WEBHOOK_ALLOW_PRIVATE` (off unless set: tests and a developer's local receiver set it; refused in production),
 * `WEBHOOK_ALLOWED_NETWORKS` (CIDRs of an intranet's receivers), https only in production.
 */
export function loadOutboundPolicy(env: NodeJS.ProcessEnv = process.env): OutboundPolicy {
  const production = env.NODE_ENV === 'production';
  const allowPrivate = flag(env.WEBHOOK_ALLOW_PRIVATE) ?? false;
  if (production && allowPrivate)
    throw new Error("WEBHOOK_ALLOW_PRIVATE is for tests and development: in production list the receivers' networks in WEBHOOK_ALLOWED_NETWORKS");
  const allowedNetworks = (env.WEBHOOK_ALLOWED_NETWORKS ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  allowedList(allowedNetworks); // fails at start-up on a malformed network
  return { allowPrivate, allowedNetworks, httpsOnly: production };
}
