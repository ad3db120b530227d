// Pages for codes that do not resolve: malformed (400, with GS1's reason and where), unknown stamp, product, lot
// or key (404, each said plainly, a copied or invented stamp being the usual cause), and the database not
// answering (503). Never a stack trace, never blank; the report form is there for the counterfeit case.
import { gs1Message } from '@txng/gs1';
import { translate, type Lang } from '../../../platform/i18n/messages.ts';
import type { ResolverProblem } from '../../stamps/index.ts';
import { page, t } from '../html/frame.ts';
import { reportForm } from '../reports/report-form.ts';
import { SiteTexts } from '../texts/site-texts.ts';

const UNKNOWN: Record<string, string> = {
  RESOLVER_STAMP_UNKNOWN: SiteTexts.PUBLIC_UNKNOWN_STAMP,
  RESOLVER_GTIN_UNKNOWN: SiteTexts.PUBLIC_UNKNOWN_GTIN,
  RESOLVER_LOT_UNKNOWN: SiteTexts.PUBLIC_UNKNOWN_LOT,
  RESOLVER_KEY_NOT_SERVED: SiteTexts.PUBLIC_UNKNOWN_KEY,
};

export function problemPage(problem: ResolverProblem, lang: Lang, token: string): string {
  const path = problem.input.startsWith('/') ? problem.input.split(/[?#]/)[0]! : '/';
  let title: string;
  let detail: string;
  let kind: string;
  if (problem.status === 400) {
    title = SiteTexts.PUBLIC_BAD_TITLE;
    kind = 'unknown';
    const reason = problem.gs1 ? gs1Message(problem.gs1, lang) : translate(problem.code, lang, problem.params);
    detail = `<p>${t(SiteTexts.PUBLIC_BAD_DETAIL, lang, { reason })}</p>` +
      (problem.params.position != null ? `<p class="muted code">${t(SiteTexts.PUBLIC_BAD_AT, lang, { position: Number(problem.params.position) + 1, input: problem.input.slice(0, 300) })}</p>` : '');
  } else if (problem.status === 503) {
    title = SiteTexts.PUBLIC_UNAVAILABLE_TITLE;
    kind = 'busy';
    detail = `<p>${t(SiteTexts.PUBLIC_UNAVAILABLE_DETAIL, lang)}</p>`;
  } else {
    title = SiteTexts.PUBLIC_UNKNOWN_TITLE;
    kind = 'unknown';
    detail = `<p>${t(UNKNOWN[problem.code] ?? SiteTexts.PUBLIC_UNKNOWN_OTHER, lang, problem.params)}</p>`;
  }
  const report = problem.status === 503 ? '' : reportForm({ lang, token, ref: path, open: problem.code === 'RESOLVER_STAMP_UNKNOWN' });
  const body = `<div class="banner ${kind}" role="alert"><h1>${t(title, lang)}</h1></div><section>${detail}<p>${t(SiteTexts.PUBLIC_PROBLEM_HELP, lang)}</p>` +
    `<p><a href="/?lang=${lang}">${t(SiteTexts.PUBLIC_BACK_HOME, lang)}</a></p></section>${report}`;
  return page({ lang, title: `${translate(title, lang)} — ${translate('PUBLIC_SITE', lang)}`, path, body });
}
