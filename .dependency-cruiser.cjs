/**
 * The architecture, checked by `npm run check`: data flows one way, from
 * content through the checks to the model, pages and exports, and nothing
 * below imports from above (see README, "How the code is laid out").
 * @type {import('dependency-cruiser').IConfiguration}
 */
const { builtinModules } = require('node:module');

/** Node's built-in modules, as dependency-cruiser resolves them (`crypto` for `node:crypto`). */
const nodeBuiltIns = `^(${builtinModules.filter((name) => !name.startsWith('_')).join('|')})$`;

const layer = (name, allowed) => ({
  name: `${name}-imports-only-below`,
  comment: `src/${name} may import only from ${allowed.join(', ')}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...allowed.map((path) => `^src/${path}`)] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'an import circle ties modules that should be layered', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'routes-import-nothing',
      comment: 'src/routes.ts is shared by Node and browser code and depends on nothing',
      severity: 'error',
      from: { path: '^src/routes\\.ts$' },
      to: { path: '^src/' },
    },
    layer('text', []),
    layer('corpus', ['text/', 'routes\\.ts$']),
    layer('linking', ['corpus/', 'text/', 'routes\\.ts$']),
    layer('ingest', ['linking/', 'corpus/', 'text/', 'routes\\.ts$']),
    layer('identifiers', ['corpus/', 'text/', 'routes\\.ts$']),
    layer('exports', ['corpus/', 'text/', 'routes\\.ts$']),
    layer('markdown', ['corpus/', 'site/', 'text/', 'routes\\.ts$']),
    layer('site', ['corpus/', 'text/', 'routes\\.ts$', 'config\\.ts$']),
    layer('views', ['site/', 'corpus/', 'text/', 'routes\\.ts$']),
    layer('node', ['markdown/', 'exports/', 'site/', 'corpus/', 'text/', 'routes\\.ts$', 'config\\.ts$']),
    layer('integration', ['node/', 'markdown/', 'exports/', 'site/', 'corpus/', 'text/', 'routes\\.ts$', 'config\\.ts$']),
    layer('client', ['site/', 'text/', 'routes\\.ts$']),
    {
      name: 'client-runs-in-the-browser',
      comment: 'browser code, and everything it imports, must not import Node built-ins',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: nodeBuiltIns, reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.astro'] },
  },
};
