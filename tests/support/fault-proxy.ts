import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between a server under test and a real dependency (PostgreSQL), to inject the faults of production:
 * `freeze()` holds every byte in both directions (a SIGSTOPped server), `cut()` drops every connection and refuses
 * new ones (a killed server), `restore()` goes back to forwarding.
 */
export class FaultProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  /** Bytes that arrived while frozen, delivered in order on `restore()`. */
  private held: Array<[Socket, Buffer]> = [];
  private mode: 'forward' | 'freeze' | 'cut' = 'forward';
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }

  freeze(): void {
    this.mode = 'freeze';
  }

  cut(): void {
    this.mode = 'cut';
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.held = [];
  }

  restore(): void {
    this.mode = 'forward';
    for (const [to, chunk] of this.held) if (!to.destroyed) to.write(chunk);
    this.held = [];
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    if (this.mode === 'cut') return void client.destroy();
    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    const relay = (from: Socket, to: Socket) => from.on('data', (chunk: Buffer) => (this.mode === 'freeze' ? this.held.push([to, chunk]) : to.write(chunk)));
    relay(client, upstream);
    relay(upstream, client);
  }
}
