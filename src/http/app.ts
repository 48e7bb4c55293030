/**
 * Builds the HTTP server: JSON API under /api/v1 validated by the shared zod schemas, the
 * OpenAPI document generated from them, and the built web app for every other path.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping, type Db } from '../data/db.js';
import { Health } from '../domain/schemas.js';
import { vietnameseIssue } from '../domain/validation-messages.js';
import { installAuth } from './auth.js';
import { clientErrorHandler, installErrorHandling } from './errors.js';
import { installIdempotency } from './idempotency.js';
import { installSecurity, publicOrigin } from './security.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { unitRoutes } from './routes/units.js';
import { userRoutes } from './routes/users.js';
import { registrationRoutes } from './routes/registrations.js';
import { campaignRoutes } from './routes/campaigns.js';
import { criteriaRoutes } from './routes/criteria.js';
import { inspectionRoutes } from './routes/inspections.js';
import { attachmentRoutes } from './routes/attachments.js';
import { recognitionRoutes } from './routes/recognition.js';
import { commendationRoutes } from './routes/commendations.js';
import multipart from '@fastify/multipart';
import { listExportRoutes } from './routes/list-exports.js';
import { importTemplateRoutes } from './routes/import-templates.js';
import { registrationBulkRoutes } from './routes/registrations-bulk.js';
import { statsRoutes } from './routes/stats.js';
import { reportRoutes } from './routes/reports.js';
import { exportRoutes } from './routes/exports.js';
import { importRoutes } from './routes/imports.js';
import { searchRoutes } from './routes/search.js';
import { todoRoutes } from './routes/todo.js';
import { notificationRoutes } from './routes/notifications.js';
import { webhookRoutes } from './routes/webhooks.js';
import { reorganisationRoutes } from './routes/reorganisations.js';
import { registerShowcase } from './public/showcase.js';
import { registerVerification } from './public/verify.js';
import { registerNotices } from './public/notice.js';
import { noticeRoutes } from './routes/notices.js';
import { paperRoutes } from './routes/papers.js';
import { ExportRunner } from '../jobs/export-jobs.js';
import { createJobs, type Jobs } from '../jobs/scheduled.js';
import { AdminLoadRunner } from '../jobs/admin-load-jobs.js';
import { adminMapRoutes } from './routes/admin-map.js';
import { ReorganisationRunner } from '../jobs/reorganisation-jobs.js';
import { ImportRunner } from '../jobs/import-jobs.js';
import { proxyTrust } from '../services/auth/trust-proxy.js';

// Validation messages in Vietnamese: plain wording for common cases, zod's locale for the rest.
z.config(z.locales.vi());
z.config({ customError: vietnameseIssue });

export const VERSION = '0.1.0';

export interface AppOptions {
  db: Db;
  /** Where evidence files are stored. */
  filesDir: string;
  /** Folder of the built web app; when missing, only the API is served. */
  webDir?: string | null;
  logger?: boolean;
  trustProxy?: boolean;
  /** DVK's public address (DVK_PUBLIC_URL); when missing, the listening address. */
  publicUrl?: string | null;
  /** Served over HTTPS (DVK_SECURE_COOKIES): adds HSTS. */
  secure?: boolean;
  /** The SMTP server notifications are mailed through (DVK_SMTP_URL). */
  smtpUrl?: string | null;
  /** The clock of the scheduled jobs (tests move it). */
  now?: () => Date;
  /** How often the scheduled jobs run; 0 runs them only when asked (`app.jobs`). */
  jobIntervalMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The scheduled jobs of this instance: mail, webhook calls, deadline reminders. */
    jobs: Jobs;
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    trustProxy: proxyTrust(opts.trustProxy),
    bodyLimit: 1024 * 1024,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webDir = opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html')) ? path.resolve(opts.webDir) : null;
  installErrorHandling(app, webDir ? fs.readFileSync(path.join(webDir, 'index.html')) : null);
  await installSecurity(app, { publicUrl: opts.publicUrl ?? null, secure: opts.secure ?? process.env.DVK_SECURE_COOKIES === 'true' });
  await app.register(cookie);
  await app.register(multipart);
  installAuth(app, opts.db);
  installIdempotency(app, opts.db);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'DVK API',
        description: 'API của hệ thống quản lý phong trào thi đua “Dân vận khéo”. Lỗi trả về dạng {"error": {"code", "message"}}.',
        version: VERSION,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dvk_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs' });

  app.get('/api/health', { schema: { hide: true, response: { 200: Health } } }, async () => {
    await ping(opts.db.pool);
    return { status: 'ok' as const, database: opts.db.engine, version: VERSION };
  });
  registerShowcase(app, opts.db, opts.filesDir, () => publicOrigin(app, opts.publicUrl ?? null));
  registerVerification(app, opts.db, () => publicOrigin(app, opts.publicUrl ?? null));
  await registerNotices(app, opts.db, () => publicOrigin(app, opts.publicUrl ?? null));
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const jobs = createJobs({
    db: opts.db,
    smtpUrl: opts.smtpUrl ?? null,
    publicUrl: opts.publicUrl ?? 'http://localhost:3000',
    now: opts.now,
  });
  app.decorate('jobs', jobs);
  app.decorate('clock', opts.now ?? (() => new Date()));
  const interval = opts.jobIntervalMs ?? 30_000;
  let timer: NodeJS.Timeout | null = null;
  if (interval > 0) {
    app.addHook('onReady', async () => {
      timer = setInterval(() => void jobs.runAll().catch((e) => app.log.error(e)), interval);
      timer.unref();
    });
  }
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await jobs.close();
  });

  const exportRunner = new ExportRunner(opts.db, path.join(opts.filesDir, 'exports'));
  // Jobs left queued by a previous run start again; closing waits for the one in progress.
  app.addHook('onReady', async () => exportRunner.kick());
  app.addHook('onClose', async () => exportRunner.idle());
  const adminLoadRunner = new AdminLoadRunner(opts.db);
  app.addHook('onReady', async () => adminLoadRunner.kick());
  app.addHook('onClose', async () => adminLoadRunner.idle());
  // Scheduled reorganisations whose date has come are applied at start-up, then every ten minutes.
  const reorganisationRunner = new ReorganisationRunner(opts.db);
  app.addHook('onReady', async () => reorganisationRunner.start());
  app.addHook('onClose', async () => reorganisationRunner.stop());
  const importRunner = new ImportRunner(opts.db, path.join(opts.filesDir, 'imports'));
  app.addHook('onReady', async () => importRunner.kick());
  app.addHook('onClose', async () => importRunner.idle());
  await app.register(
    async (api) => {
      await api.register(authRoutes(opts.db));
      await api.register(unitRoutes(opts.db));
      await api.register(userRoutes(opts.db));
      await api.register(auditRoutes(opts.db));
      await api.register(registrationRoutes(opts.db));
      await api.register(registrationBulkRoutes(opts.db));
      await api.register(campaignRoutes(opts.db));
      await api.register(criteriaRoutes(opts.db));
      await api.register(inspectionRoutes(opts.db, opts.filesDir));
      await api.register(attachmentRoutes(opts.db, opts.filesDir));
      await api.register(recognitionRoutes(opts.db));
      await api.register(commendationRoutes(opts.db));
      await api.register(statsRoutes(opts.db));
      await api.register(listExportRoutes(opts.db));
      await api.register(importTemplateRoutes(opts.db));
      await api.register(reportRoutes(opts.db));
      await api.register(exportRoutes(opts.db, exportRunner));
      await api.register(importRoutes(opts.db, importRunner));
      await api.register(searchRoutes(opts.db));
      await api.register(todoRoutes(opts.db));
      await api.register(noticeRoutes(opts.db));
      await api.register(paperRoutes(opts.db, () => publicOrigin(app, opts.publicUrl ?? null)));
      await api.register(notificationRoutes(opts.db));
      await api.register(webhookRoutes(opts.db));
      await api.register(adminMapRoutes(opts.db, adminLoadRunner));
      await api.register(reorganisationRoutes(opts.db));
    },
    { prefix: '/api/v1' },
  );

  if (webDir) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
    // Hashed assets are immutable; the page itself is always revalidated.
    app.addHook('onSend', async (req, reply, payload) => {
      if (req.url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return payload;
    });
  }
  return app;
}
