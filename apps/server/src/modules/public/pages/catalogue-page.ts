// Browse and search Sơn La's traced products: one GET form (shareable URL: every filter is in the query),
// diacritic-insensitive search done by the catalog, filters by OCOP stars, commune, geographical indication or
// mark, and product type; plain links for paging. Also the home page, a producer's page and a commune's page,
// which are the same list with a fixed filter and a heading.
import type { Lang } from '../../../platform/i18n/messages.ts';
import { translate } from '../../../platform/i18n/messages.ts';
import { esc, query } from '../html/escape.ts';
import { localName, page, t } from '../html/frame.ts';
import type { OrganizationFacts, ProductRow } from '../facts/public-facts.ts';
import { SiteTexts } from '../texts/site-texts.ts';
import { PageTexts } from '../texts/page-texts.ts';
import { producerSection } from '../views/fact-sections.ts';
import { producerFromFacts } from '../views/model.ts';

export const CATEGORIES = ['fresh_fruit', 'dried_fruit', 'vegetables', 'coffee', 'tea', 'dairy', 'meat', 'aquatic', 'honey', 'grain', 'processed_food', 'beverage', 'medicinal_herb', 'medicine', 'handicraft', 'other'] as const;
export const MARKS = ['any', 'geographical_indication', 'collective_mark', 'certification_mark'] as const;
export const PAGE_SIZE = 20;

export interface CatalogueQuery {
  readonly q?: string;
  readonly stars?: number;
  readonly commune?: number;
  readonly mark?: (typeof MARKS)[number];
  readonly category?: (typeof CATEGORIES)[number];
  readonly page: number;
}

export interface Commune {
  readonly id: number;
  readonly name: string;
}

export interface ListedProduct {
  readonly row: ProductRow;
  readonly communeName: string | null;
  readonly producerName: string;
}

function productList(items: readonly ListedProduct[], lang: Lang): string {
  if (items.length === 0) return `<p>${t(SiteTexts.PUBLIC_RESULTS_NONE, lang)}</p>`;
  return `<ul class="grid">${items.map(({ row: p, communeName, producerName }) => {
    const img = p.images[0] ? `<img src="/api/v1/files/${esc(p.images[0].fileId)}?size=thumb" width="64" height="64" alt="" loading="lazy" decoding="async">` : '';
    return `<li>${img}<div><a href="/products/${esc(p.id)}?lang=${lang}">${esc(localName(p.nameVi, p.nameEn, lang))}</a>` +
      `<p class="muted">${esc(producerName)}${communeName ? ` — ${esc(communeName)}` : ''}</p>` +
      (p.ocopStars ? `<p class="stars">${t(PageTexts.PUBLIC_OCOP, lang, { stars: p.ocopStars })}</p>` : '') + `</div></li>`;
  }).join('')}</ul>`;
}

function select(id: string, label: string, options: readonly [string, string][], value: string | undefined, lang: Lang): string {
  return `<div><label for="${id}">${label}</label><select id="${id}" name="${id}"><option value="">${t(SiteTexts.PUBLIC_FILTER_ANY, lang)}</option>` +
    options.map(([v, text]) => `<option value="${esc(v)}"${value === v ? ' selected' : ''}>${esc(text)}</option>`).join('') + `</select></div>`;
}

function pager(base: string, q: Record<string, string | number | undefined>, pageNo: number, total: number, lang: Lang): string {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return '';
  const link = (n: number, label: string, rel: string) => `<a class="button" rel="${rel}" href="${esc(base + query({ ...q, page: n, lang }))}">${label}</a>`;
  return `<nav class="pager" aria-label="${t(SiteTexts.PUBLIC_PAGE_N, lang, { page: pageNo, pages })}">${pageNo > 1 ? link(pageNo - 1, t(SiteTexts.PUBLIC_PAGE_PREV, lang), 'prev') : '<span></span>'}` +
    `<span>${t(SiteTexts.PUBLIC_PAGE_N, lang, { page: pageNo, pages })}</span>${pageNo < pages ? link(pageNo + 1, t(SiteTexts.PUBLIC_PAGE_NEXT, lang), 'next') : '<span></span>'}</nav>`;
}

export function cataloguePage(lang: Lang, q: CatalogueQuery, result: { items: readonly ListedProduct[]; total: number }, communes: readonly Commune[]): string {
  const form = `<form class="stack" method="get" action="/products" role="search"><input type="hidden" name="lang" value="${lang}">` +
    `<div><label for="q">${t(SiteTexts.PUBLIC_SEARCH_LABEL, lang)}</label><input id="q" name="q" type="search" value="${esc(q.q ?? '')}" maxlength="100"></div><div class="row">` +
    select('stars', t(SiteTexts.PUBLIC_FILTER_STARS, lang), [3, 4, 5].map((s) => [String(s), translate(SiteTexts.PUBLIC_FILTER_STARS_N, lang, { stars: s })]), q.stars ? String(q.stars) : undefined, lang) +
    select('commune', t(SiteTexts.PUBLIC_FILTER_COMMUNE, lang), communes.map((c) => [String(c.id), c.name]), q.commune ? String(q.commune) : undefined, lang) +
    select('mark', t(SiteTexts.PUBLIC_FILTER_MARK, lang), MARKS.map((m) => [m, translate(m === 'any' ? SiteTexts.PUBLIC_FILTER_MARK_ANY : `PUBLIC_MARK_${m}`, lang)]), q.mark, lang) +
    select('category', t(SiteTexts.PUBLIC_FILTER_CATEGORY, lang), CATEGORIES.map((c) => [c, translate(`PUBLIC_CAT_${c}`, lang)]), q.category, lang) +
    `</div><div><button type="submit">${t(SiteTexts.PUBLIC_FILTER_APPLY, lang)}</button></div></form>`;
  const keep = { q: q.q, stars: q.stars, commune: q.commune, mark: q.mark, category: q.category };
  const body = `<h1>${t(SiteTexts.PUBLIC_CATALOGUE_TITLE, lang)}</h1><section>${form}</section>` +
    `<p role="status">${t(SiteTexts.PUBLIC_RESULTS, lang, { total: result.total })}</p>${productList(result.items, lang)}${pager('/products', keep, q.page, result.total, lang)}`;
  return page({ lang, title: translate(SiteTexts.PUBLIC_CATALOGUE_TITLE, lang), path: `/products${query({ ...keep, page: q.page > 1 ? q.page : undefined })}`, body, index: true });
}

