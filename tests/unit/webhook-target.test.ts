import { isPrivateAddress, targetProblem } from '../../src/webhooks/webhook-target';

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
});
