// Sections shared by the scan page and the passports: the product (name, image, codes, brand, trademark, model,
// shelf life — Circular 02 Art. 6.5), its producer (name, address, commune, IDs, contact — Decree 37 Art. 32),
// its origin with a link that opens the phone's map app, the lot and its dates, certificates with OCOP stars and
// validity, the standards applied and the safety warnings. Every value from records goes through `esc`.
import type { Lang } from '../../../platform/i18n/messages.ts';
import { esc, safeWebUrl, telUri } from '../html/escape.ts';
import { day, vietnamDay } from '../html/format.ts';
import { localName, row, t } from '../html/frame.ts';
import { PageTexts } from '../texts/page-texts.ts';
import { SiteTexts } from '../texts/site-texts.ts';
import type { LotView, PlaceView, ProducerView, ProductView } from './model.ts';

/** The product photo: the 320 px thumbnail (a few KB of WebP), sized up front so nothing shifts as it loads. */
export function productImage(p: ProductView, lang: Lang, eager = false): string {
  if (!p.thumbnailUrl) return '';
  const name = localName(p.nameVi, p.nameEn, lang);
  return `<img src="${esc(p.thumbnailUrl)}" width="160" height="160" alt="${t(PageTexts.PUBLIC_PRODUCT_IMAGE, lang, { name })}" ${eager ? 'fetchpriority="high"' : 'loading="lazy"'} decoding="async">`;
}

export function productHero(p: ProductView, producer: ProducerView, lang: Lang, headingLevel: 1 | 2): string {
  const name = localName(p.nameVi, p.nameEn, lang);
  const description = lang === 'en' && p.descriptionEn ? p.descriptionEn : p.descriptionVi;
  return `<section class="hero">${productImage(p, lang, true)}<div><h${headingLevel}>${esc(name)}</h${headingLevel}>` +
    `<p><a href="/producers/${esc(producer.id)}?lang=${lang}">${esc(producer.name)}</a>${producer.communeName ? ` — ${esc(producer.communeName)}` : ''}</p>` +
    `${p.ocop ? `<p class="stars">${t(PageTexts.PUBLIC_OCOP, lang, { stars: p.ocop.stars })} ${'★'.repeat(p.ocop.stars)}</p>` : ''}` +
    `${description ? `<p>${esc(description)}</p>` : ''}</div></section>`;
}

export function productDetails(p: ProductView, lang: Lang, extra: { serial?: string | null; traceCode?: string | null } = {}): string {
  const [head, tail] = productDetailsParts(p, lang);
  return head + productCodes(lang, extra) + tail;
}

/** The product section around the item's own codes (the scan page keeps these per product and language). */
export function productDetailsParts(p: ProductView, lang: Lang): [head: string, tail: string] {
  const mark = p.protectedMark ? `${t(`PUBLIC_MARK_${p.protectedMark.kind}`, lang)}${p.protectedMark.name ? `: ${esc(p.protectedMark.name)}` : ''}` : '';
  const head = `<section><h2>${t(PageTexts.PUBLIC_PRODUCT, lang)}</h2><dl>` +
    row(t(PageTexts.PUBLIC_F_GTIN, lang), p.gtin ? `<span class="code">${esc(p.gtin)}</span>` : '');
  const tail = row(t(PageTexts.PUBLIC_F_CATEGORY, lang), t(`PUBLIC_CAT_${p.category}`, lang)) +
    row(t(PageTexts.PUBLIC_F_BRAND, lang), esc(p.brand ?? '')) +
    row(t(PageTexts.PUBLIC_F_TRADEMARK, lang), esc(p.trademark ?? '')) +
    row(t(PageTexts.PUBLIC_F_MODEL, lang), esc(p.modelCode ?? '')) +
    row(t(PageTexts.PUBLIC_F_SHELF_LIFE, lang), p.shelfLifeDays ? t(PageTexts.PUBLIC_DAYS, lang, { days: p.shelfLifeDays }) : '') +
    row(t(PageTexts.PUBLIC_F_MARK, lang), mark) +
    `</dl></section>`;
  return [head, tail];
}

