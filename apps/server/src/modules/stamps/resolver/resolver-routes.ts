// The GS1 Digital Link resolver at the public root: /{primary key AI}/… for every key the Barcode Syntax
// Dictionary allows (GS1 Digital Link URI Syntax 1.4 §4; keys this system does not manage answer 404), and
// /s/{serial}. Content negotiation as GS1-Conformant resolvers do it: a browser gets the page,
// `Accept: application/linkset+json` or `?linkType=all` the RFC 9264 linkset, `?linkType=<type>` a 307 to that
// link (the default link when the item has none of that type). POST on the same path checks a scratch-off code.
// Public routes (no session lookup), rate-limited per client without a database write per request.
import { allAiEntries, gs1Message } from '@txng/gs1';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { buildProblem, sendProblem } from '../../../platform/http/problem.ts';
import { withoutOpenerIsolation } from '../../../platform/http/security-headers.ts';
import { sendStaticAsset, staticAsset } from '../../../platform/http/static-asset.ts';
import { CommonErrors } from '../../../platform/errors.ts';
import type { VerifyService } from '../verify-service.ts';
import { userAgentFamily } from '../scans/user-agent.ts';
import { defaultScanPage, PLACE_SCRIPT_PATH } from './default-scan-page.ts';
import { defaultLink, linkOfType } from './linkset.ts';
import { PLACE_SCRIPT } from './place-script.ts';
import type { PublicRateLimiter } from './public-rate-limit.ts';
import { resolverDescription } from './resolver-description.ts';
import type { ResolveService } from './resolve-service.ts';
import type { RenderContext, ResolvedTarget, ResolverProblem, ScanPageRenderer, VerifyOutcome } from './types.ts';

export interface ResolverRouteDeps {
  readonly resolver: ResolveService;
  readonly verify: VerifyService;
  readonly limiter: PublicRateLimiter;
  /** Requests per minute per client (TXNG_RATE_LIMIT_PUBLIC). */
  readonly perMinute: number;
  readonly publicBaseUrl: string;
  /** Who renders pages; this module's default page unless the public module supplies its own. */
  readonly renderer: () => ScanPageRenderer;
}

export const LINKSET_TYPE = 'application/linkset+json';
/** Every AI that can start a Digital Link path (Syntax Dictionary `dlpkey`). */
export const PRIMARY_KEYS = allAiEntries().filter((e) => e.dlpkey).map((e) => e.ai);

function wantsLinkset(request: FastifyRequest, linkType: string | undefined): boolean {
  if (linkType === 'all' || linkType === 'linkset') return true;
  if (linkType) return false;
  const accept = String(request.headers.accept ?? '');
  return accept.includes(LINKSET_TYPE) || (/application\/json/.test(accept) && !/text\/html/.test(accept));
}

const linkTypeOf = (request: FastifyRequest) => {
  const v = (request.query as Record<string, unknown> | undefined)?.linkType;
  return typeof v === 'string' && v ? v : undefined;
};

