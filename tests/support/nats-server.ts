import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A private JetStream broker of the suite's own (never the shared one on 4222), with its own storage folder so that
 * streams survive `stop()` + `start()` like a real restart.
 */
export class PrivateNatsServer {
  private process: ChildProcess | null = null;
  private readonly storeDir = mkdtempSync(join(tmpdir(), 'rj-nats-'));
  port = 0;

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    const child = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], { stdio: 'ignore' });
    this.process = child;
    for (let i = 0; i < 100; i++) {
      const nc = await connect({ servers: this.url, reconnect: false }).catch(() => null);
      if (nc) {
        await nc.close();
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nats-server did not start on ${this.url}`);
  }

  /** Kills the broker (SIGKILL: no goodbye to clients), keeping its storage for a restart. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

/** Every message of a stream, in stream order. */
export async function readStream(natsUrl: string, stream: string): Promise<StoredMsg[]> {
  const nc: NatsConnection = await connect({ servers: natsUrl });
  try {
    const jsm: JetStreamManager = await jetstreamManager(nc);
    const info = await jsm.streams.info(stream).catch(() => null);
    if (!info) return [];
    const messages: StoredMsg[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const message = await jsm.streams.getMessage(stream, { seq });
      if (message) messages.push(message);
    }
    return messages;
  } finally {
    await nc.close();
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
