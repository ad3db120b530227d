// The journey as a vertical timeline: what, when, where, who and why of each step, oldest first, with warnings
// (a harvest inside a pre-harvest interval) shown as the producer recorded them.
import type { Lang } from '../../../platform/i18n/messages.ts';
import { esc } from '../html/escape.ts';
import { dateTime, isoDateTime } from '../html/format.ts';
import { t } from '../html/frame.ts';
import type { JourneyStep } from '../facts/journey.ts';
import { PageTexts } from '../texts/page-texts.ts';

export interface ExtraStep {
  readonly at: Date;
  readonly title: string;
}

/** Scan pages show the latest steps and link to the lot passport for the rest, to stay light. */
export function journeySection(steps: readonly JourneyStep[] | undefined, lang: Lang, options: { lotId: string | null; extra?: ExtraStep[]; limit?: number }): string {
  if (!steps) return journeyLoading(lang, options.lotId);
  const items = journeyItems(steps, lang);
  for (const e of options.extra ?? []) items.push(extraItem(e, lang));
  return journeyOf(items, lang, options);
}

/** The section while the journey is read. */
export function journeyLoading(lang: Lang, lotId: string | null): string {
  const lotLink = lotId ? `/lots/${esc(lotId)}?lang=${lang}#journey` : null;
  return `${journeyHead(lang)}<p class="muted">${t(PageTexts.PUBLIC_JOURNEY_LOADING, lang)}</p>${lotLink ? `<p><a href="${lotLink}">${t(PageTexts.PUBLIC_JOURNEY, lang)}</a></p>` : ''}</section>`;
}

const journeyHead = (lang: Lang) => `<section id="journey"><h2>${t(PageTexts.PUBLIC_JOURNEY, lang)}</h2>`;

/** One list item per step (the scan page keeps them per journey and language). */
export function journeyItems(steps: readonly JourneyStep[], lang: Lang): string[] {
  return steps.map((s) => {
    const where = [s.placeName, s.communeName].filter(Boolean).join(', ');
    const details = s.details.map((d) => `<p>${esc(d[lang])}</p>`).join('');
    const warnings = s.warnings.map((w) => `<p class="warn">${esc(w[lang])}</p>`).join('');
    return `<li><time datetime="${isoDateTime(s.occurredAt)}">${esc(dateTime(s.occurredAt, lang))}</time><h3>${esc(s.title[lang])}</h3>` +
      (where ? `<p>${t(PageTexts.PUBLIC_JOURNEY_WHERE, lang)}: ${esc(where)}</p>` : '') +
      (s.organizationName ? `<p>${t(PageTexts.PUBLIC_JOURNEY_WHO, lang)}: ${esc(s.organizationName)}</p>` : '') +
      details + (s.why ? `<p class="muted">${t(PageTexts.PUBLIC_J_WHY, lang, { why: s.why[lang] })}</p>` : '') + warnings + `</li>`;
  });
}

export function extraItem(e: ExtraStep, lang: Lang): string {
  return `<li><time datetime="${isoDateTime(e.at)}">${esc(dateTime(e.at, lang))}</time><h3>${esc(e.title)}</h3></li>`;
}

/** The section from its list items (steps, then extra steps), the latest `limit` of them shown. */
export function journeyOf(items: readonly string[], lang: Lang, options: { lotId: string | null; limit?: number }): string {
  const head = journeyHead(lang);
  if (items.length === 0) return `${head}<p class="muted">${t(PageTexts.PUBLIC_JOURNEY_EMPTY, lang)}</p></section>`;
  const lotLink = options.lotId ? `/lots/${esc(options.lotId)}?lang=${lang}#journey` : null;
  const limit = options.limit ?? Infinity;
  const hidden = Math.max(0, items.length - limit);
  const more = hidden && lotLink ? `<p><a href="${lotLink}">${t(PageTexts.PUBLIC_J_MORE, lang, { count: hidden })}</a></p>` : '';
  return `${head}${more}<ol class="journey">${(hidden ? items.slice(hidden) : items).join('')}</ol></section>`;
}
