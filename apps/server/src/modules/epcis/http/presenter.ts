// What the REST binding answers, built explicitly: capture jobs (OpenAPI CaptureJob, errors as RFC 9457 problems
// naming the event index and the JSON pointer or XML path), named queries, subscriptions (never their secret).
import { translate, translateBoth, type Lang } from '../../../platform/i18n/messages.ts';
import type { CaptureJob, CaptureProblem } from '../capture/capture-jobs.ts';
import type { NamedQuery } from '../query/named-queries.ts';
import type { Subscription } from '../subscriptions/subscription-service.ts';

export interface PresentedProblem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly messages: { vi: string; en: string };
  readonly eventIndex?: number;
  readonly pointer?: string;
  readonly xmlPath?: string;
  readonly line?: number;
  readonly column?: number;
}

const TITLE: Readonly<Record<Lang, string>> = { vi: 'Sự kiện không hợp lệ', en: 'Invalid event' };

export function presentProblem(p: CaptureProblem, lang: Lang): PresentedProblem {
  const status = p.code === 'INTERNAL_ERROR' ? 500 : 400;
  return {
    type: `/problems/${p.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLE[lang],
    status,
    code: p.code,
    detail: translate(p.code, lang, p.params),
    messages: translateBoth(p.code, p.params),
    ...(p.eventIndex === undefined ? {} : { eventIndex: p.eventIndex }),
    ...(p.pointer === undefined ? {} : { pointer: p.pointer }),
    ...(p.xmlPath === undefined ? {} : { xmlPath: p.xmlPath }),
    ...(p.line === undefined ? {} : { line: p.line, column: p.column }),
  };
}

export function presentCaptureJob(job: CaptureJob, lang: Lang) {
  return {
    captureID: job.id,
    createdAt: new Date(job.createdAt).toISOString(),
    ...(job.finishedAt ? { finishedAt: new Date(job.finishedAt).toISOString() } : {}),
    running: job.running,
    success: job.success,
    captureErrorBehaviour: job.behaviour,
    errors: job.errors.map((e) => presentProblem(e, lang)),
    // Beyond the CaptureJob schema: counts and warnings (e.g. XML elements out of XSD order).
    format: job.format,
    eventCount: job.eventCount,
    storedCount: job.storedCount,
    duplicateCount: job.duplicateCount,
    warnings: job.warnings.map((e) => presentProblem(e, lang)),
  };
}

export function presentNamedQuery(q: NamedQuery) {
  return { name: q.name, query: q.query, createdAt: new Date(q.createdAt).toISOString() };
}

export function presentSubscription(s: Subscription) {
  return {
    subscriptionID: s.id,
    queryName: s.queryName,
    dest: s.dest,
    createdAt: new Date(s.createdAt).toISOString(),
    ...(s.lastNotifiedAt ? { lastNotifiedAt: new Date(s.lastNotifiedAt).toISOString() } : {}),
    ...(s.initialRecordTime ? { initialRecordTime: new Date(s.initialRecordTime).toISOString() } : {}),
    ...(s.stream ? { stream: true } : { schedule: s.schedule, reportIfEmpty: s.reportIfEmpty }),
    epcFormat: s.epcFormat,
  };
}
