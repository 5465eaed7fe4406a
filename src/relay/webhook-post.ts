import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertOutboundUrl, guardedLookup, type OutboundPolicy } from '../kernel/net/outbound-policy';

/**
 * POSTs a delivery: the URL is checked again (a subscription may predate the policy), the name is resolved by a
 * lookup that refuses forbidden addresses and the socket connects to the very addresses it checked (no rebinding).
 * Redirects are not followed (one could point inside). Resolves with the HTTP status.
 */
export async function postWebhook(rawUrl: string, headers: Record<string, string>, body: string, timeoutMs: number, policy: OutboundPolicy): Promise<number> {
  const url = await assertOutboundUrl(rawUrl, policy);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(policy),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        res.resume(); // the body is not read, only drained
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
