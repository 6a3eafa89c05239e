import { ClientWindows, clientOf } from '../../src/auth/failed-attempts';

describe('the client a wrong token counts against', () => {
  it('is an IPv4 address itself, and an IPv4-mapped IPv6 address its IPv4 one', () => {
    expect(clientOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 of an IPv6 address, however it is written', () => {
    for (const address of [
      '2001:db8:7:8::1',
      '2001:0db8:0007:0008:ffff:ffff:ffff:ffff',
      '2001:db8:7:8:1:2:192.0.2.1',
      '2001:db8:7:8::1%eth0',
    ]) {
      expect(clientOf(address)).toBe('2001:db8:7:8::/64');
    }
    expect(clientOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientOf('::1')).toBe('0:0:0:0::/64');
    expect(clientOf('2001:db8:7:9::1')).not.toBe(clientOf('2001:db8:7:8::1'));
  });
});

describe('counting in memory', () => {
  it('counts a minute from the first wrong token, then starts again', () => {
    const windows = new ClientWindows(2);
    expect(windows.count('a', 0)).toEqual({ attempts: 1, retryAfterSeconds: 60 });
    expect(windows.count('a', 30_000)).toEqual({ attempts: 2, retryAfterSeconds: 30 });
    expect(windows.count('a', 59_000)).toEqual({ attempts: 3, retryAfterSeconds: 1 });
    expect(windows.count('a', 60_000)).toEqual({ attempts: 1, retryAfterSeconds: 60 });
  });

  it('makes room by dropping the oldest clients under the limit, never one that is refused', () => {
    const windows = new ClientWindows(1, 2);
    windows.count('refused', 0);
    windows.count('refused', 0);
    for (const client of ['b', 'c', 'd', 'e']) windows.count(client, 1);
    expect(windows.count('refused', 2).attempts).toBe(3);
    expect(windows.count('e', 2).attempts).toBe(2);
    expect(windows.count('b', 2).attempts).toBe(1);
  });
});
