import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { HostLookup, isPrivateAddress, targetProblem, webhookDispatcher } from '../../src/webhooks/webhook-target';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a00:1',
    '64:ff9b:1::a00:1', // NAT64 for local use
    '2002:7f00:1::1', // 6to4 around 127.0.0.1
    '2002:c0a8:101::1', // 6to4 around 192.168.1.1
    '::7f00:1', // IPv4-compatible ::127.0.0.1
    '::a00:1', // IPv4-compatible ::10.0.0.1
  ])('counts %s as private or local', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'counts %s as public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it.each([
    ['ftp://example.org/hook', /http or https/],
    ['javascript:alert(1)', /http or https/],
    ['not a url', /absolute URL/],
    ['https://user:secret@example.org/hook', /credentials/],
    ['http://[::1]:8080/hook', /private or local address \(::1\)/],
    ['http://0x7f.1/hook', /private or local address \(127\.0\.0\.1\)/],
    ['http://localhost/hook', /resolves to a private or local address/],
  ])('refuses %s', async (url, problem) => {
    expect(await targetProblem(url, false)).toMatch(problem);
  });

  it('lets private addresses through when allowed, but never other schemes', async () => {
    expect(await targetProblem('http://127.0.0.1:8080/hook', true)).toBeNull();
    expect(await targetProblem('http://localhost/hook', true)).toBeNull();
    expect(await targetProblem('file:///etc/passwd', true)).toMatch(/http or https/);
  });

  it('accepts a public address', async () => {
    expect(await targetProblem('https://93.184.215.14/hook', false)).toBeNull();
    expect(await targetProblem('http://[2606:4700:4700::1111]/hook', false)).toBeNull();
  });

  describe('the connection itself (DNS rebinding)', () => {
    let receiver: Server;
    let port: number;
    let received = 0;
    beforeAll(async () => {
      receiver = createServer((_request, response) => {
        received++;
        response.end('thanks');
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      port = (receiver.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((resolve) => receiver.close(resolve)));

    /** A name server that has changed its mind since the target was checked: the name now points here. */
    const rebound: HostLookup = (_hostname, options, callback) =>
      'all' in options && options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4);

    it('refuses to connect when the name resolves to a private address at connection time', async () => {
      const dispatcher = webhookDispatcher(false, rebound);
      const before = received;
      const attempt = fetch(`http://hooks.rebound.test:${port}/hook`, { method: 'POST', body: '{}', dispatcher });
      await expect(attempt).rejects.toMatchObject({
        cause: { code: 'EPRIVATEADDRESS', message: expect.stringContaining('resolves to a private or local address (127.0.0.1)') },
      });
      expect(received).toBe(before);
      await dispatcher.close();
    });

    it('connects through the same lookup when private targets are allowed', async () => {
      const dispatcher = webhookDispatcher(true, rebound);
      const before = received;
      const response = await fetch(`http://hooks.rebound.test:${port}/hook`, { method: 'POST', body: '{}', dispatcher });
      expect(await response.text()).toBe('thanks');
      expect(received).toBe(before + 1);
      await dispatcher.close();
    });
  });
});
