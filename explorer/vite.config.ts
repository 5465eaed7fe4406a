import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressPlugin } from './build/precompress-plugin';
import { schemaHistoryPlugin } from './build/schema-history-plugin';

const root = __dirname;

export default defineConfig({
  root,
  base: '/explorer/',
  plugins: [react(), schemaHistoryPlugin(resolve(root, '..')), precompressPlugin(resolve(root, '../dist/explorer'))],
  build: {
    outDir: resolve(root, '../dist/explorer'),
    emptyOutDir: true,
    // GraphiQL and cytoscape are large by nature; they are split into their own chunks and loaded per view.
    chunkSizeWarningLimit: 2500,
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000', '/explorer/api': 'http://127.0.0.1:4000' } },
});
