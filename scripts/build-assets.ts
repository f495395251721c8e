import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

/** Bundles the stylesheet (with self-hosted fonts) and the small client script into public/build. */
const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'public/build');
fs.mkdirSync(outdir, { recursive: true });

/** The example theme's tokens, re-scoped to our own theme class (ARCHITECTURE.md: our own theme). */
const ownTheme: esbuild.Plugin = {
  name: 'routekaart-theme',
  setup(build) {
    build.onLoad({ filter: /voorbeeld-design-tokens[\\/]dist[\\/]theme\.css$/ }, async (args) => ({
      contents: (await fs.promises.readFile(args.path, 'utf8')).replaceAll(
        '.voorbeeld-theme',
        '.routekaart-theme',
      ),
      loader: 'css',
    }));
  },
};

const started = performance.now();
await esbuild.build({
  entryPoints: { app: path.join(root, 'src/client/app.css') },
  bundle: true,
  minify: true,
  outdir,
  loader: { '.woff2': 'file', '.woff': 'file' },
  assetNames: 'fonts/[name]-[hash]',
  plugins: [ownTheme],
  logLevel: 'warning',
});
await esbuild.build({
  entryPoints: { app: path.join(root, 'src/client/app.ts') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  outdir,
  logLevel: 'warning',
});
console.log(`assets built in ${Math.round(performance.now() - started)} ms`);
