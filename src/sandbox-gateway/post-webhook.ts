import http from 'node:http';
import https from 'node:https';

// Kept-alive connections to the shop: a webhook is sent for every payment, and fetch (undici)
// cost the gateway, which shares the machine with the shop in the demo, ~1 ms of CPU a call.
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/**
 * POSTs one webhook to the shop and resolves with the status it answered (its body is read and
 * dropped); rejects when the shop cannot be reached or takes longer than `timeoutMs`. A kept-alive
 * connection the shop had just closed is tried once more on a new one: Node's documented pattern.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  retry = true,
): Promise<number> {
  const secure = url.startsWith('https:');
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      url,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        response.on('error', reject);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.resume();
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (retry && request.reusedSocket && error.code === 'ECONNRESET')
        return resolve(postWebhook(url, headers, body, timeoutMs, false));
      reject(error);
    });
    request.end(body);
  });
}
