import net from 'node:net';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';

/** What a raw TCP client receives until the server closes the connection, and after how long. */
function rawExchange(port: number, sent: string): Promise<{ received: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1', () => socket.write(sent));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ received, ms: performance.now() - started }));
    // Bounded: a server that never closes fails the test instead of hanging it.
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}

/**
 * Issue 7, finding 11: a connection sending a partial body stayed open for minutes. The real
 * server (listening on a port, not `inject`) answers 408 and closes within about its timeout.
 */
describeEachEngine(
  'request timeouts',
  (suite) => {
    let port = 0;
    const listen = async () => {
      if (port) return port;
      await suite.app.listen({ host: '127.0.0.1', port: 0 });
      const address = suite.app.server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      return port;
    };

    it('answers 408 and closes a request whose body stops half-way, after the request timeout', async () => {
      const { received, ms } = await rawExchange(
        await listen(),
        'POST /en/account/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nidentifier=slow',
      );
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
      expect(ms).toBeGreaterThan(900);
      expect(ms).toBeLessThan(2_500);
    });

    it('answers 408 and closes a request whose headers never end, after the headers timeout', async () => {
      const { received, ms } = await rawExchange(
        await listen(),
        'GET /en HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1\r\n',
      );
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
      expect(ms).toBeGreaterThan(400);
      expect(ms).toBeLessThan(1_800);
    });

    it('still serves a request sent in time on the same server', async () => {
      const { received } = await rawExchange(
        await listen(),
        'GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
      );
      expect(received).toMatch(/^HTTP\/1\.1 200 /);
    });
  },
  { env: { REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '500' } },
);
