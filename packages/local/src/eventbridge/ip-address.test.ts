import { describe, expect, it } from 'vitest';
import { parseIpAddress } from './ip-address';

describe('parseIpAddress', () => {
  it.each([
    { text: '10.0.0.1', bytes: [10, 0, 0, 1] },
    { text: '255.255.255.255', bytes: [255, 255, 255, 255] },
    { text: '0.0.0.0', bytes: [0, 0, 0, 0] },
    { text: '::', bytes: new Array(16).fill(0) },
    { text: '::1', bytes: [...new Array(15).fill(0), 1] },
    { text: '2001:db8::ff00:42', bytes: [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0, 0, 0x42] },
    { text: 'FE80:0:0:0:0:0:0:1', bytes: [0xfe, 0x80, ...new Array(13).fill(0), 1] },
  ])('parses $text', ({ text, bytes }) => {
    expect(Array.from(parseIpAddress(text) ?? [])).toEqual(bytes);
  });

  it.each([
    '10.0.0',
    '10.0.0.256',
    '10.0.0.1.5',
    '1000.0.0.1',
    ' 10.0.0.1',
    'localhost',
    ':',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '12345::',
    'fe80::1%eth0',
    '::ffff:10.0.0.1',
    '',
  ])('does not treat %j as an address', (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
  });
});
