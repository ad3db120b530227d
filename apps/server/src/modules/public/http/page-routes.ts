// The public site's own pages (HTML, no session lookup, rate-limited per client without a database write):
// home, catalogue, product and lot passports, producer and commune pages, the ledger proof page, and a look-up
// of the code printed under a QR code. Scan pages themselves are served by the stamps resolver with this
// module's renderer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../../platform/i18n/messages.ts';
import { translate } from '../../../platform/i18n/messages.ts';
import { sendStaticAsset, staticAsset } from '../../../platform/http/static-asset.ts';
import { page, t } from '../html/frame.ts';
import { CATEGORIES, cataloguePage, communePage, homePage, MARKS, notFoundPage, producerPage, type CatalogueQuery } from '../pages/catalogue-page.ts';
import { passportPage } from '../pages/passport-page.ts';
import { PROOF_SCRIPT } from '../pages/proof-script.ts';
import { SiteTexts } from '../texts/site-texts.ts';
import type { PublicSite } from '../site.ts';
import { sendPage } from './send-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const int = (v: unknown, min: number, max: number) => {
  const n = Number(str(v));
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

export function catalogueQuery(raw: Record<string, unknown>): CatalogueQuery {
  const mark = str(raw.mark);
  const category = str(raw.category);
  const q = str(raw.q)?.trim().slice(0, 100);
  return {
    ...(q ? { q } : {}),
    ...(int(raw.stars, 3, 5) ? { stars: int(raw.stars, 3, 5)! } : {}),
    ...(int(raw.commune, 1, 100_000) ? { commune: int(raw.commune, 1, 100_000)! } : {}),
    ...(mark && (MARKS as readonly string[]).includes(mark) ? { mark: mark as CatalogueQuery['mark'] } : {}),
    ...(category && (CATEGORIES as readonly string[]).includes(category) ? { category: category as CatalogueQuery['category'] } : {}),
    page: int(raw.page, 1, 10_000) ?? 1,
  };
}

export async function pageRoutes(app: FastifyInstance, site: PublicSite): Promise<void> {
  const config = { public: true };
  const schema = { hide: true };
  const q = (r: FastifyRequest) => (r.query ?? {}) as Record<string, unknown>;

  /** Per-client limit shared with the resolver's counters (one per minute window, no database write per hit). */
  function limited(request: FastifyRequest, reply: FastifyReply): boolean {
    const d = site.limiter.hit(`public:${request.clientHash}`, site.perMinute);
    if (d.allowed) return false;
    reply.header('retry-after', String(d.retryAfterSeconds));
    const body = `<div class="banner busy" role="alert"><h1>${t(SiteTexts.PUBLIC_UNAVAILABLE_TITLE, request.lang)}</h1><p>${t(SiteTexts.PUBLIC_RATE_LIMITED, request.lang, { seconds: d.retryAfterSeconds })}</p></div>`;
    sendPage(request, reply, page({ lang: request.lang, title: translate(SiteTexts.PUBLIC_UNAVAILABLE_TITLE, request.lang), path: request.url.split('?')[0]!, body }), { maxAge: null }, 429);
    return true;
  }
  const missing = (request: FastifyRequest, reply: FastifyReply) => sendPage(request, reply, notFoundPage(request.lang, request.url.split('?')[0]!), { maxAge: null }, 404);

  app.get('/', { config, schema }, async (request, reply) => {
    if (limited(request, reply)) return reply;
    const home = await site.home();
    return sendPage(request, reply, homePage(request.lang, home.featured, home.communes), { maxAge: 60 });
  });

  app.get('/products', { config, schema }, async (request, reply) => {
    if (limited(request, reply)) return reply;
    const query = catalogueQuery(q(request));
    const [result, communes] = await Promise.all([site.listProducts(query), site.communesWithProducts()]);
    return sendPage(request, reply, cataloguePage(request.lang, query, result, communes), { maxAge: 60 });
  });

  app.get<{ Params: { id: string } }>('/products/:id', { config, schema }, async (request, reply) => {
    if (limited(request, reply)) return reply;
    const input = UUID.test(request.params.id) ? await site.productPassport(request.params.id, request.lang) : null;
    return input ? sendPage(request, reply, passportPage(input), { maxAge: 60 }) : missing(request, reply);
  });

  app.get<{ Params: { id: string } }>('/lots/:id', { config, schema }, async (request, reply) => {
    if (limited(request, reply)) return reply;
    const input = UUID.test(request.params.id) ? await site.lotPassport(request.params.id, request.lang) : null;
    return input ? sendPage(request, reply, passportPage(input), { maxAge: 30 }) : missing(request, reply);
  });

  app.get<{ Params: { id: string } }>('/producers/:id', { config, schema }, async (request, reply) => {
    if (limited(request, reply)) return reply;
    const pageNo = int(q(request).page, 1, 10_000) ?? 1;
    const data = UUID.test(request.params.id) ? await site.producer(request.params.id, pageNo) : null;
    return data ? sendPage(request, reply, producerPage(request.lang, data.org, data.result, pageNo), { maxAge: 60 }) : missing(request, reply);
  });

  app.get<{ Params: { id: string } }>('/communes/:id', { config, schema }, async (request, reply) => {
    if (limited(request, reply)) return reply;
    const pageNo = int(q(request).page, 1, 10_000) ?? 1;
    const id = int(request.params.id, 1, 100_000);
    const data = id ? await site.commune(id, pageNo) : null;
    return data ? sendPage(request, reply, communePage(request.lang, data.commune, data.result, data.producers, pageNo), { maxAge: 60 }) : missing(request, reply);
  });

  app.get('/proof', { config, schema }, async (request, reply) => {
    if (limited(request, reply)) return reply;
    const raw = q(request);
    const product = str(raw.product);
    const lot = str(raw.lot);
    const stamp = str(raw.stamp);
    const html = product && UUID.test(product) && (!lot || UUID.test(lot)) && (!stamp || /^[A-Za-z0-9-]{8,40}$/.test(stamp))
      ? await site.proof({ product, lot: lot ?? null, stamp: stamp ?? null }, request.lang, request.url)
      : null;
    return html ? sendPage(request, reply, html, { maxAge: 0 }) : missing(request, reply);
  });

  /** The 16-character code printed under a QR code, typed by hand: normalised as the stamps module does
   * (O→0, I/L→1, no spaces or dashes) and sent to the stamp's short URI, where the resolver answers. */
  app.get('/code', { config, schema }, async (request, reply) => {
    const typed = str(q(request).c) ?? '';
    const serial = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
    const lang: Lang = request.lang;
    if (/^[0-9A-Z]{16}$/.test(serial)) return reply.code(303).header('cache-control', 'no-store').header('location', `/s/${serial}?lang=${lang}`).send();
    const body = `<div class="banner unknown" role="alert"><h1>${t(SiteTexts.PUBLIC_BAD_TITLE, lang)}</h1></div><section><p>${t(SiteTexts.PUBLIC_HOME_CODE_BAD, lang, { code: typed.slice(0, 40) })}</p><p><a href="/?lang=${lang}">${t(SiteTexts.PUBLIC_BACK_HOME, lang)}</a></p></section>`;
    return sendPage(request, reply, page({ lang, title: translate(SiteTexts.PUBLIC_BAD_TITLE, lang), path: '/code', body }), { maxAge: null }, 400);
  });

  const proofScript = staticAsset(PROOF_SCRIPT, 'text/javascript; charset=utf-8', 3600);
  app.get('/public/proof.js', { config, schema }, async (request, reply) => sendStaticAsset(request, reply, proofScript));

}
