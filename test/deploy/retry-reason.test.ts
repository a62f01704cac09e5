import { retryReason } from '../../src/deploy/retry.js';

// The reason a retry notice gives, from the error the Azure SDK throws (RestError's shape).
const restError = (status: number, code: string, retryAfter?: string) => ({
  statusCode: status,
  message: code,
  response: {
    headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) },
    bodyAsText: JSON.stringify({ error: { code, message: `${code} from ARM` } }),
  },
});

describe('retryReason', () => {
  test('429 names the Retry-After ARM sent', () => {
    expect(retryReason(restError(429, 'TooManyRequests', '3'))).toBe('429 TooManyRequests, Retry-After 3 s');
  });
  test('5xx names the status and ARM code', () => {
    expect(retryReason(restError(503, 'ServiceUnavailable'))).toBe('503 ServiceUnavailable');
  });
  test('a dropped connection names the socket error', () => {
    expect(retryReason(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(
      'dropped connection (ECONNRESET)',
    );
  });
});