export function homePage(lang: Lang, featured: { items: readonly ListedProduct[]; total: number }, communes: readonly (Commune & { count: number })[]): string {
  const body = `<section><h1>${t(SiteTexts.PUBLIC_HOME_TITLE, lang)}</h1><p>${t(SiteTexts.PUBLIC_HOME_INTRO, lang)}</p>` +
    `<form class="row" method="get" action="/code"><input type="hidden" name="lang" value="${lang}"><div><label for="c">${t(SiteTexts.PUBLIC_HOME_CODE, lang)}</label>` +
    `<input id="c" name="c" autocomplete="off" autocapitalize="characters" maxlength="24" aria-describedby="c-hint"><span class="hint" id="c-hint">${t(SiteTexts.PUBLIC_HOME_CODE_HINT, lang)}</span></div>` +
    `<div><button type="submit">${t(SiteTexts.PUBLIC_HOME_CODE_SUBMIT, lang)}</button></div></form></section>` +
    `<section><h2>${t(SiteTexts.PUBLIC_HOME_OCOP, lang)}</h2>${productList(featured.items, lang)}<p><a href="/products?lang=${lang}">${t(SiteTexts.PUBLIC_HOME_BROWSE, lang)}</a> · ` +
    `<a href="/products${query({ mark: 'geographical_indication', lang })}">${t(SiteTexts.PUBLIC_HOME_GI, lang)}</a></p></section>` +
    `<section><h2>${t(SiteTexts.PUBLIC_HOME_COMMUNES, lang)}</h2><ul>${communes.map((c) => `<li><a href="/communes/${c.id}?lang=${lang}">${esc(c.name)}</a> <span class="muted">(${t(SiteTexts.PUBLIC_COMMUNE_COUNT, lang, { count: c.count })})</span></li>`).join('')}</ul></section>` +
    `<section><p><a class="button" href="/portal/">${t(SiteTexts.PUBLIC_HOME_BUSINESS, lang)}</a></p></section>`;
  return page({ lang, title: translate(SiteTexts.PUBLIC_HOME_TITLE, lang), description: translate(SiteTexts.PUBLIC_HOME_INTRO, lang), path: '/', body, index: true });
}

export function producerPage(lang: Lang, org: OrganizationFacts, result: { items: readonly ListedProduct[]; total: number }, pageNo: number): string {
  const body = `<h1>${t(SiteTexts.PUBLIC_PRODUCER_TITLE, lang, { name: org.name })}</h1>${producerSection(producerFromFacts(org), lang).replace(/<p><a href="\/producers\/[^"]*">[^<]*<\/a><\/p>/, '')}` +
    `<section><h2>${t(SiteTexts.PUBLIC_PRODUCER_PRODUCTS, lang)}</h2>${productList(result.items, lang)}${pager(`/producers/${org.id}`, {}, pageNo, result.total, lang)}</section>`;
  return page({ lang, title: translate(SiteTexts.PUBLIC_PRODUCER_TITLE, lang, { name: org.name }), path: `/producers/${org.id}`, body, index: true });
}

export function communePage(lang: Lang, commune: Commune, result: { items: readonly ListedProduct[]; total: number }, producers: readonly { id: string; name: string }[], pageNo: number): string {
  const body = `<h1>${t(SiteTexts.PUBLIC_COMMUNE_TITLE, lang, { name: commune.name })}</h1>` +
    `<section><h2>${t(SiteTexts.PUBLIC_COMMUNE_PRODUCERS, lang)}</h2><ul>${producers.map((p) => `<li><a href="/producers/${esc(p.id)}?lang=${lang}">${esc(p.name)}</a></li>`).join('')}</ul></section>` +
    `<section><h2>${t(SiteTexts.PUBLIC_PRODUCER_PRODUCTS, lang)}</h2>${productList(result.items, lang)}${pager(`/communes/${commune.id}`, {}, pageNo, result.total, lang)}</section>`;
  return page({ lang, title: translate(SiteTexts.PUBLIC_COMMUNE_TITLE, lang, { name: commune.name }), path: `/communes/${commune.id}`, body, index: true });
}

export function notFoundPage(lang: Lang, path: string): string {
  const body = `<div class="banner unknown" role="alert"><h1>${t(SiteTexts.PUBLIC_NOT_FOUND_TITLE, lang)}</h1></div><section><p>${t(SiteTexts.PUBLIC_NOT_FOUND_DETAIL, lang)}</p><p><a href="/?lang=${lang}">${t(SiteTexts.PUBLIC_BACK_HOME, lang)}</a></p></section>`;
  return page({ lang, title: translate(SiteTexts.PUBLIC_NOT_FOUND_TITLE, lang), path, body });
}
