import { describe, expect, it } from 'vitest';
import { clientNetwork } from './client-network.js';

describe('clientNetwork', () => {
  it('keeps an IPv4 address, also written as IPv4-mapped IPv6', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of an IPv6 /64 as one client, however it is written', () => {
    const network = '2001:db8:aa:bb::/64';
    expect(clientNetwork('2001:db8:aa:bb::1')).toBe(network);
    expect(clientNetwork('2001:0db8:00aa:00bb:ffff:1:2:3')).toBe(network);
    expect(clientNetwork('2001:db8:aa:bb:0:0:0:9%eth0')).toBe(network);
    expect(clientNetwork('2001:db8:aa:bc::1')).not.toBe(network);
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
  });
});