/** The rows of the scanned item's own codes: the trace code (the printed URI) and the serial. */
export function productCodes(lang: Lang, extra: { serial?: string | null; traceCode?: string | null }): string {
  return (extra.traceCode ? row(t(PageTexts.PUBLIC_F_TRACE_CODE, lang), `<span class="code">${esc(extra.traceCode)}</span>`) : '') +
    (extra.serial ? row(t(PageTexts.PUBLIC_F_SERIAL, lang), `<span class="code">${esc(extra.serial)}</span>`) : '');
}

export function producerSection(o: ProducerView, lang: Lang): string {
  const tel = telUri(o.phone);
  const web = safeWebUrl(o.website);
  const email = o.email && /^[^\s@<>"]+@[^\s@<>"]+$/.test(o.email) ? o.email : null;
  return `<section id="producer"><h2>${t(PageTexts.PUBLIC_PRODUCER, lang)}</h2><dl>` +
    row(t(PageTexts.PUBLIC_F_NAME, lang), esc(o.name)) +
    row(t(PageTexts.PUBLIC_F_ADDRESS, lang), esc(o.address)) +
    row(t(PageTexts.PUBLIC_F_COMMUNE, lang), o.communeName ? `<a href="/communes/${o.communeId}?lang=${lang}">${esc(o.communeName)}</a>` : '') +
    row(t(PageTexts.PUBLIC_F_TAX_CODE, lang), o.taxCode ? `<span class="code">${esc(o.taxCode)}</span>` : '') +
    row(t(PageTexts.PUBLIC_F_GLN, lang), o.gln ? `<span class="code">${esc(o.gln)}</span>` : '') +
    row(t(PageTexts.PUBLIC_F_PHONE, lang), o.phone ? (tel ? `<a href="${esc(tel)}">${esc(o.phone)}</a>` : esc(o.phone)) : '') +
    row(t(PageTexts.PUBLIC_F_EMAIL, lang), email ? `<a href="mailto:${esc(email)}">${esc(email)}</a>` : '') +
    row(t(PageTexts.PUBLIC_F_WEBSITE, lang), web ? `<a href="${esc(web)}" rel="noopener nofollow ugc">${esc(o.website)}</a>` : '') +
    `</dl><p><a href="/producers/${esc(o.id)}?lang=${lang}">${t(PageTexts.PUBLIC_PRODUCER_PAGE, lang)}</a></p></section>`;
}

/** A `geo:` URI (RFC 5870) opens the map app on Android; the OpenStreetMap link serves every other phone. */
function mapLinks(p: PlaceView, lang: Lang): string {
  if (p.latitude === null || p.longitude === null) return '';
  // Four decimals (about 11 m) are enough to find a planting area or a facility.
  const lat = p.latitude.toFixed(4);
  const lon = p.longitude.toFixed(4);
  return `<span class="code">${lat}, ${lon}</span><br><a href="geo:${lat},${lon}?q=${lat},${lon}">${t(PageTexts.PUBLIC_OPEN_MAP, lang)}</a> · ` +
    `<a href="https://www.openstreetmap.org/?mlat=${lat}&amp;mlon=${lon}#map=15/${lat}/${lon}" rel="noopener">OpenStreetMap</a>`;
}

export function originSection(places: readonly PlaceView[], lang: Lang): string {
  if (places.length === 0) return '';
  const blocks = places.map((p) =>
    `<dl>${row(t(PageTexts.PUBLIC_F_PLACE, lang), `${esc(p.name)} <span class="muted">(${t(`PUBLIC_PLACE_${p.kind}`, lang)})</span>`)}` +
    row(t(PageTexts.PUBLIC_F_ADDRESS, lang), esc(p.address ?? '')) +
    row(t(PageTexts.PUBLIC_F_COMMUNE, lang), esc(p.communeName ?? '')) +
    row(t(PageTexts.PUBLIC_F_PLANTING_AREA, lang), p.plantingAreaCode ? `<span class="code">${esc(p.plantingAreaCode)}</span>` : '') +
    row(t(PageTexts.PUBLIC_F_COORDINATES, lang), mapLinks(p, lang)) + `</dl>`,
  );
  return `<section id="origin"><h2>${t(PageTexts.PUBLIC_ORIGIN, lang)}</h2>${blocks.join('<hr>')}</section>`;
}

