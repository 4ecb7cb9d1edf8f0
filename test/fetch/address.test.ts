/** The address rules, as a pure function over literal addresses: nothing here connects anywhere. */
import { describe, expect, it } from 'vitest';
import { classifyAddress, isAddressLiteral } from '../../src/fetch/address.ts';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
  ])('refuses %s (%s)', (address, range) => {
    const verdict = classifyAddress(address);
    expect(verdict).toMatchObject({ allowed: false, range });
    if (!verdict.allowed) expect(verdict.reason.length).toBeGreaterThan(5);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:192.168.0.10', 'private'],
  ])('judges the IPv4-mapped IPv6 address %s as the IPv4 address inside it (%s)', (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ allowed: false, range });
  });

  it('names the cloud metadata service in the reason for 169.254.169.254', () => {
    const verdict = classifyAddress('169.254.169.254');
    expect(!verdict.allowed && verdict.reason).toMatch(/metadata/u);
  });

  it.each(['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '::ffff:93.184.215.14'])('allows the public unicast address %s', (address) => {
    expect(classifyAddress(address)).toEqual({ allowed: true });
  });

  it('refuses what is not an address', () => {
    expect(classifyAddress('example.com')).toMatchObject({ allowed: false, range: 'invalid' });
    expect(classifyAddress('999.1.1.1')).toMatchObject({ allowed: false });
  });
});

describe('isAddressLiteral', () => {
  it('tells address literals (IPv6 in brackets too) from host names', () => {
    expect(isAddressLiteral('127.0.0.1')).toBe(true);
    expect(isAddressLiteral('[::1]')).toBe(true);
    expect(isAddressLiteral('[::ffff:7f00:1]')).toBe(true);
    expect(isAddressLiteral('localhost')).toBe(false);
    expect(isAddressLiteral('news.example')).toBe(false);
  });
});
