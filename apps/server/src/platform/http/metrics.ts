// Prometheus metrics at /metrics: process defaults plus request counts and latencies per route template
// (never per raw URL, which would explode the label set).
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Config } from '../../config/config.ts';
import { safeEqual } from '../security/crypto.ts';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const requestDuration = new Histogram({
  name: 'txng_http_request_duration_seconds',
  help: 'HTTP request duration by route template, method and status class',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  registers: [metricsRegistry],
});

export function registerMetrics(app: FastifyInstance, config: Config): void {
  // One histogram child per (route template, method, status class), looked up by a plain key: prom-client
  // would hash the label object on every observation. Synchronous hook: no promise per request.
  const children = new Map<string, ReturnType<typeof requestDuration.labels>>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = `${Math.floor(reply.statusCode / 100)}xx`;
    const key = `${route} ${request.method} ${status}`;
    let child = children.get(key);
    if (!child) {
      child = requestDuration.labels({ route, method: request.method, status });
      children.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (config.metricsToken) {
      const auth = request.headers.authorization ?? '';
      if (!safeEqual(auth, `Bearer ${config.metricsToken}`)) return reply.code(401).send('unauthorized\n');
    }
    reply.type(metricsRegistry.contentType);
    return metricsRegistry.metrics();
  });
}