export function lotSection(l: LotView | null, lang: Lang, now: Date, passportLink: boolean): string {
  if (!l) return '';
  const expired = l.expiryDate !== null && l.expiryDate < vietnamDay(now);
  return `<section id="lot"><h2>${t(PageTexts.PUBLIC_LOT, lang)}</h2><dl>` +
    row(t(PageTexts.PUBLIC_F_LOT_CODE, lang), `<span class="code">${esc(l.lotCode)}</span>`) +
    row(t(PageTexts.PUBLIC_F_PRODUCED, lang), esc(day(l.productionDate, lang))) +
    row(t(PageTexts.PUBLIC_F_HARVESTED, lang), esc(day(l.harvestDate, lang))) +
    row(t(PageTexts.PUBLIC_F_EXPIRES, lang), l.expiryDate ? `${esc(day(l.expiryDate, lang))}${expired ? ` — <strong class="bad">${t(PageTexts.PUBLIC_EXPIRED, lang)}</strong>` : ''}` : '') +
    `</dl>${passportLink ? `<p><a href="/lots/${esc(l.id)}?lang=${lang}">${t(SiteTexts.PUBLIC_PASSPORT_LOT, lang)}</a></p>` : ''}</section>`;
}

function validity(validTo: string | null, today: string, lang: Lang): string {
  if (!validTo) return '';
  return validTo < today ? `<strong class="bad">${t(PageTexts.PUBLIC_CERT_EXPIRED, lang, { date: day(validTo, lang) })}</strong>` : t(PageTexts.PUBLIC_CERT_VALID_UNTIL, lang, { date: day(validTo, lang) });
}

export function certificatesSection(p: ProductView, lang: Lang, now: Date): string {
  const today = vietnamDay(now);
  const items = p.certifications.map((c) => {
    const name = c.kind === 'other' && c.name ? esc(c.name) : t(`PUBLIC_CERT_${c.kind}`, lang);
    const parts = [t(PageTexts.PUBLIC_CERT_NUMBER, lang, { number: c.number }), t(PageTexts.PUBLIC_CERT_ISSUER, lang, { issuer: c.issuer }), validity(c.validTo, today, lang)].filter(Boolean);
    return `<li><strong>${name}</strong> — ${parts.join(', ')}</li>`;
  });
  if (p.ocop) {
    const parts = [p.ocop.certificateNumber ? t(PageTexts.PUBLIC_CERT_NUMBER, lang, { number: p.ocop.certificateNumber }) : '', validity(p.ocop.expiresOn, today, lang)].filter(Boolean);
    items.unshift(`<li><strong>${t(PageTexts.PUBLIC_OCOP, lang, { stars: p.ocop.stars })}</strong> <span class="stars" role="img" aria-label="${t(PageTexts.PUBLIC_OCOP_STARS, lang, { stars: p.ocop.stars })}">${'★'.repeat(p.ocop.stars)}</span>${parts.length ? ` — ${parts.join(', ')}` : ''}</li>`);
  }
  if (p.protectedMark) items.push(`<li><strong>${t(`PUBLIC_MARK_${p.protectedMark.kind}`, lang)}</strong>${p.protectedMark.name ? `: ${esc(p.protectedMark.name)}` : ''}</li>`);
  return `<section id="certificates"><h2>${t(PageTexts.PUBLIC_CERTIFICATES, lang)}</h2>${items.length ? `<ul>${items.join('')}</ul>` : `<p class="muted">${t(PageTexts.PUBLIC_CERTIFICATES_NONE, lang)}</p>`}</section>`;
}

export function standardsAndSafety(p: ProductView, lang: Lang): string {
  const standards = p.standards.length
    ? `<ul>${p.standards.map((s) => `<li><span class="code">${esc(s.code)}</span>${s.title ? ` — ${esc(s.title)}` : ''}</li>`).join('')}</ul>`
    : `<p class="muted">${t(PageTexts.PUBLIC_STANDARDS_NONE, lang)}</p>`;
  const safety = p.safetyWarnings ? `<p>${esc(p.safetyWarnings)}</p>` : `<p class="muted">${t(PageTexts.PUBLIC_SAFETY_NONE, lang)}</p>`;
  return `<section id="standards"><h2>${t(PageTexts.PUBLIC_STANDARDS, lang)}</h2>${standards}</section><section id="safety"><h2>${t(PageTexts.PUBLIC_SAFETY, lang)}</h2>${safety}</section>`;
}
