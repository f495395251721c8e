import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { assetsDir, assetUrl } from '../render/assets.ts';
import { access } from './access.ts';

/**
 * Brotli or gzip for every compressible response (HTML, JSON, CSV); the built assets come
 * precompressed (scripts/build-assets.ts), so they are sent as they are. Register before the routes.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
}

/** The built CSS, script, fonts and icons under /assets/, cached for a year, and /favicon.ico. */
export async function registerAssets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: '/assets/',
    maxAge: '365d',
    immutable: true,
    preCompressed: true,
  });
  // Browsers and crawlers ask for /favicon.ico whatever the page links to.
  app.get('/favicon.ico', { config: { access: access.public } }, (_request, reply) =>
    reply.redirect(assetUrl('favicon.svg'), 301),
  );
}
