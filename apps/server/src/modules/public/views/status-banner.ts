// The answer a consumer came for, at the top of the scan page: genuine (first scanned on…, scanned N times),
// suspicious (and why), recalled (what to do, whom to call), void, lost, not activated, or not checkable now.
import type { Lang } from '../../../platform/i18n/messages.ts';
import type { ResolvedTarget } from '../../stamps/index.ts';
import { esc, safeWebUrl, telUri } from '../html/escape.ts';
import { dateTime, day } from '../html/format.ts';
import { t } from '../html/frame.ts';
import { PageTexts } from '../texts/page-texts.ts';

const FLAG_CODES = new Set(['code_reused', 'far_from_region', 'scanned_far_apart', 'high_scan_rate']);

function flagText(flag: ResolvedTarget['status']['flags'][number], lang: Lang): string {
  if (!FLAG_CODES.has(flag.code)) return t(PageTexts.PUBLIC_FLAG_other, lang);
  const firstAt = flag.params?.firstAt ?? flag.at;
  return t(`PUBLIC_FLAG_${flag.code}`, lang, { ...flag.params, firstAt: dateTime(String(firstAt), lang) });
}

function recallAdvice(target: ResolvedTarget, lang: Lang): string {
  const r = target.status.recall;
  const what = r?.instructions ?? null;
  const phone = target.organization.phone;
  const tel = telUri(phone);
  const producerContact = phone ? `${esc(target.organization.name)}, ${tel ? `<a href="${esc(tel)}">${esc(phone)}</a>` : esc(phone)}` : esc(target.organization.name);
  const url = safeWebUrl(r?.url) ?? (r?.url?.startsWith('/') ? r.url : null);
  return (r ? `<p>${esc(r.reason)}</p>` : '') +
    (r?.since ? `<p>${t(PageTexts.PUBLIC_RECALL_SINCE, lang, { date: /^\d{4}-\d{2}-\d{2}$/.test(r.since) ? day(r.since, lang) : dateTime(r.since, lang) })}</p>` : '') +
    `<p>${t(PageTexts.PUBLIC_RECALL_DO, lang, { what: what ?? t(PageTexts.PUBLIC_RECALL_DEFAULT_DO, lang) })}</p>` +
    `<p>${r?.contact ? t(PageTexts.PUBLIC_RECALL_CALL, lang, { who: r.contact }) : `${t(PageTexts.PUBLIC_RECALL_CALL, lang, { who: '' })}${producerContact}`}</p>` +
    (url ? `<p><a href="${esc(url)}">${t(PageTexts.PUBLIC_RECALL_DETAILS, lang)}</a></p>` : '');
}

export function statusBanner(target: ResolvedTarget, lang: Lang): string {
  const code = target.status.code;
  let extra = '';
  if (code === 'suspicious' && target.status.flags.length) extra = `<p>${t(PageTexts.PUBLIC_WHY, lang)}</p><ul>${target.status.flags.map((f) => `<li>${flagText(f, lang)}</li>`).join('')}</ul>`;
  if (code === 'recalled') extra = recallAdvice(target, lang);
  const stats = target.scanStats;
  const scans = stats && target.stamp && code !== 'unconfirmed'
    ? `<p>${stats.count <= 1 ? t(PageTexts.PUBLIC_FIRST_SCAN, lang) : t(PageTexts.PUBLIC_SCANS, lang, { first: dateTime(stats.firstScannedAt, lang), count: stats.count })}</p>`
    : '';
  // Bad news is announced (role=alert); the good news is a status, read in turn.
  const role = code === 'genuine' || code === 'unserialised' ? 'status' : 'alert';
  return `<div class="banner ${code}" role="${role}" id="status"><h1>${t(`PUBLIC_STATUS_${code}`, lang)}</h1><p>${t(`PUBLIC_STATUS_${code}_detail`, lang)}</p>${extra}${scans}</div>`;
}
