import { describe, expect, it } from '@jest/globals';
import { isPrivateAddress, privateHostReason, privateTargetReason } from './webhook-target.js';

describe('webhook targets', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['2001:4860:4860::8888', false],
    ['example.com', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('refuses localhost and private IP literals at submit, names stay for delivery time', () => {
    expect(privateHostReason('http://localhost:8080/x')).toMatch(/localhost is a private address/);
    expect(privateHostReason('http://[::1]:8080/x')).toMatch(/::1 is a private address/);
    expect(privateHostReason('https://10.0.0.5/hook')).toMatch(/10\.0\.0\.5/);
    expect(privateHostReason('https://hooks.example.com/x')).toBeNull();
  });

  it('refuses a name resolving to a private address at delivery', async () => {
    const resolvesTo =
      (...addresses: string[]) =>
      async () =>
        addresses.map((address) => ({ address }));
    expect(await privateTargetReason('https://hooks.example.com/x', resolvesTo('93.184.216.34'))).toBeNull();
    expect(await privateTargetReason('https://evil.example.com/x', resolvesTo('93.184.216.34', '127.0.0.1'))).toMatch(
      /resolves to the private address 127\.0\.0\.1/,
    );
  });
});
