import { dirname, join } from 'node:path';
import express, { type Router } from 'express';
import { refuseHttp } from './refuse-http';

const EXAMPLE = `# Référentiel Justice: the courts competent for Ambérieu-en-Bugey's neighbour, Abergement-Clémenciat (01001)
query CompetentCourts {
  competentCourts(insee: "01001") {
    type
    court { code name parent { name } }
  }
  courts(filter: { type: COUR_APPEL }, first: 5) {
    totalCount
    edges { node { code name children(type: TRIBUNAL_JUDICIAIRE) { name } } }
  }
}
`;

const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** GraphiQL served from the installed npm packages: the IDE works offline, with no CDN. */
export function graphiqlRouter(endpoint: string): Router {
  const router = express.Router();
  const assets: Record<string, string> = {
    'react.js': join(packageDir('react'), 'umd', 'react.production.min.js'),
    'react-dom.js': join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
    'graphiql.js': join(packageDir('graphiql'), 'graphiql.min.js'),
    'graphiql.css': join(packageDir('graphiql'), 'graphiql.min.css'),
  };
  router.get('/assets/:file', (req, res) => {
    const file = assets[req.params.file];
    if (!file) return refuseHttp(res, 404, 'NOT_FOUND', 'Not found');
    res.sendFile(file, { maxAge: '1d' });
  });
  router.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Référentiel Justice · GraphQL</title>
<link rel="stylesheet" href="assets/graphiql.css"><style>html,body,#ide{height:100%;margin:0}</style></head>
<body><div id="ide"></div>
<script src="assets/react.js"></script><script src="assets/react-dom.js"></script><script src="assets/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  ReactDOM.createRoot(document.getElementById('ide')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE)}, defaultEditorToolsVisibility: true }));
</script></body></html>`);
  });
  return router;
}
