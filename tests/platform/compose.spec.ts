import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadSecurityConfig } from '../../src/kernel/auth/security-config';
import { loadConfig, PROJECT_ROOT } from '../../src/kernel/config';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

const compose = parse(readFileSync(join(PROJECT_ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const { services } = compose;
const PLATFORM = ['rj-1', 'rj-2'];

/** What `docker compose` makes of `${X:?message}` (required: here a stand-in value) and `${X:-default}`. */
const interpolate = (value: string): string =>
  value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_all, name: string, kind?: string, rest?: string) =>
    kind === '-' ? (rest ?? '') : `${name.toLowerCase()}-${'x'.repeat(32)}`,
  );

/**
 * compose.yaml and the files it uses (no Docker engine here, and it is not started in CI): the services a
 * deployment needs, two platform instances configured for production, health checks, the balancer's checks.
 */
describe('compose.yaml', () => {
  it('starts PostgreSQL 15, Redis, NATS with JetStream, two platform instances and a load balancer', () => {
    expect(Object.keys(services).sort()).toEqual(['lb', 'nats', 'postgres', 'redis', 'rj-1', 'rj-2']);
    expect(services.postgres.image).toMatch(/^postgres:15/);
    expect(services.redis.image).toMatch(/^redis:/);
    expect(services.nats.command).toContain('--jetstream');
    for (const name of PLATFORM) expect(services[name]).toMatchObject({ build: '.', image: 'referentiel-justice:local' });
  });

  it('gives each instance the shared services and a production configuration the platform accepts', () => {
    for (const name of PLATFORM) {
      const env = Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
      expect(env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', REDIS_URL: 'redis://redis:6379', NATS_URL: 'nats://nats:4222' });
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/rj:.+@postgres:5432\/referentiel$/);
      // Production refuses to start without its secrets: with the placeholders filled, nothing is missing.
      expect(() => loadSecurityConfig(env)).not.toThrow();
      expect(loadConfig(env)).toMatchObject({ host: '0.0.0.0', port: 4000, changeFeed: { nats: { url: 'nats://nats:4222' } } });
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('');
    }
  });

  it('writes no secret: each one is a required variable', () => {
    const raw = services['rj-1'].environment!;
    for (const secret of ['GATEWAY_SECRET', 'JWT_JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE']) expect(raw[secret]).toMatch(new RegExp(`^\\$\\{${secret}:\\?`));
    expect(raw.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    expect(services.postgres.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('health-checks the instances on /readyz and waits for healthy dependencies', () => {
    for (const name of PLATFORM) expect(services[name].healthcheck!.test.join(' ')).toContain('/readyz');
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect([name, condition]).toEqual([name, 'service_healthy']);
        expect(services[dependency].healthcheck).toBeDefined();
      }
    }
  });

  it('balances over both instances, each checked on /readyz', () => {
    const mount = services.lb.volumes!.find((v) => v.endsWith('/usr/local/etc/haproxy/haproxy.cfg:ro'))!;
    const config = readFileSync(join(PROJECT_ROOT, mount.split(':')[0]), 'utf8');
    expect(config).toMatch(/option httpchk GET \/readyz/);
    expect(config).toMatch(/default-server check /);
    for (const name of PLATFORM) expect(config).toMatch(new RegExp(`^\\s*server ${name} ${name}:4000$`, 'm'));
  });

  it('builds the image from node:20-slim with npm ci and the build, and runs the built entry point', () => {
    const dockerfile = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM (\S+)/gm)).toEqual(['FROM node:20-slim', 'FROM node:20-slim']);
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/CMD \["node", "dist\/src\/main\.js"\]/);
    expect(existsSync(join(PROJECT_ROOT, 'src', 'main.ts'))).toBe(true);
    // What the running server reads from the project root is copied into the image.
    for (const folder of ['schema', 'security', 'data']) expect(dockerfile).toContain(`COPY --from=build /app/${folder} ./${folder}`);
  });
});
