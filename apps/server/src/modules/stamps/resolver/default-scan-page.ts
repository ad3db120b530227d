// This module's own scan page: complete, honest and light (server-rendered, works without JavaScript, a few
// KB). The `public` module will inject a richer ScanPageRenderer through system.ts; this one stays the fallback.
import { translate, type Lang } from '../../../platform/i18n/messages.ts';
import { FlagLabels } from '../messages.ts';
import type { PublicPlace } from '../public-facts.ts';
import { gs1Message } from '@txng/gs1';
import { dateTime, day, esc, page, t } from './html.ts';
import { PageTexts } from './page-messages.ts';
import type { RenderContext, ResolvedTarget, ResolverProblem, ScanPageRenderer, VerifyOutcome } from './types.ts';

/** The opt-in script that shares a rounded place (served by the resolver routes, same origin for the CSP). */
export const PLACE_SCRIPT_PATH = '/stamps/place.js';

const row = (label: string, value: string) => (value ? `<dt>${label}</dt><dd>${value}</dd>` : '');

function placeText(p: PublicPlace | null): string {
  if (!p) return '';
  return esc([p.name, p.communeName].filter(Boolean).join(', '));
}

function banner(target: ResolvedTarget, lang: Lang): string {
  const code = target.status.code;
  let extra = '';
  if (code === 'suspicious') extra = `<ul>${target.status.flags.map((f) => `<li>${esc(translate(FlagLabels[`STAMP_FLAG_${f.code}`], lang, { ...f.params, firstAt: dateTime(String(f.params?.firstAt ?? f.at), lang) }))}</li>`).join('')}</ul>`;
  if (code === 'recalled' && target.status.recall) {
    const r = target.status.recall;
    extra = `<p>${esc(r.reason)}</p>${r.instructions ? `<p>${esc(r.instructions)}</p>` : ''}${r.contact ? `<p>${esc(r.contact)}</p>` : ''}`;
  }
  const stats = target.scanStats;
  const scans = stats && target.stamp && code !== 'unconfirmed'
    ? `<p>${stats.count <= 1 ? t(PageTexts.PAGE_FIRST_SCAN, lang) : t(PageTexts.PAGE_SCANS, lang, { first: dateTime(stats.firstScannedAt, lang), count: stats.count })}</p>`
    : '';
  const role = code === 'genuine' || code === 'unserialised' ? 'status' : 'alert';
  return `<div class="banner ${code}" role="${role}"><h2>${t(`PAGE_STATUS_${code}`, lang)}</h2><p>${t(`PAGE_STATUS_${code}_detail`, lang)}</p>${extra}${scans}</div>`;
}

function verification(target: ResolvedTarget, lang: Lang, outcome: VerifyOutcome | undefined): string {
  const s = target.stamp;
  if (!s?.hasCode) return '';
  let message = '';
  if (outcome) {
    const good = outcome.outcome === 'verified';
    const params = { at: dateTime(outcome.verifiedAt, lang), left: outcome.attemptsLeft ?? 0, seconds: outcome.retryAfterSeconds ?? 0 };
    message = `<p class="${good ? 'ok' : 'bad'}" role="status">${t(`PAGE_VERIFY_${outcome.outcome}`, lang, params)}</p>`;
  } else if (s.codeVerifiedAt) {
    message = `<p class="note">${t(PageTexts.PAGE_VERIFY_DONE, lang, { at: dateTime(s.codeVerifiedAt, lang) })}</p>`;
  }
  return `<section id="verify"><h2>${t(PageTexts.PAGE_VERIFY_TITLE, lang)}</h2><p class="note">${t(PageTexts.PAGE_VERIFY_HELP, lang)}</p>${message}` +
    `<form method="post" action="${esc(target.path)}?lang=${lang}"><div><label for="code">${t(PageTexts.PAGE_VERIFY_LABEL, lang)}</label>` +
    `<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{8,9}" maxlength="9" required></div>` +
    `<button type="submit">${t(PageTexts.PAGE_VERIFY_SUBMIT, lang)}</button></form></section>`;
}

