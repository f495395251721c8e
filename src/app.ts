import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './core/db/database.ts';
import { ensureSecret } from './core/db/secrets.ts';
import { SessionCache } from './core/auth/session-cache.ts';
import { OrganisationCache } from './core/db/organisation-cache.ts';
import { access, recordRoute } from './core/http/access.ts';
import { registerInputGuard } from './core/http/input-guard.ts';
import { lazyCompilers } from './core/http/lazy-compilers.ts';
import { privateLogger } from './core/http/logging.ts';
import { registerApi } from './core/http/api.ts';
import { answerError, registerErrorHandling } from './core/http/error-handler.ts';
import { defaultLocale } from './core/i18n/i18n.ts';
import { registerOperations } from './core/http/operations.ts';
import { registerRequestContext } from './core/http/request-context.ts';
import { registerSecurityHeaders } from './core/http/security.ts';
import { registerAssets, registerCompression } from './core/http/static-assets.ts';
import { registerUploads } from './core/http/uploads.ts';
import { registerJob } from './core/jobs.ts';
import { createMailer, type Mailer } from './core/mail/outbox.ts';
import { rememberReply, WorkerPool } from './core/workers/worker-pool.ts';
import { registerAccounts } from './features/accounts/accounts.plugin.ts';
import { registerAdmin } from './features/admin/admin.plugin.ts';
import { registerAudit } from './features/audit/audit.plugin.ts';
import { registerBenchmark } from './features/benchmark/benchmark.plugin.ts';
import { registerDocuments } from './features/documents/documents.plugin.ts';
import { registerIntake } from './features/intake/intake.plugin.ts';
import { registerKnowledge } from './features/knowledge/knowledge.plugin.ts';
import { registerOpportunities } from './features/opportunities/opportunities.plugin.ts';
import { registerPractices } from './features/practices/practices.plugin.ts';
import { registerProjects } from './features/projects/projects.plugin.ts';
import { registerSessions } from './features/sessions/sessions.plugin.ts';
import { registerOrganisations } from './features/organisations/organisations.plugin.ts';
import { registerPages } from './features/pages/pages.plugin.ts';
import { registerRegion } from './features/region/region.plugin.ts';
import { registerDevelopmentRoute } from './features/development-route/development-route.plugin.ts';
import { registerGlossary } from './features/glossary/glossary.plugin.ts';
import { registerRegistries } from './features/registries/registries.plugin.ts';
import { registerRoadmap } from './features/roadmap/roadmap.plugin.ts';
import { registerScan } from './features/scan/scan.plugin.ts';
import { registerSharing } from './features/sharing/sharing.plugin.ts';
import { registerSignOn } from './features/sign-on/sign-on.plugin.ts';
import { registerStrategy } from './features/strategy/strategy.plugin.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  mailer?: Mailer;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: privateLogger(options.logger ?? { level: config.logLevel }),
    // A hop count trusts exactly that many proxies in front of this server (Fastify's types lack
    // the number form, so it is spelled as the function proxy-addr makes of it).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < Number(config.trustProxy)
        : config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A malformed or over-long address never reaches a route: answer it like any other error.
    frameworkErrors: (error, request, reply) => {
      // No hook has run: give the request what the error page reads.
      request.isApi = request.url.startsWith('/api/');
      request.locale = defaultLocale;
      request.user = null;
      request.csrfToken = '';
      return answerError(error, request, reply);
    },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, keywords: ['example'] } },
    schemaController: { compilersFactory: lazyCompilers() },
  });
  const sessions = await SessionCache.start(database);
  const organisationData = await OrganisationCache.start(database);
  app.decorate('services', {
    config,
    database,
    mailer: options.mailer ?? createMailer(database.db, config.smtpUrl, config.mailFrom),
    secret: await ensureSecret(database.db, 'csrf_secret'),
    sessions,
    organisationData,
    workers: new WorkerPool({
      threads: config.workerThreads,
      queueSize: config.workerQueueSize,
      taskTimeoutMs: config.workerTaskTimeoutMs,
    }),
  });
  // Threads start with the first task; closing the app ends them (tests leave none behind).
  app.addHook('onClose', async () => {
    await app.services.workers.close();
    await sessions.close();
    await organisationData.close();
  });
  app.addHook('onRequest', async (request, reply) => rememberReply(request, reply));
  // A write's answer leaves only once this process has heard of the changes it made, so the request
  // its answer leads to (a redirect) sees them, on PostgreSQL too (decision 0027).
  app.addHook('onSend', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      await Promise.all([sessions.settle(), organisationData.settle()]);
  });

  app.decorate('jobs', []);
  registerJob(app, { name: 'mail', intervalMs: 5_000, run: () => app.services.mailer.deliverDue() });

  // Every route must say who may use it; a route without a rule is a bug, caught at start.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/')) route.config = { ...route.config, access: access.public };
    const rule = route.config?.access;
    if (!rule) throw new Error(`Route ${String(route.method)} ${route.url} has no access rule`);
    recordRoute(app, route.method, route.url, rule);
  });

  await registerCompression(app);
  await app.register(cookie);
  await app.register(formbody);
  await registerUploads(app);
  await registerSecurityHeaders(app);
  registerInputGuard(app);
  registerRequestContext(app);
  registerErrorHandling(app);
  await registerApi(app);
  registerOperations(app);
  await registerAssets(app);

  registerPages(app);
  registerAccounts(app);
  registerSignOn(app);
  registerOrganisations(app);
  registerAdmin(app);
  registerAudit(app);
  registerScan(app);
  registerStrategy(app);
  registerRoadmap(app);
  registerSharing(app);
  registerBenchmark(app);
  registerRegion(app);
  registerDevelopmentRoute(app);
  registerGlossary(app);
  registerRegistries(app);
  registerDocuments(app);
  registerIntake(app);
  registerKnowledge(app);
  registerPractices(app);
  registerSessions(app);
  registerProjects(app);
  registerOpportunities(app);
  return app;
}
