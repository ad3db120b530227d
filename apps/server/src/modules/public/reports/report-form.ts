// The "report a problem" form: plain HTML that posts as multipart/form-data to /report and works without
// JavaScript. The honeypot field is hidden from people (off-screen, out of the tab order, labelled "leave
// empty" for screen readers) but filled by naive bots.
import type { Lang } from '../../../platform/i18n/messages.ts';
import { esc } from '../html/escape.ts';
import { t } from '../html/frame.ts';
import { REPORT_CATEGORIES, type ReportCategory } from './report-model.ts';
import { ReportTexts } from './report-texts.ts';

export interface ReportFormState {
  readonly category?: string;
  readonly message?: string;
  readonly contact?: string;
  readonly consent?: boolean;
  /** Message codes of what to fix. */
  readonly errors?: readonly string[];
}

export interface ReportFormOptions {
  readonly lang: Lang;
  readonly token: string;
  /** What the report is about: a scanned path (/01/…, /s/…), `product:<id>` or `lot:<id>`. */
  readonly ref: string;
  readonly scanId?: string | null;
  /** Render open (a <details> otherwise, so the scan page stays short). */
  readonly open?: boolean;
  readonly about?: string;
  readonly state?: ReportFormState;
}

export function reportForm(o: ReportFormOptions): string {
  const { lang } = o;
  const s = o.state ?? {};
  const errors = s.errors?.length ? `<div class="warn" role="alert"><p>${t(ReportTexts.PUBLIC_REPORT_FIX, lang)}</p><ul>${s.errors.map((e) => `<li>${t(e, lang)}</li>`).join('')}</ul></div>` : '';
  const options = REPORT_CATEGORIES.map((c: ReportCategory) => `<option value="${c}"${s.category === c ? ' selected' : ''}>${t(`PUBLIC_REPORT_CAT_${c}`, lang)}</option>`).join('');
  const form =
    `<form class="stack" method="post" action="/report?lang=${lang}" enctype="multipart/form-data">` +
    `<input type="hidden" name="ref" value="${esc(o.ref)}"><input type="hidden" name="token" value="${esc(o.token)}">` +
    (o.scanId ? `<input type="hidden" name="scan" value="${esc(o.scanId)}">` : '') +
    (o.about ? `<p class="muted">${t(ReportTexts.PUBLIC_REPORT_ABOUT, lang, { what: o.about })}</p>` : '') + errors +
    `<div><label for="r-category">${t(ReportTexts.PUBLIC_REPORT_CATEGORY, lang)}</label><select id="r-category" name="category" required>${options}</select></div>` +
    `<div><label for="r-message">${t(ReportTexts.PUBLIC_REPORT_MESSAGE, lang)}</label><textarea id="r-message" name="message" required minlength="10" maxlength="2000">${esc(s.message ?? '')}</textarea></div>` +
    `<div><label for="r-contact">${t(ReportTexts.PUBLIC_REPORT_CONTACT, lang)}</label><input id="r-contact" name="contact" maxlength="200" autocomplete="tel" value="${esc(s.contact ?? '')}"></div>` +
    `<div class="trap" aria-hidden="true"><label for="r-website">${t(ReportTexts.PUBLIC_REPORT_TRAP, lang)}</label><input id="r-website" name="website" tabindex="-1" autocomplete="off"></div>` +
    `<div><label class="check" for="r-consent"><input id="r-consent" name="consent" type="checkbox" value="yes" required${s.consent ? ' checked' : ''}>${t(ReportTexts.PUBLIC_REPORT_CONSENT, lang)}</label></div>` +
    `<div><label for="r-photo">${t(ReportTexts.PUBLIC_REPORT_PHOTO, lang)}</label><input id="r-photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp"></div>` +
    `<div><button type="submit">${t(ReportTexts.PUBLIC_REPORT_SUBMIT, lang)}</button></div></form>`;
  const title = t(ReportTexts.PUBLIC_REPORT_TITLE, lang);
  const intro = `<p>${t(ReportTexts.PUBLIC_REPORT_INTRO, lang)}</p>`;
  return o.open
    ? `<section id="report"><h2>${title}</h2>${intro}${form}</section>`
    : `<section id="report"><details><summary>${title}</summary>${intro}${form}</details></section>`;
}
