require('reflect-metadata');
const { MikroORM } = require('@mikro-orm/postgresql');
const { createOrmConfig } = require('/work/main/dist/src/kernel/database/mikro-orm.config');
const { startOneProcessServer } = require('/work/main/dist/src/platform/servers');
(async () => {
  process.env.RESPONSE_CACHE_MB = '0'; process.env.LOG_LEVEL='warn';
  const orm = await MikroORM.init(createOrmConfig('postgres://postgres@127.0.0.1:5432/rj_prof100k', { debug: ['query', 'query-params'], logger: (m) => console.log(m.slice(0, 400)) }));
  const server = await startOneProcessServer(orm, { host: '127.0.0.1', port: 0 });
  console.log('=== request');
  const q = process.argv[2];
  const r = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
  console.log('=== status', r.status, (await r.text()).length);
  await server.stop(); await orm.close(true); process.exit(0);
})();
