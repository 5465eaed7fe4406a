/** The subgraphs a supergraph names, with the URL written in it for each (`@join__graph(name:, url:)`). */
export function supergraphUrls(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) urls[match[1]] = match[2];
  return urls;
}

/** A subgraph is ready when its `/readyz` (beside its `/graphql`) answers 200 within the time given. */
async function subgraphReady(graphqlUrl: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(new URL('/readyz', graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** The split gateway is ready only when every subgraph it plans over is: a load balancer then routes elsewhere. */
export function subgraphsReady(urls: Readonly<Record<string, string>>, timeoutMs = 800): () => Promise<boolean> {
  return async () => (await Promise.all(Object.values(urls).map((url) => subgraphReady(url, timeoutMs)))).every(Boolean);
}
