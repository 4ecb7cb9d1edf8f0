/**
 * Which network addresses Verbatim may fetch from: public unicast only. The ranges come from
 * ipaddr.js (IANA's special-purpose registries), not from a list of our own; this module only says
 * which of them are refused and why. Pure: an address in, a verdict out.
 */
import ipaddr from 'ipaddr.js';

/** Why an address is refused, or that it may be fetched from. */
export type AddressVerdict = { allowed: true } | { allowed: false; range: string; reason: string };

/**
 * The reason given for each refused range, by ipaddr.js's name for it. Every range but `unicast` is
 * refused; a range missing here is refused with a generic reason, so a range a later ipaddr.js
 * release adds is refused too, never let through.
 */
const REFUSED_RANGES: Readonly<Record<string, string>> = {
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  loopback: 'this machine (a loopback address)',
  private: 'a private network',
  uniqueLocal: 'a private network (IPv6 unique local)',
  // 169.254.169.254, the cloud metadata service of most providers, is here.
  linkLocal: 'a link-local address (where cloud metadata services answer)',
  carrierGradeNat: 'a carrier-grade NAT address (some clouds put their metadata service here)',
  deprecatedSiteLocal: 'a site-local address',
  reserved: 'a reserved address',
  // Addresses that carry an IPv4 address inside an IPv6 one, which could reach a private IPv4 host.
  rfc6052: 'an IPv4 address translated into IPv6 (NAT64)',
  rfc6145: 'an IPv4 address translated into IPv6',
  '6to4': 'a 6to4 tunnel address',
  teredo: 'a Teredo tunnel address',
};

/**
 * Whether `address` (an IPv4 or IPv6 literal, without brackets; a zone such as `%eth0` is allowed)
 * may be fetched from. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is judged as the IPv4
 * address it carries. Something that is not an address is refused.
 */
export function classifyAddress(address: string): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return { allowed: false, range: 'invalid', reason: 'not an IP address' };
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === 'unicast') return { allowed: true };
  return { allowed: false, range, reason: REFUSED_RANGES[range] ?? `a special-purpose address (${range})` };
}

/** Whether `host` (a URL's host name, an IPv6 one with or without brackets) is an IP address literal rather than a name. */
export function isAddressLiteral(host: string): boolean {
  return ipaddr.isValid(unbracketed(host));
}

/** A host as the allow-list and the address check compare it: lower case, IPv6 brackets removed. */
export function unbracketed(host: string): string {
  return host.replace(/^\[(.*)\]$/u, '$1').toLowerCase();
}
