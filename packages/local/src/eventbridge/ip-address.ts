/** An IPv4 (4 bytes) or IPv6 (16 bytes) address in network byte order. */
export type IpAddress = Uint8Array;

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): IpAddress | undefined {
  if (!IPV4_SHAPE.test(text)) return undefined;
  const octets = text.split('.');
  if (octets.some((octet) => octet.length > 3 || Number(octet) > 255)) return undefined;
  return Uint8Array.from(octets, Number);
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  if (!groups.every((group) => HEX_GROUP.test(group))) return undefined;
  return groups.map((group) => Number.parseInt(group, 16));
}

function parseIpv6(text: string): IpAddress | undefined {
  if (!IPV6_SHAPE.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

/**
 * Parses an IP address literal: dotted-quad IPv4, or IPv6 in hexadecimal groups with optional `::`
 * compression. Host names, zone ids and embedded IPv4 forms are not addresses here, as in EventBridge.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  return parseIpv4(text) ?? parseIpv6(text);
}

/** True when both addresses are of the same family and have the same bytes. */
export function sameIpAddress(a: IpAddress, b: IpAddress): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
