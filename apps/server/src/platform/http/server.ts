// The Fastify instance every module plugs into: logging, language, security headers, cookies, rate limits,
// OpenAPI, metrics, health checks and the single problem+json error handler.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Database } from '../db/database.ts';
import { CommonErrors } from '../errors.ts';
import { negotiateLang, type Lang } from '../i18n/messages.ts';
import type { Secrets } from '../security/secrets.ts';
import { registerMetrics } from './metrics.ts';
import { clientHasher } from './client-hash.ts';
import { securityHeaders } from './security-headers.ts';
import { buildProblem, problemFromError, sendProblem } from './problem.ts';
import { postgresRateLimitStore } from './rate-limit-store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered (method, path, hidden from OpenAPI or not), for documentation checks. */
    routeTable: { method: string; url: string; hidden: boolean }[];
  }
  interface FastifyRequest {
    /** The language of this request's answers: `?lang=`, the `txng_lang` cookie, Accept-Language, else vi. */
    lang: Lang;
  }
}

export interface HttpServerOptions {
  readonly config: Config;
  readonly log: Logger;
  readonly db: Database;
  readonly secrets: Secrets;
  /** Answers /readyz: true once migrations ran and until shutdown starts. */
  readonly isReady: () => boolean;
  /** States of background components shown by /readyz (e.g. the ledger's sequencer). They inform operators and
   * do not fail readiness: a halted ledger must not take the resolver and the public pages out of service. */
  readonly componentStates?: () => Record<string, string>;
}

export const LANG_COOKIE = 'txng_lang';
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const { config, db, secrets } = options;
  const app = Fastify({
    loggerInstance: options.log,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Accept an upstream request id (load balancer) when it looks like one; otherwise make our own.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: {
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
    },
    routerOptions: { maxParamLength: 2048, ignoreTrailingSlash: true },
    return503OnClosing: true,
  }) as unknown as FastifyInstance;

  await app.register(cookie, { secret: secrets.cookie.toString('base64url') });
  await app.register(formbody);
  const routeTable: { method: string; url: string; hidden: boolean }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide) });
    }
  });
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('clientHash', '');
  // Per request, on every route (public pages included): language, the client's pseudonym, the request id and
  // the security headers, in one synchronous hook (no promise per request).
  const clientHash = clientHasher(secrets.pseudonym);
  const hardening = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The portal's component library injects styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.publicBaseUrl.startsWith('https:') ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    const query = request.query as Record<string, unknown> | undefined;
    const explicit = typeof query?.lang === 'string' ? query.lang : request.cookies?.[LANG_COOKIE];
    request.lang = negotiateLang(explicit, request.headers['accept-language']);
    request.clientHash = clientHash(request.ip);
    reply.headers(hardening);
    reply.header('x-request-id', request.id);
    done();
  });

  await app.register(rateLimit, {
    global: false,
    store: postgresRateLimitStore(db),
    // A database hiccup must not lock everyone out: let the request through and log it.
    skipOnError: true,
    keyGenerator: (request: FastifyRequest) => `${request.routeOptions.url ?? ''}|${request.ip}`,
    errorResponseBuilder: (request: FastifyRequest, context: { ttl: number }) => {
      const retryAfter = Math.max(1, Math.ceil(context.ttl / 1000));
      return Object.assign(new Error('rate limited'), {
        statusCode: 429,
        problem: buildProblem(request, 429, CommonErrors.RATE_LIMITED, { retryAfter }, [], { retryAfter }),
      });
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'TXNG Sơn La API',
        version: '1.0.0',
        description:
          'API of the Sơn La provincial traceability platform. JSON under /api/v1; errors are RFC 9457 ' +
          'application/problem+json with Vietnamese and English messages and field-level details.',
      },
      servers: [{ url: config.publicBaseUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'txng_session', description: 'Portal session; state-changing requests also need the X-CSRF-Token header.' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'Organisation API key: `Authorization: Bearer txng_…`' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerMetrics(app, config);

  app.get('/healthz', { schema: { tags: ['operations'], summary: 'Liveness: the process answers.' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['operations'], summary: 'Readiness: database reachable and migrations applied; states of background components (ledger: sequencing, standby or halted).' } }, async (request, reply) => {
    if (!options.isReady()) return sendProblem(reply, buildProblem(request, 503, CommonErrors.SERVICE_UNAVAILABLE));
    try {
      await db.ping();
    } catch {
      return sendProblem(reply, buildProblem(request, 503, CommonErrors.SERVICE_UNAVAILABLE));
    }
    return { status: 'ready', database: db.kind, ...options.componentStates?.() };
  });

  app.setErrorHandler((err, request, reply) => {
    const fromRateLimit = (err as { problem?: ReturnType<typeof buildProblem> }).problem;
    if (fromRateLimit) {
      reply.header('retry-after', String(fromRateLimit.retryAfter));
      return sendProblem(reply, fromRateLimit);
    }
    const { problem, internal } = problemFromError(err, request);
    if (internal) request.log.error({ err }, 'unhandled error');
    else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
    return sendProblem(reply, problem);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, buildProblem(request, 404, CommonErrors.ROUTE_NOT_FOUND, { method: request.method, url: request.url.split('?')[0] })),
  );

  return app;
}
