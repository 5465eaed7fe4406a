import { Client } from 'pg';
import { dedicatedConnection } from '../kernel/database/dedicated-connection';

/** A sleep that a new outbox event, a reconnection or a stop cuts short: the readers' loops wait on it. */
export class Waker {
  private wakeUp: (() => void) | null = null;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  wake(): void {
    this.wakeUp?.();
  }
}

/** A connection that LISTENs for new outbox events (NOTIFY change_event) and wakes its reader on each, or on an error. */
export async function listenToOutbox(databaseUrl: string, applicationName: string, waker: Waker, onError?: (error: Error) => void): Promise<Client> {
  const db = new Client(dedicatedConnection(databaseUrl, applicationName));
  db.on('error', (error) => {
    onError?.(error);
    waker.wake();
  });
  db.on('notification', () => waker.wake());
  try {
    await db.connect();
    await db.query('listen change_event');
    return db;
  } catch (error) {
    await db.end().catch(() => undefined);
    throw error;
  }
}
