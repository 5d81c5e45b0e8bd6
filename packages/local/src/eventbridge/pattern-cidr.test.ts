import { describe } from 'vitest';
import { itMatchesCases, type MatchCase } from './test-support';

const cidr = (block: string): object => ({ detail: { sourceIPAddress: [{ cidr: block }] } });
const ip = (value: unknown): object => ({ detail: { sourceIPAddress: value } });

const ipv4: MatchCase[] = [
  {
    name: 'matches the last address of a /24',
    pattern: cidr('10.0.0.0/24'),
    event: ip('10.0.0.255'),
    expected: true,
  },
  {
    name: 'matches the first address of a /24',
    pattern: cidr('10.0.0.0/24'),
    event: ip('10.0.0.0'),
    expected: true,
  },
  { name: 'fails the next block', pattern: cidr('10.0.0.0/24'), event: ip('10.0.1.0'), expected: false },
  {
    name: 'fails an out-of-range octet',
    pattern: cidr('10.0.0.0/24'),
    event: ip('10.0.0.256'),
    expected: false,
  },
  { name: 'fails a truncated address', pattern: cidr('10.0.0.0/24'), event: ip('10.0.0'), expected: false },
  {
    name: 'fails text that is not an address',
    pattern: cidr('10.0.0.0/24'),
    event: ip('localhost'),
    expected: false,
  },
  { name: 'fails a number', pattern: cidr('10.0.0.0/24'), event: ip(123), expected: false },
  { name: 'fails null', pattern: cidr('10.0.0.0/24'), event: ip(null), expected: false },
  { name: 'fails a missing field', pattern: cidr('10.0.0.0/24'), event: { detail: {} }, expected: false },
  { name: 'matches across a /8', pattern: cidr('10.0.0.0/8'), event: ip('10.255.255.255'), expected: true },
  {
    name: 'matches every IPv4 address with /0',
    pattern: cidr('0.0.0.0/0'),
    event: ip('255.255.255.255'),
    expected: true,
  },
  {
    name: 'does not match IPv6 with an IPv4 /0',
    pattern: cidr('0.0.0.0/0'),
    event: ip('::1'),
    expected: false,
  },
  { name: 'matches inside a /31', pattern: cidr('10.0.0.0/31'), event: ip('10.0.0.1'), expected: true },
  { name: 'fails outside a /31', pattern: cidr('10.0.0.0/31'), event: ip('10.0.0.2'), expected: false },
  {
    name: 'ignores host bits in the block',
    pattern: cidr('10.0.0.77/24'),
    event: ip('10.0.0.1'),
    expected: true,
  },
  {
    name: 'matches inside a /12 off a byte boundary',
    pattern: cidr('172.16.0.0/12'),
    event: ip('172.31.255.255'),
    expected: true,
  },
  {
    name: 'fails outside a /12 off a byte boundary',
    pattern: cidr('172.16.0.0/12'),
    event: ip('172.32.0.0'),
    expected: false,
  },
  {
    name: 'matches any element of an event array',
    pattern: cidr('192.168.0.0/16'),
    event: ip(['8.8.8.8', '192.168.1.20']),
    expected: true,
  },
  {
    name: 'fails an address with a trailing space',
    pattern: cidr('10.0.0.0/24'),
    event: ip('10.0.0.1 '),
    expected: false,
  },
];

const ipv6: MatchCase[] = [
  {
    name: 'matches an expanded address in a /64',
    pattern: cidr('2001:db8:1234:1a00::/64'),
    event: ip('2001:0db8:1234:1a00:0000:0000:0000:0000'),
    expected: true,
  },
  {
    name: 'fails an address outside a /64',
    pattern: cidr('2001:db8:1234:1a00::/64'),
    event: ip('2001:0db8:123f:1a01:0000:0000:0000:0000'),
    expected: false,
  },
  {
    name: 'matches a compressed address',
    pattern: cidr('2001:db8:1234:1a00::/64'),
    event: ip('2001:db8:1234:1a00::42'),
    expected: true,
  },
  {
    name: 'matches upper-case hex',
    pattern: cidr('2001:db8::/32'),
    event: ip('2001:DB8:FFFF:FFFF::1'),
    expected: true,
  },
  {
    name: 'fails the neighbouring /32',
    pattern: cidr('2001:db8::/32'),
    event: ip('2001:db9::'),
    expected: false,
  },
  {
    name: 'matches every IPv6 address with ::/0',
    pattern: cidr('::/0'),
    event: ip('fe80::1'),
    expected: true,
  },
  { name: 'does not match IPv4 with ::/0', pattern: cidr('::/0'), event: ip('10.0.0.1'), expected: false },
  {
    name: 'does not match IPv6 with an IPv4 block',
    pattern: cidr('10.0.0.0/8'),
    event: ip('::a00:1'),
    expected: false,
  },
  {
    name: 'matches inside a /127',
    pattern: cidr('2001:db8::/127'),
    event: ip('2001:db8::1'),
    expected: true,
  },
  {
    name: 'fails outside a /127',
    pattern: cidr('2001:db8::/127'),
    event: ip('2001:db8::2'),
    expected: false,
  },
  {
    name: 'fails an address with a zone id',
    pattern: cidr('fe80::/10'),
    event: ip('fe80::1%eth0'),
    expected: false,
  },
  {
    name: 'fails an address with too many groups',
    pattern: cidr('::/0'),
    event: ip('1:2:3:4:5:6:7:8:9'),
    expected: false,
  },
  {
    name: 'fails an address with two compressions',
    pattern: cidr('::/0'),
    event: ip('1::2::3'),
    expected: false,
  },
];

describe('cidr', () => {
  describe('IPv4 blocks', () => itMatchesCases(ipv4));
  describe('IPv6 blocks', () => itMatchesCases(ipv6));
});
