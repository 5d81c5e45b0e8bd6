import { InvalidEventPatternError } from './invalid-event-pattern-error';
import { type IpAddress, parseIpAddress } from './ip-address';

/** An address block: every address whose first `prefixLength` bits equal those of `network`. */
export interface CidrBlock {
  readonly network: IpAddress;
  readonly prefixLength: number;
}

/**
 * Parses a `cidr` operand such as `10.0.0.0/24` or `2001:db8::/64`. Host bits may be set (they are
 * ignored). As in EventBridge, the prefix length must be below the address width (32 or 128): a single
 * address is written as a plain string value, which already matches by address.
 */
export function parseCidr(text: string, location: string): CidrBlock {
  const fail = (reason: string): never => {
    throw new InvalidEventPatternError(reason, location);
  };
  const pieces = text.split('/');
  if (pieces.length !== 2) return fail("Malformed CIDR, one '/' required");
  const [address = '', bits = ''] = pieces;
  if (!/^[0-9]+$/.test(bits)) return fail('Malformed CIDR, mask bits must be an integer');
  const network = parseIpAddress(address);
  if (!network) return fail(`Nonstandard IP address: ${address}`);
  const prefixLength = Number(bits);
  if (network.length === 4 && prefixLength > 31) fail('IPv4 mask bits must be < 32');
  if (network.length === 16 && prefixLength > 127) fail('IPv6 mask bits must be < 128');
  return { network, prefixLength };
}

/** True when `address` is of the block's family and inside the block. */
export function cidrContains(block: CidrBlock, address: IpAddress): boolean {
  if (address.length !== block.network.length) return false;
  const wholeBytes = Math.floor(block.prefixLength / 8);
  for (let i = 0; i < wholeBytes; i++) {
    if (address[i] !== block.network[i]) return false;
  }
  const remainingBits = block.prefixLength % 8;
  if (remainingBits === 0) return true;
  const mask = (0xff << (8 - remainingBits)) & 0xff;
  return ((address[wholeBytes] ?? 0) & mask) === ((block.network[wholeBytes] ?? 0) & mask);
}
