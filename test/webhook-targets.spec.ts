import { describe, expect, it } from '@jest/globals';
import { isPrivate } from '../src/webhooks/webhook-targets.js';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    '::127.0.0.1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fec0::1',
  ])('refuses %s', (address) => {
    expect(isPrivate(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '2001:db8::1'])('allows %s', (address) => {
    expect(isPrivate(address)).toBe(false);
  });
});
