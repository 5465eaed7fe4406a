import { ApolloGateway, RemoteGraphQLDataSource, type GatewayConfig } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { logInfrastructureFault, serviceUnavailableError } from '../kernel/errors/infrastructure-fault';
import { GATEWAY_ASSERTION_HEADER, GATEWAY_ASSERTION_REFUSED, gatewayAssertionSigner } from '../kernel/auth/gateway-assertion';
import { ANONYMOUS, type Principal } from '../kernel/auth/principal';
import { InProcessDataSource } from './in-process-data-source';
import { subgraphFetcher } from './subgraph-fetcher';

/** One process: the gateway plans queries over the supergraph and executes each subgraph fetch in memory. */
export function createInProcessGateway(
  supergraphSdl: string,
  schemas: ReadonlyMap<string, GraphQLSchema>,
  didResolveQueryPlan?: GatewayConfig['experimental_didResolveQueryPlan'],
): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    ...(didResolveQueryPlan ? { experimental_didResolveQueryPlan: didResolveQueryPlan } : {}),
    buildService: ({ name }) => {
      const schema = schemas.get(name);
      if (!schema) throw new Error(`the supergraph names subgraph "${name}", which this process does not run`);
      return new InProcessDataSource(schema);
    },
  });
}

/**
 * Apollo Server answers a request-level failure (e.g. a variable of the wrong type) with HTTP 400 and GraphQL errors;
 * the stock data source would replace them with a bare "400: Bad Request", so the client's error code was lost.
 */
class SubgraphHttpDataSource extends RemoteGraphQLDataSource<{ principal?: Principal }> {
  private readonly sign: ReturnType<typeof gatewayAssertionSigner>;

  constructor(
    options: { url: string; timeoutMs: number },
    private readonly subgraph: string,
    gatewaySecret: string,
  ) {
    // A frozen subgraph cannot hold a request longer than this (its assertion would expire on the way anyway).
    super({ url: options.url, fetcher: subgraphFetcher() });
    this.sign = gatewayAssertionSigner(gatewaySecret);
    const fetchOnce = this.fetcher;
    this.fetcher = async (url, init) => callerRefusedAsAnswer(await fetchOnce(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) }));
  }

  /** Unreachable, timed out, or refusing our own assertion: the subgraph is at fault, never the caller's credentials. */
  override didEncounterError(error: Error): void {
    const { code, reason } = error instanceof GraphQLError ? error.extensions : {};
    if (error instanceof GraphQLError && reason !== GATEWAY_ASSERTION_REFUSED && code !== 'INTERNAL_SERVER_ERROR' && code !== undefined) throw error;
    logInfrastructureFault(`subgraph ${this.subgraph}`, error, 'gateway fetch');
    throw serviceUnavailableError();
  }

  /** The caller, as the gateway authenticated it, signed for this subgraph only (it trusts nothing else). */
  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<{ principal?: Principal }>['willSendRequest']>>[0]): Promise<void> {
    const assertion = await this.sign(context.principal ?? ANONYMOUS, this.subgraph);
    request.http?.headers.set(GATEWAY_ASSERTION_HEADER, assertion);
  }

  override async errorFromResponse(response: Response): Promise<GraphQLError> {
    const body = (await response
      .clone()
      .json()
      .catch(() => undefined)) as { errors?: GraphQLFormattedError[] } | undefined;
    const first = body?.errors?.[0];
    if (!first) return super.errorFromResponse(response);
    return new GraphQLError(first.message, { extensions: { ...first.extensions } });
  }
}

type FetcherResponse = Awaited<ReturnType<RemoteGraphQLDataSource['fetcher']>>;

/**
 * A 401 that holds `data`: the subgraph accepted our assertion and ran the operation, a resolver refused the caller
 * (e.g. an anonymous `importJob`). An answer to pass on as such, not the subgraph refusing the gateway (a 503).
 */
async function callerRefusedAsAnswer(response: FetcherResponse): Promise<FetcherResponse> {
  if (response.status !== 401) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || !('data' in body)) return response;
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }) as unknown as FetcherResponse;
}

/** Split mode: each subgraph is its own HTTP service; `urls` overrides the URLs written in the supergraph. */
export function createRemoteGateway(
  supergraphSdl: string,
  urls: Readonly<Record<string, string>>,
  gatewaySecret: string,
  timeoutMs = subgraphTimeoutMs(),
): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SubgraphHttpDataSource({ url: urls[name] ?? url!, timeoutMs }, name, gatewaySecret),
  });
}

/** `SUBGRAPH_TIMEOUT_MS`: how long the gateway waits for one subgraph fetch (default 30 s, under the assertion's minute). */
export function subgraphTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.SUBGRAPH_TIMEOUT_MS ?? 30_000);
  return Number.isInteger(value) && value > 0 ? value : 30_000;
}
