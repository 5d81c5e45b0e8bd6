import ipaddr from 'ipaddr.js';

/**
 * Where webhook deliveries may go. Only globally routable unicast addresses: loopback, private
 * (RFC 1918), link-local (cloud metadata lives at 169.254.169.254), unique-local, CGNAT, multicast,
 * broadcast, unspecified, reserved and the IPv6 ranges that embed an IPv4 address (6to4, NAT64,
 * Teredo) are refused. IPv4-mapped IPv6 is judged as the IPv4 address it carries.
 */
export interface WebhookTargetPolicy {
  /** Loopback receivers for a developer's machine; no AWS stage sets it. */
  readonly allowLoopback: boolean;
}

/** Whether a delivery may connect to `address` (an IP literal, brackets allowed). */
export function isPermittedAddress(address: string, policy: WebhookTargetPolicy): boolean {
  const literal = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(literal)) return false;
  const range = ipaddr.process(literal).range();
  return range === 'unicast' || (policy.allowLoopback && range === 'loopback');
}

/**
 * The IP literal a URL's hostname spells, or undefined for a name. The WHATWG URL parser has
 * already turned `127.1`, `0x0a000001`, `167772161` and octal forms into dotted quads.
 */
export function ipLiteralOf(hostname: string): string | undefined {
  const literal = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(literal) ? literal : undefined;
}

/** Plain http is for loopback receivers on a developer's machine only. */
export function isPermittedScheme(url: URL, policy: WebhookTargetPolicy): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && policy.allowLoopback);
}
