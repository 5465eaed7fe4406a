import type { Plugin } from 'vite';
import { readSchemaHistory } from './schema-history';

const ID = 'virtual:schema-history';

/** Bundles the supergraph change log computed from git at build time as `virtual:schema-history`. */
export function schemaHistoryPlugin(repoDir: string): Plugin {
  return {
    name: 'srj-schema-history',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    async load(id) {
      if (id !== `\0${ID}`) return undefined;
      return `export default ${JSON.stringify(await readSchemaHistory(repoDir))};`;
    },
  };
}
