import { Client, type ClientConfig } from 'pg';
import { logInfrastructureFault } from '../errors/infrastructure-fault';

/**
 * A long-lived connection of its own (an import, the relay): when its process dies mid-statement, PostgreSQL notices
 * within seconds (it polls the client's socket during a statement, and TCP keepalives catch a vanished host), so the
 * backend ends and its locks (the referential's import lock) are released instead of being held until the statement
 * would have finished.
 */
export const dedicatedConnection = (connectionString: string, applicationName: string): ClientConfig => ({
  connectionString,
  application_name: applicationName,
  keepAlive: true,
  keepAliveInitialDelayMillis: 5_000,
  options: '-c client_connection_check_interval=1000 -c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3',
});

/**
 * A connected client of its own. pg emits `error` on a client whose server went away between two queries; without a
 * listener Node would end the process, so the fault is logged here (the query in flight, if any, still rejects).
 */
export async function openDedicatedConnection(connectionString: string, applicationName: string): Promise<Client> {
  const client = new Client(dedicatedConnection(connectionString, applicationName));
  client.on('error', (error) => logInfrastructureFault('database connection', error, applicationName));
  await client.connect();
  return client;
}
