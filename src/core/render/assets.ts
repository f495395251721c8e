import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const assetsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public/build');

const versions = new Map<string, string>();

/** URL of a built asset with a content hash, so that browsers may cache it for a year. */
export function assetUrl(name: string): string {
  let version = versions.get(name);
  if (version === undefined) {
    const file = path.join(assetsDir, name);
    version = fs.existsSync(file)
      ? createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12)
      : 'dev';
    versions.set(name, version);
  }
  return `/assets/${name}?v=${version}`;
}

let fonts: string[] | undefined;

/** The subset fonts' URLs (named by content hash at build time), for `<link rel="preload">`. */
export function fontUrls(): string[] {
  if (fonts === undefined) {
    const manifest = path.join(assetsDir, 'fonts.json');
    fonts = fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as string[]) : [];
  }
  return fonts;
}
