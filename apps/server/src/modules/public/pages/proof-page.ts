// "Verify it yourself": for each record a page showed, the ledger entry, the c2sp.org/tlog-proof (inclusion proof
// + the signed, witness-cosigned checkpoint) and the log's key. Complete without JavaScript (the proofs can be
// copied into `txng ledger verify-proof` or any C2SP tool); with it, proof.js checks every proof on the phone
// with the ledger's browser verifier (signatures, witnesses, RFC 9162 inclusion) and says so per record.
import type { Lang } from '../../../platform/i18n/messages.ts';
import { translate } from '../../../platform/i18n/messages.ts';
import { canonicalJson } from '../../../platform/ledger/canonical-json.ts';
import type { LedgerKeys } from '../../ledger/index.ts';
import { esc } from '../html/escape.ts';
import { page, t } from '../html/frame.ts';
import type { ProofOutcome } from '../ledger/ledger-records.ts';
import { SiteTexts } from '../texts/site-texts.ts';

export const PROOF_SCRIPT_URL = '/public/proof.js';

export interface StampProofPart {
  readonly outcome: ProofOutcome;
  readonly record: Record<string, unknown>;
  readonly inclusion: { readonly entry: string; readonly leafIndex: number; readonly treeSize: number; readonly auditPath: readonly string[] };
}

export interface ProofPageInput {
  readonly lang: Lang;
  readonly path: string;
  readonly title: string;
  readonly keys: LedgerKeys;
  readonly records: readonly ProofOutcome[];
  readonly stamp: { readonly humanCode: string; readonly parts: readonly StampProofPart[] } | null;
  readonly checkpoint: string | null;
}

function card(o: ProofOutcome, lang: Lang, extra = ''): string {
  const label = `<h3>${esc(o.ref.label[lang])}</h3><p class="muted code">${esc(o.ref.kind)} · ${esc(o.ref.id)}</p>`;
  if (!o.proof) return `<article class="card">${label}<p class="bad">${t(o.state === 'pending' ? SiteTexts.PUBLIC_PROOF_PENDING : SiteTexts.PUBLIC_PROOF_MISSING, lang)}</p>${extra}</article>`;
  const p = o.proof;
  return `<article class="card" data-proof>${label}` +
    `<p>${t(SiteTexts.PUBLIC_PROOF_LEAF, lang, { index: p.leafIndex.toString(), size: p.checkpoint.size.toString() })}</p><pre class="leaf">${esc(p.leaf)}</pre>` +
    `<details><summary>${t(SiteTexts.PUBLIC_PROOF_FILE, lang)}</summary><pre class="tlog">${esc(p.tlogProof)}</pre></details>` +
    `${extra}<p class="result" role="status"></p></article>`;
}

function stampExtra(part: StampProofPart, lang: Lang): string {
  const i = part.inclusion;
  return `<p>${t(SiteTexts.PUBLIC_PROOF_STAMP_INNER, lang, { index: i.leafIndex, size: i.treeSize })}</p><pre>${esc(i.entry)}</pre>` +
    `<details><summary>${t(SiteTexts.PUBLIC_PROOF_RECORD, lang)}</summary><pre>${esc(canonicalJson(part.record))}</pre>` +
    `<p>${t(SiteTexts.PUBLIC_PROOF_PATH, lang, { count: i.auditPath.length })}</p><pre>${esc(i.auditPath.join('\n'))}</pre></details>`;
}

export function proofPage(i: ProofPageInput): string {
  const { lang } = i;
  const messages = `data-ok="${t(SiteTexts.PUBLIC_PROOF_OK, lang)}" data-bad="${t(SiteTexts.PUBLIC_PROOF_BAD, lang)}" data-checking="${t(SiteTexts.PUBLIC_PROOF_CHECKING, lang)}"`;
  const keys = `data-vkey="${esc(i.keys.vkey)}" data-witnesses="${esc(i.keys.witnesses.map((w) => w.vkey).join(' '))}" data-quorum="${i.keys.quorum}"`;
  const stamp = i.stamp
    ? `<h2>${t(SiteTexts.PUBLIC_PROOF_STAMP, lang, { code: i.stamp.humanCode })}</h2>${i.stamp.parts.map((p) => card(p.outcome, lang, stampExtra(p, lang))).join('')}`
    : '';
  const body = `<h1>${esc(i.title)}</h1><section><p>${t(SiteTexts.PUBLIC_PROOF_INTRO, lang)}</p>` +
    `<p class="noprint"><button type="button" id="verify-all" hidden>${t(SiteTexts.PUBLIC_PROOF_BUTTON, lang)}</button></p><p class="muted" id="verify-nojs">${t(SiteTexts.PUBLIC_PROOF_NOJS, lang)}</p>` +
    `<dl><dt>${t(SiteTexts.PUBLIC_PROOF_KEY, lang)}</dt><dd class="code">${esc(i.keys.vkey)}</dd></dl>` +
    (i.checkpoint ? `<details><summary>${t(SiteTexts.PUBLIC_PROOF_CHECKPOINT, lang)}</summary><pre>${esc(i.checkpoint)}</pre></details>` : '') +
    `</section><div id="proofs" ${keys} ${messages}>${i.records.map((r) => card(r, lang)).join('')}${stamp}</div>`;
  return page({ lang, title: `${translate(SiteTexts.PUBLIC_PROOF_TITLE, lang)} — ${i.title}`, path: i.path, body, scripts: [], head: `<script type="module" src="${PROOF_SCRIPT_URL}"></script>` });
}
