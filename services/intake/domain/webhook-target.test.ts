import { describe, expect, it } from 'vitest';
import { ipLiteralOf, isPermittedAddress, isPermittedScheme } from './webhook-target';

const deployed = { allowLoopback: false };
const developer = { allowLoopback: true };
const hostOf = (url: string) => new URL(url).hostname;

describe('webhook target addresses', () => {
  it.each([
    ['loopback', 'http://127.0.0.1:1/x'],
    ['loopback, short form', 'http://127.1/x'],
    ['loopback, octal', 'https://0177.0.0.1/x'],
    ['IPv6 loopback', 'https://[::1]/x'],
    ['cloud metadata (link-local)', 'https://169.254.169.254/latest/meta-data/'],
    ['RFC 1918 10/8', 'https://10.0.0.1/x'],
    ['RFC 1918 10/8, hexadecimal', 'https://0x0a000001/x'],
    ['RFC 1918 10/8, decimal', 'https://167772161/x'],
    ['RFC 1918 172.16/12', 'https://172.16.0.1/x'],
    ['RFC 1918 192.168/16', 'https://192.168.1.1/x'],
    ['CGNAT', 'https://100.64.0.1/x'],
    ['unique-local', 'https://[fd00::1]/x'],
    ['IPv6 link-local', 'https://[fe80::1]/x'],
    ['IPv4-mapped private', 'https://[::ffff:10.0.0.1]/x'],
    ['NAT64 of a private address', 'https://[64:ff9b::a00:1]/x'],
    ['6to4', 'https://[2002:a00:1::]/x'],
    ['unspecified', 'https://0.0.0.0/x'],
    ['multicast', 'https://224.0.0.1/x'],
    ['broadcast', 'https://255.255.255.255/x'],
  ])('refuses %s', (_name, url) => {
    const literal = ipLiteralOf(hostOf(url));
    expect(literal).toBeDefined();
    expect(isPermittedAddress(literal ?? '', deployed)).toBe(false);
  });

  it.each(['8.8.8.8', '203.0.114.10', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts public %s',
    (address) => {
      expect(isPermittedAddress(address, deployed)).toBe(true);
    },
  );

  it('accepts loopback only where the developer setting allows it, and nothing else private', () => {
    expect(isPermittedAddress('127.0.0.1', developer)).toBe(true);
    expect(isPermittedAddress('::1', developer)).toBe(true);
    expect(isPermittedAddress('10.0.0.1', developer)).toBe(false);
    expect(isPermittedAddress('169.254.169.254', developer)).toBe(false);
  });

  it('treats names as names and refuses what is not an address', () => {
    expect(ipLiteralOf('hooks.acme-health.example')).toBeUndefined();
    expect(isPermittedAddress('hooks.acme-health.example', deployed)).toBe(false);
  });

  it('allows plain http only with the developer setting', () => {
    expect(isPermittedScheme(new URL('https://hooks.example/x'), deployed)).toBe(true);
    expect(isPermittedScheme(new URL('http://127.0.0.1/x'), deployed)).toBe(false);
    expect(isPermittedScheme(new URL('http://127.0.0.1/x'), developer)).toBe(true);
  });
});
