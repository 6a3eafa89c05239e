import { redactUrl } from '../../src/http/request-log';

describe('the address as it is logged', () => {
  it.each([
    ['/calendars/agendas/s3cret.ics?locale=en', '/calendars/agendas/[redacted].ics?locale=en'],
    ['/x?token=abc&locale=en', '/x?token=[redacted]&locale=en'],
    ['/graphql?query=%7B__typename%7D', '/graphql?query=%7B__typename%7D'],
    [
      '/graphql?query=%7Bagenda(token%3A%22s3cret%22)%7Bid%7D%7D',
      `/graphql?query=${encodeURIComponent('{agenda(token:"[redacted]"){id}}')}`,
    ],
    ['/graphql?query=%7Ba(t%3A%22%22%22s3%0Acret%22%22%22)%7D', `/graphql?query=${encodeURIComponent('{a(t:"[redacted]")}')}`],
    ['/graphql?query=%7Ba(t%3A%22s3%5C%22cret%22)%7D', `/graphql?query=${encodeURIComponent('{a(t:"[redacted]")}')}`],
    ['/graphql?query=q&variables=%7B%22t%22%3A%22s3cret%22%7D', '/graphql?query=q&variables=[redacted]'],
    ['/graphql?query=%E0%A4%A', '/graphql?query=[redacted]'],
  ])('writes %s as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
    expect(redactUrl(url)).not.toContain('s3');
  });
});
