// The report form's HTTP side: GET /report (the form for a product or lot passport), POST /report (multipart
// form from any page; works without JavaScript), GET /report/sent (the thank-you page after a 303, so a reload
// does not send twice). Refusals re-render the form with the consumer's text kept and what to fix.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translate } from '../../../platform/i18n/messages.ts';
import { esc, query } from '../html/escape.ts';
import { page, t } from '../html/frame.ts';
import { sendPage } from '../http/send-page.ts';
import type { PublicSite } from '../site.ts';
import type { FormTokens } from './form-token.ts';
import { reportForm, type ReportFormState } from './report-form.ts';
import { ReportTexts } from './report-texts.ts';
import { MAX_PHOTO_BYTES, type ReportSubmission, type ReportsService } from './reports-service.ts';

export interface ReportRouteDeps {
  readonly reports: ReportsService;
  readonly tokens: FormTokens;
  readonly site: PublicSite;
  readonly now: () => Date;
  readonly userAgentFamily: (ua: string | undefined) => string | null;
}

const REF = /^(\/[\x21-\x7e]{1,499}|(product|lot):[0-9a-f-]{36})$/;
/** Reports per client per minute: a person sends one; a burst is a script. */
const REPORTS_PER_MINUTE = 5;

/** Where "back" goes: the scanned path, or the passport of the product or lot. */
function backHref(ref: string, lang: string): string {
  const m = /^(product|lot):(.+)$/.exec(ref);
  const path = m ? `/${m[1]}s/${m[2]}` : ref;
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

export async function reportRoutes(app: FastifyInstance, deps: ReportRouteDeps): Promise<void> {
  const config = { public: true };
  const schema = { hide: true };

  function formPage(request: FastifyRequest, reply: FastifyReply, ref: string, status: number, state?: ReportFormState): FastifyReply {
    const lang = request.lang;
    const body = reportForm({ lang, token: deps.tokens.issue(deps.now()), ref, open: true, ...(state ? { state } : {}) }) +
      `<p><a href="${esc(backHref(ref, lang))}">${t(ReportTexts.PUBLIC_REPORT_BACK, lang)}</a></p>`;
    return sendPage(request, reply, page({ lang, title: translate(ReportTexts.PUBLIC_REPORT_TITLE, lang), path: `/report${query({ ref })}`, body }), { maxAge: null }, status);
  }

  app.get('/report', { config, schema }, async (request, reply) => {
    const ref = String((request.query as Record<string, unknown>).ref ?? '');
    return formPage(request, reply, REF.test(ref) ? ref : '/', 200);
  });

  app.get('/report/sent', { config, schema }, async (request, reply) => {
    const raw = request.query as Record<string, unknown>;
    const n = /^\d{1,12}$/.test(String(raw.n ?? '')) ? String(raw.n) : null;
    const back = String(raw.back ?? '');
    const lang = request.lang;
    const body = `<div class="banner genuine" role="status"><h1>${t(ReportTexts.PUBLIC_REPORT_SENT_TITLE, lang)}</h1>${n ? `<p>${t(ReportTexts.PUBLIC_REPORT_SENT, lang, { number: n })}</p>` : ''}</div>` +
      (REF.test(back) ? `<p><a href="${esc(backHref(back, lang))}">${t(ReportTexts.PUBLIC_REPORT_BACK, lang)}</a></p>` : '');
    return sendPage(request, reply, page({ lang, title: translate(ReportTexts.PUBLIC_REPORT_SENT_TITLE, lang), path: '/report/sent', body }), { maxAge: null });
  });

  await app.register(async (scope) => {
    // Multipart only here; `fileSize` one byte over the limit tells "too large" from "exactly at the limit".
    await scope.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES + 1, files: 1, fields: 12, fieldSize: 8192, parts: 14 } });

    scope.post('/report', { config, schema, bodyLimit: MAX_PHOTO_BYTES + 64 * 1024 }, async (request, reply) => {
      const d = deps.site.limiter.hit(`report:${request.clientHash}`, REPORTS_PER_MINUTE);
      if (!d.allowed) {
        reply.header('retry-after', String(d.retryAfterSeconds));
        const body = `<div class="banner busy" role="alert"><h1>${t(ReportTexts.PUBLIC_REPORT_TITLE, request.lang)}</h1><p>${t('PUBLIC_RATE_LIMITED', request.lang, { seconds: d.retryAfterSeconds })}</p></div>`;
        return sendPage(request, reply, page({ lang: request.lang, title: translate(ReportTexts.PUBLIC_REPORT_TITLE, request.lang), path: '/report', body }), { maxAge: null }, 429);
      }
      const fields: Record<string, string> = {};
      let photo: ReportSubmission['photo'] = null;
      if (request.isMultipart()) {
        // The photo is the form's last field, so a file over the limit (which ends the parsing) loses no text.
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              const bytes = await part.toBuffer();
              if (part.file.truncated || bytes.length > MAX_PHOTO_BYTES) photo = 'too_large';
              else if (bytes.length > 0) photo = { bytes };
            } else {
              fields[part.fieldname] = String(part.value ?? '');
            }
          }
        } catch (err) {
          if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE' && (err as { statusCode?: number }).statusCode !== 413) throw err;
          photo = 'too_large';
        }
      } else if (request.body && typeof request.body === 'object') {
        for (const [k, v] of Object.entries(request.body as Record<string, unknown>)) fields[k] = String(v ?? '');
      }
      const ref = REF.test(fields.ref ?? '') ? fields.ref! : '';
      const submission: ReportSubmission = {
        ref,
        token: fields.token ?? '',
        scan: fields.scan ?? null,
        category: fields.category ?? '',
        message: fields.message ?? '',
        contact: fields.contact ?? '',
        consent: fields.consent === 'yes',
        honeypot: fields.website ?? '',
        photo,
        clientHash: request.clientHash,
        userAgentFamily: deps.userAgentFamily(request.headers['user-agent']),
        lang: request.lang,
      };
      const outcome = ref ? await deps.reports.submit(submission) : { ok: false as const, status: 400 as const, errors: [ReportTexts.PUBLIC_REPORT_E_TARGET] };
      if (outcome.ok) return reply.code(303).header('cache-control', 'no-store').header('location', `/report/sent${query({ n: outcome.number, back: ref, lang: request.lang })}`).send();
      return formPage(request, reply, ref || '/', outcome.status, { category: submission.category, message: submission.message, contact: submission.contact, consent: submission.consent, errors: outcome.errors });
    });
  });
}
