/**
 * `node -r tests/support/swc-require.js x.ts`: a plain Node process that loads the TypeScript sources, compiled by
 * swc with Jest's own options, through Node's module loader. OpenTelemetry's instrumentations patch modules as
 * that loader hands them out; Jest's loader bypasses it, so tracing is tested in such a child process.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const jestConfig = require('../../jest.config.js');

const [, swcOptions] = jestConfig.transform['^.+\\.ts$'];

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
