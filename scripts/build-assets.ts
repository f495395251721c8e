import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { PurgeCSS } from 'purgecss';
import subsetFont from 'subset-font';

/**
 * Bundles the stylesheet and the small client script into public/build, for a fast first visit
 * (decision 0009): the fonts subset to the characters the interface writes, only the CSS rules that
 * pages use, and a Brotli and gzip copy of each text asset beside it for @fastify/static to send.
 */
const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'public/build');
fs.rmSync(outdir, { recursive: true, force: true });
fs.mkdirSync(path.join(outdir, 'fonts'), { recursive: true });

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

/**
 * Dutch and English text: Basic Latin, Latin-1 (é, ë, ï, ö, ü…), Latin Extended-A (ĳ, ł, š for
 * names), and the punctuation and signs the interface uses (– — ‘ ’ “ ” … • › € − → ←). A character
 * outside it falls back to the system font.
 */
const ranges: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x100, 0x17f],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
];
const characters = ranges
  .flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)))
  .join('');

/** The two weights the pages use, subset and named by content hash (cached for a year). */
async function buildFonts(): Promise<{ weight: number; url: string }[]> {
  const fontsource = path.join(root, 'node_modules/@fontsource/noto-sans/files');
  return Promise.all(
    [400, 700].map(async (weight) => {
      const source = fs.readFileSync(path.join(fontsource, `noto-sans-latin-${weight}-normal.woff2`));
      const subset = await subsetFont(source, characters, { targetFormat: 'woff2' });
      const hash = createHash('sha256').update(subset).digest('hex').slice(0, 10);
      const name = `noto-sans-${weight}-${hash}.woff2`;
      fs.writeFileSync(path.join(outdir, 'fonts', name), subset);
      return { weight, url: `/assets/fonts/${name}` };
    }),
  );
}

/** The @font-face rules of the subset fonts, in place of the fontsource imports. */
function fontFaces(fonts: { weight: number; url: string }[]): esbuild.Plugin {
  return {
    name: 'routekaart-fonts',
    setup(build) {
      build.onResolve({ filter: /^routekaart:fonts$/ }, () => ({ path: 'fonts', namespace: 'routekaart' }));
      build.onLoad({ filter: /.*/, namespace: 'routekaart' }, () => ({
        loader: 'css',
        contents: fonts
          .map(
            (f) =>
              `@font-face{font-family:'Noto Sans';font-style:normal;font-weight:${f.weight};` +
              `font-display:swap;src:url('${f.url}') format('woff2')}`,
          )
          .join('\n'),
      }));
    },
  };
}

/**
 * Classes built from a variable in the views (`utrecht-button--${kind}-action`) are not in the source
 * as whole words: keep every modifier of those components. Element selectors stay for rich text.
 */
const safelist = {
  standard: [/^rk-/, /^routekaart-theme$/],
  greedy: [
    /^utrecht-(alert|button|button-link|status-badge|form-field|form-label|form-fieldset|textbox|textarea|select|checkbox|radio-button)(__|--|$)/,
  ],
};
const richTextElements = [
  'blockquote',
  'code',
  'pre',
  'hr',
  'img',
  'em',
  'strong',
  'ol',
  'ul',
  'li',
  'table',
];

async function purge(css: string): Promise<string> {
  const [result] = await new PurgeCSS().purge({
    content: [
      path.join(root, 'src/**/*.ts'),
      path.join(root, 'content/**/*.html'),
      path.join(root, 'src/client/**/*.ts'),
    ],
    css: [{ raw: css }],
    safelist: { ...safelist, standard: [...safelist.standard, ...richTextElements] },
    variables: true,
    keyframes: true,
  });
  if (!result) throw new Error('PurgeCSS returned nothing');
  return (await esbuild.transform(result.css, { loader: 'css', minify: true })).code;
}

/** A Brotli and a gzip copy beside each text asset: @fastify/static sends the one the browser takes. */
function precompress(file: string): void {
  const content = fs.readFileSync(file);
  fs.writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
}

const started = performance.now();
const fonts = await buildFonts();
const css = await esbuild.build({
  entryPoints: { app: path.join(root, 'src/client/app.css') },
  bundle: true,
  minify: true,
  write: false,
  outdir,
  external: ['/assets/*'],
  plugins: [ownTheme, fontFaces(fonts)],
  logLevel: 'warning',
});
const bundled = css.outputFiles[0]?.text ?? '';
fs.writeFileSync(path.join(outdir, 'app.css'), await purge(bundled));
await esbuild.build({
  entryPoints: { app: path.join(root, 'src/client/app.ts') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  outdir,
  logLevel: 'warning',
});
for (const file of ['favicon.svg', 'manifest.webmanifest'])
  fs.copyFileSync(path.join(root, 'src/client', file), path.join(outdir, file));
fs.writeFileSync(path.join(outdir, 'fonts.json'), JSON.stringify(fonts.map((f) => f.url)));
for (const file of ['app.css', 'app.js', 'favicon.svg', 'manifest.webmanifest'])
  precompress(path.join(outdir, file));

const size = (file: string) => `${(fs.statSync(path.join(outdir, file)).size / 1024).toFixed(1)} KB`;
console.log(
  `assets built in ${Math.round(performance.now() - started)} ms: app.css ${size('app.css')} ` +
    `(${size('app.css.br')} Brotli, ${(bundled.length / 1024).toFixed(0)} KB before purging), app.js ${size('app.js')}`,
);