export async function resolverRoutes(app: FastifyInstance, deps: ResolverRouteDeps): Promise<void> {
  const config = { public: true };
  const tags = ['resolver'];

  function limited(request: FastifyRequest, reply: FastifyReply, bucket: string, max: number): boolean {
    const decision = deps.limiter.hit(`${bucket}:${request.clientHash}`, max);
    if (decision.allowed) return false;
    reply.header('retry-after', String(decision.retryAfterSeconds));
    void sendProblem(reply, buildProblem(request, 429, CommonErrors.RATE_LIMITED, { retryAfter: decision.retryAfterSeconds }, [], { retryAfter: decision.retryAfterSeconds }));
    return true;
  }

  function render(reply: FastifyReply, ctx: RenderContext, draw: (r: ScanPageRenderer) => string): FastifyReply {
    let html: string;
    try {
      html = draw(deps.renderer());
    } catch (err) {
      reply.log.error({ err }, 'scan page renderer failed; the default page answers');
      html = draw(defaultScanPage);
    }
    return withoutOpenerIsolation(reply).header('content-language', ctx.lang).header('vary', 'Accept, Accept-Language, Cookie').type('text/html; charset=utf-8').send(html);
  }

  function problemReply(request: FastifyRequest, reply: FastifyReply, problem: ResolverProblem, json: boolean): FastifyReply {
    reply.code(problem.status).header('cache-control', 'no-store');
    if (json) {
      const built = buildProblem(request, problem.status, problem.code, problem.params, [], { input: problem.input.slice(0, 500) });
      // GS1 syntax errors carry the package's own catalogue (gs1Message), in both languages.
      const body = problem.gs1 ? { ...built, detail: gs1Message(problem.gs1, request.lang), messages: { vi: gs1Message(problem.gs1, 'vi'), en: gs1Message(problem.gs1, 'en') } } : built;
      return sendProblem(reply, body);
    }
    return render(reply, { lang: request.lang, baseUrl: deps.publicBaseUrl }, (r) => r.renderProblem(problem, { lang: request.lang, baseUrl: deps.publicBaseUrl }));
  }

  function answer(request: FastifyRequest, reply: FastifyReply, target: ResolvedTarget, verification?: VerifyOutcome): FastifyReply {
    const linkType = linkTypeOf(request);
    reply.header('link', `<${target.path}?linkType=all>; rel="linkset"; type="${LINKSET_TYPE}"`);
    // A stamp's page changes with every scan; product and lot pages may be cached briefly.
    reply.header('cache-control', target.stamp ? 'no-store' : 'public, max-age=60');
    if (request.method === 'GET' && wantsLinkset(request, linkType)) return reply.type(LINKSET_TYPE).send(JSON.stringify(target.linkset));
    if (request.method === 'GET' && linkType) {
      const link = linkOfType(target.linkset, linkType, request.lang) ?? defaultLink(target.linkset, request.lang);
      return reply.code(307).header('location', link.href).send();
    }
    const ctx: RenderContext = { lang: request.lang, baseUrl: deps.publicBaseUrl, ...(verification ? { verification } : {}) };
    return render(reply, ctx, (r) => r.renderTarget(target, ctx));
  }

  async function onGet(request: FastifyRequest, reply: FastifyReply) {
    if (limited(request, reply, 'resolve', deps.perMinute)) return reply;
    const linkType = linkTypeOf(request);
    const json = wantsLinkset(request, linkType);
    const channel = json ? 'linkset' : linkType ? 'redirect' : 'page';
    const record = request.method === 'GET' ? { channel, uaFamily: userAgentFamily(request.headers['user-agent']), clientHash: request.clientHash } as const : undefined;
    const outcome = await deps.resolver.resolve(request.url, record ? { record } : {});
    if (!outcome.ok) return problemReply(request, reply, outcome.problem, json);
    return answer(request, reply, outcome.target);
  }

  /** The page's scratch-off form posts back to the stamp's own path (no JavaScript needed). */
  async function onPost(request: FastifyRequest, reply: FastifyReply) {
    if (limited(request, reply, 'verify', Math.max(1, Math.ceil(deps.perMinute / 30)))) return reply;
    const path = request.url.split('?')[0]!;
    const outcome = await deps.resolver.resolve(path);
    if (!outcome.ok) return problemReply(request, reply, outcome.problem, false);
    const code = String((request.body as Record<string, unknown> | undefined)?.code ?? '');
    let verification: VerifyOutcome;
    try {
      verification = await deps.verify.verify({ uri: path, code }, request.clientHash);
    } catch (err) {
      const base = { serial: outcome.target.stamp?.serial ?? '', verifiedAt: null, attemptsLeft: null, retryAfterSeconds: null };
      if (err instanceof AppError && err.kind === 'rate_limited') verification = { ...base, outcome: 'locked', retryAfterSeconds: Number(err.params.retryAfter) };
      else if (err instanceof AppError && err.kind === 'invalid') verification = { ...base, outcome: 'malformed' };
      else throw err;
    }
    // Re-read: a successful check changes what the page shows (verified time, flags).
    const after = await deps.resolver.resolve(path);
    return answer(request, reply, after.ok ? after.target : outcome.target, verification);
  }

  for (const ai of PRIMARY_KEYS) {
    app.get(`/${ai}/*`, { config, schema: { hide: true } }, onGet);
    app.post(`/${ai}/*`, { config, schema: { hide: true } }, onPost);
  }
  app.get('/s/*', { config, schema: { hide: true } }, onGet);
  app.post('/s/*', { config, schema: { hide: true } }, onPost);

  const description = JSON.stringify(resolverDescription(deps.publicBaseUrl));
  app.get('/.well-known/gs1resolver', { config, schema: { tags, summary: 'The resolver description file (GS1-Conformant resolver standard).' } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').header('access-control-allow-origin', '*').type('application/json').send(description),
  );

  const placeScript = staticAsset(PLACE_SCRIPT, 'text/javascript; charset=utf-8', 86400);
  app.get(PLACE_SCRIPT_PATH, { config, schema: { hide: true } }, async (request, reply) => sendStaticAsset(request, reply, placeScript));
}