function product(target: ResolvedTarget, lang: Lang): string {
  const p = target.product;
  const name = lang === 'en' && p.nameEn ? p.nameEn : p.nameVi;
  const description = lang === 'en' && p.descriptionEn ? p.descriptionEn : p.descriptionVi;
  const o = target.organization;
  return `<section><h1>${esc(name)}</h1>${description ? `<p>${esc(description)}</p>` : ''}<dl>` +
    row(t(PageTexts.PAGE_BRAND, lang), esc(p.brand ?? '')) +
    row('GTIN', p.gtin ? `<span class="code">${esc(p.gtin)}</span>` : '') +
    row(t(PageTexts.PAGE_SHELF_LIFE, lang), p.shelfLifeDays ? t(PageTexts.PAGE_DAYS, lang, { days: p.shelfLifeDays }) : '') +
    `</dl></section><section><h2>${t(PageTexts.PAGE_PRODUCER, lang)}</h2><dl>` +
    row(t(PageTexts.PAGE_PRODUCER, lang), esc(o.name)) +
    row(t(PageTexts.PAGE_ADDRESS, lang), esc([o.address, o.communeName].filter(Boolean).join(', '))) +
    row(t(PageTexts.PAGE_PHONE, lang), o.phone ? `<a href="tel:${esc(o.phone.replace(/[^\d+]/g, ''))}">${esc(o.phone)}</a>` : '') +
    row(t(PageTexts.PAGE_WEBSITE, lang), o.website && /^https?:\/\//i.test(o.website) ? `<a href="${esc(o.website)}" rel="noopener nofollow">${esc(o.website)}</a>` : '') +
    `</dl></section>`;
}

function lotAndJourney(target: ResolvedTarget, lang: Lang): string {
  const l = target.lot;
  const origin = target.lotOrigin ?? target.productOrigin;
  const lot = l
    ? `<section><h2>${t(PageTexts.PAGE_LOT, lang)}</h2><dl>` +
      row(t(PageTexts.PAGE_LOT_CODE, lang), `<span class="code">${esc(l.lotCode)}</span>`) +
      row(t(PageTexts.PAGE_PRODUCED, lang), esc(day(l.productionDate, lang))) +
      row(t(PageTexts.PAGE_HARVESTED, lang), esc(day(l.harvestDate, lang))) +
      row(t(PageTexts.PAGE_EXPIRES, lang), esc(day(l.expiryDate, lang))) +
      row(t(PageTexts.PAGE_ORIGIN, lang), placeText(origin)) +
      row(t(PageTexts.PAGE_PLANTING_AREA, lang), esc(origin?.plantingAreaCode ?? '')) +
      `</dl></section>`
    : '';
  const steps: string[] = [];
  if (origin) steps.push(`<li>${l?.productionDate || l?.harvestDate ? `${esc(day(l.productionDate ?? l.harvestDate, lang))} — ` : ''}${t(PageTexts.PAGE_JOURNEY_PRODUCED, lang, { place: [origin.name, origin.communeName].filter(Boolean).join(', ') })}</li>`);
  if (target.stamp?.activatedAt) steps.push(`<li>${esc(dateTime(target.stamp.activatedAt, lang))} — ${t(PageTexts.PAGE_JOURNEY_ACTIVATED, lang)}</li>`);
  return `${lot}${steps.length ? `<section id="journey"><h2>${t(PageTexts.PAGE_JOURNEY, lang)}</h2><ul>${steps.join('')}</ul></section>` : ''}`;
}

function certificates(target: ResolvedTarget, lang: Lang): string {
  const p = target.product;
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const items = p.certifications.map((c) => {
    const expired = c.validTo !== null && c.validTo < today;
    const validity = c.validTo ? (expired ? `<span class="bad">${t(PageTexts.PAGE_CERT_EXPIRED, lang, { date: day(c.validTo, lang) })}</span>` : t(PageTexts.PAGE_CERT_VALID_UNTIL, lang, { date: day(c.validTo, lang) })) : '';
    return `<li>${esc(c.name ?? c.kind.toUpperCase())} ${esc(c.number)} — ${esc(c.issuer)}${validity ? `, ${validity}` : ''}</li>`;
  });
  if (p.ocop) items.unshift(`<li>${t(PageTexts.PAGE_OCOP, lang, { stars: p.ocop.stars })}${p.ocop.expiresOn ? `, ${t(PageTexts.PAGE_CERT_VALID_UNTIL, lang, { date: day(p.ocop.expiresOn, lang) })}` : ''}</li>`);
  const certs = items.length ? `<section id="certificates"><h2>${t(PageTexts.PAGE_CERTIFICATES, lang)}</h2><ul>${items.join('')}</ul></section>` : '';
  const standards = p.standards.length ? `<section><h2>${t(PageTexts.PAGE_STANDARDS, lang)}</h2><ul>${p.standards.map((s) => `<li>${esc(s.code)}${s.title ? ` — ${esc(s.title)}` : ''}</li>`).join('')}</ul></section>` : '';
  const safety = p.safetyWarnings ? `<section id="safety"><h2>${t(PageTexts.PAGE_SAFETY, lang)}</h2><p>${esc(p.safetyWarnings)}</p></section>` : '';
  return certs + standards + safety;
}

function stampDetails(target: ResolvedTarget, lang: Lang): string {
  const s = target.stamp;
  if (!s) return '';
  const share = target.scanId
    ? `<p><button type="button" id="share-place" hidden data-scan="${esc(target.scanId)}" data-done="${t(PageTexts.PAGE_SHARE_PLACE_DONE, lang)}">${t(PageTexts.PAGE_SHARE_PLACE, lang)}</button></p><p class="note" id="share-note" hidden>${t(PageTexts.PAGE_SHARE_PLACE_NOTE, lang)}</p>`
    : '';
  return `<section><h2>${t(PageTexts.PAGE_STAMP, lang)}</h2><dl>${row(t(PageTexts.PAGE_STAMP_CODE, lang), `<span class="code">${esc(s.humanCode)}</span>`)}</dl>${share}</section>`;
}

export const defaultScanPage: ScanPageRenderer = {
  renderTarget(target: ResolvedTarget, ctx: RenderContext): string {
    const { lang } = ctx;
    const name = lang === 'en' && target.product.nameEn ? target.product.nameEn : target.product.nameVi;
    const body = banner(target, lang) + verification(target, lang, ctx.verification) + product(target, lang) + lotAndJourney(target, lang) + certificates(target, lang) + stampDetails(target, lang) +
      `<footer><p>${t(PageTexts.PAGE_FOOTER, lang)}</p><p><a href="${esc(target.path)}?linkType=all" type="application/linkset+json">${t(PageTexts.PAGE_MACHINE, lang)}</a></p></footer>`;
    return page({
      lang,
      title: `${name} — ${translate(PageTexts.PAGE_SITE, lang)}`,
      path: target.path,
      head: `<link rel="linkset" type="application/linkset+json" href="${esc(target.path)}?linkType=all">`,
      body,
      scripts: target.scanId ? [PLACE_SCRIPT_PATH] : [],
    });
  },

  renderProblem(problem: ResolverProblem, ctx: RenderContext): string {
    const { lang } = ctx;
    const title = problem.status === 400 ? PageTexts.PAGE_BAD_TITLE : problem.status === 503 ? PageTexts.PAGE_UNAVAILABLE_TITLE : PageTexts.PAGE_UNKNOWN_TITLE;
    let detail: string;
    if (problem.status === 400) {
      const reason = problem.gs1 ? gs1Message(problem.gs1, lang) : translate(problem.code, lang, problem.params);
      detail = `<p>${t(PageTexts.PAGE_BAD_DETAIL, lang, { reason })}</p>` + (problem.params.position != null ? `<p class="note code">${t(PageTexts.PAGE_BAD_AT, lang, { position: problem.params.position, input: problem.input.slice(0, 300) })}</p>` : '');
    } else {
      detail = `<p>${t(problem.code, lang, problem.params)}</p>`;
    }
    const path = problem.input.startsWith('/') ? problem.input.split('?')[0]! : '/';
    return page({ lang, title: translate(title, lang), path, body: `<div class="banner ${problem.status === 503 ? 'unconfirmed' : 'void'}" role="alert"><h2>${t(title, lang)}</h2></div><section>${detail}<p class="note">${t(PageTexts.PAGE_HELP, lang)}</p></section>` });
  },
};
