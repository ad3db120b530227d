// The capture interface (EPCIS 2.0 §8.2.? and the REST binding's POST /capture): a document becomes a capture
// job; its events are validated, hashed and stored a chunk at a time. GS1-Capture-Error-Behaviour `rollback`
// (default) stores all events in one transaction or none; `proceed` stores every valid event (a transaction per
// chunk) and reports the others. Small documents finish while the request waits; large ones continue after the
// 202 answer, their job row saying how far they got.
import type { CapturedEvent } from '@txng/epcis';
import type { Logger } from 'pino';
import type { AuditRecorder } from '../../../platform/audit.ts';
import { actingOrganizationId, type Actor } from '../../../platform/auth/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Orm } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { captureOrganization } from '../access/policy.ts';
import type { OrganizationDirectory } from '../access/organization-directory.ts';
import { EpcisErrors } from '../messages.ts';
import { storeEvents, type StoreOutcome, type StoredListener } from '../store/event-store.ts';
import { storeVocabularies } from '../store/master-data.ts';
import { unstorableText } from '../store/storable-text.ts';
import {
  addCounts, createCaptureJob, finishCaptureJob, getCaptureJob, listCaptureJobs, problemOf, renewLease, sweepInterruptedJobs,
  type CaptureBehaviour, type CaptureJob, type CaptureProblem,
} from './capture-jobs.ts';
import { DEFAULT_CHUNK, openDocument, type Batch, type DocumentSource } from './document-source.ts';

export interface CaptureLimits {
  /** GS1-EPCIS-Capture-Limit: events per capture. */
  readonly maxEvents: number;
  /** GS1-EPCIS-Capture-File-Size-Limit: bytes per capture. */
  readonly maxBytes: number;
  readonly chunkSize: number;
  /** How long a request waits for its job before answering 202 with the job still running. */
  readonly syncWaitMs: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = { maxEvents: 10_000, maxBytes: 32 * 1024 * 1024, chunkSize: DEFAULT_CHUNK, syncWaitMs: 10_000 };

export interface CaptureInput {
  readonly format: 'json' | 'xml';
  readonly text: string;
  readonly behaviour: CaptureBehaviour;
}

// EPCISDocument and EPCISQueryDocument (REST binding); also the XML EPCISMasterDataDocument, whose vocabularies are
// kept as header master data is (EPCIS 2.0 §7.2); a bare event is a document of one event.
const CAPTURABLE = new Set(['EPCISDocument', 'EPCISQueryDocument', 'EPCISMasterDataDocument', 'ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']);

class Rollback extends Error {}

const notCapturable = (source: DocumentSource): CaptureProblem => ({ code: EpcisErrors.EPCIS_CAPTURE_NOT_A_CAPTURE_DOCUMENT, pointer: '', params: { kind: source.kind ?? '?' } });

/** JSON pointer base of the event list in a document of this kind (for problems found by the server). */
function eventPointer(kind: string | undefined, index: number, field: string): string {
  if (kind === 'EPCISQueryDocument') return `/epcisBody/queryResults/resultsBody/eventList/${index}/${field}`;
  if (kind === 'EPCISDocument') return `/epcisBody/eventList/${index}/${field}`;
  return `/${field}`;
}

export function createCaptureService(deps: {
  db: Database; clock: Clock; audit: AuditRecorder; log: Logger; directory: OrganizationDirectory; limits?: Partial<CaptureLimits>; onStored?: StoredListener;
}) {
  const { db, clock, audit, log, directory } = deps;
  const limits: CaptureLimits = { ...DEFAULT_CAPTURE_LIMITS, ...deps.limits };
  const inflight = new Set<Promise<unknown>>();

  /** Problems of a batch: validation findings, unreadable members, unstorable text, late document errors. */
  function batchProblems(kind: string | undefined, batch: Batch): { valid: CapturedEvent[]; problems: CaptureProblem[] } {
    const problems: CaptureProblem[] = [...batch.unreadable, ...(batch.documentErrors ?? [])].map(problemOf);
    const events = batch.events;
    const valid: CapturedEvent[] = [];
    for (const e of events) {
      if (e.errors.length) problems.push(...e.errors.map(problemOf));
      else if (unstorableText(e.event)) problems.push({ code: EpcisErrors.EPCIS_CAPTURE_UNSTORABLE_TEXT, eventIndex: e.index, pointer: eventPointer(kind, e.index, ''), params: { pointer: eventPointer(kind, e.index, '') } });
      else valid.push(e);
    }
    return { valid, problems };
  }

  function conflicts(kind: string | undefined, events: readonly CapturedEvent[], outcomes: readonly StoreOutcome[]): CaptureProblem[] {
    return outcomes.flatMap((o, i) => (o.status === 'conflict'
      ? [{ code: EpcisErrors.EPCIS_EVENT_ID_CONFLICT, eventIndex: events[i]!.index, pointer: eventPointer(kind, events[i]!.index, 'eventID'), params: { eventID: o.eventId } }]
      : []));
  }

  async function store(tx: Orm, job: CaptureJob, events: readonly CapturedEvent[]): Promise<StoreOutcome[]> {
    return storeEvents(tx, events.map((e) => ({ event: e.event, hashId: e.hashId })), { organizationId: job.organizationId, captureId: job.id, recordTime: clock.now() }, deps.onStored);
  }

  const count = (outcomes: readonly StoreOutcome[], status: StoreOutcome['status']) => outcomes.filter((o) => o.status === status).length;

  async function rollbackCapture(job: CaptureJob, source: DocumentSource, errors: CaptureProblem[]): Promise<{ stored: number; duplicates: number }> {
    try {
      return await db.transaction(async (tx) => {
        await storeVocabularies(tx, job.organizationId, source.vocabularies);
        let stored = 0;
        let duplicates = 0;
        for (const batch of source.batches()) {
          const { valid, problems } = batchProblems(source.kind, batch);
          errors.push(...problems);
          // After the first error nothing will be kept: the remaining chunks are only validated, to report them all.
          if (errors.length) continue;
          const outcomes = await store(tx, job, valid);
          errors.push(...conflicts(source.kind, valid, outcomes));
          stored += count(outcomes, 'stored');
          duplicates += count(outcomes, 'duplicate');
        }
        if (!errors.length && !CAPTURABLE.has(source.kind ?? '')) errors.push(notCapturable(source));
        if (errors.length) throw new Rollback();
        return { stored, duplicates };
      });
    } catch (err) {
      if (err instanceof Rollback) return { stored: 0, duplicates: 0 };
      throw err;
    }
  }

  async function proceedCapture(job: CaptureJob, source: DocumentSource, errors: CaptureProblem[]): Promise<{ stored: number; duplicates: number }> {
    await db.transaction((tx) => storeVocabularies(tx, job.organizationId, source.vocabularies));
    let stored = 0;
    let duplicates = 0;
    for (const batch of source.batches()) {
      const { valid, problems } = batchProblems(source.kind, batch);
      errors.push(...problems);
      const outcomes = await db.transaction(async (tx) => {
        const out = await store(tx, job, valid);
        await addCounts(tx, job.id, count(out, 'stored'), count(out, 'duplicate'));
        return out;
      });
      errors.push(...conflicts(source.kind, valid, outcomes));
      stored += count(outcomes, 'stored');
      duplicates += count(outcomes, 'duplicate');
    }
    if (!CAPTURABLE.has(source.kind ?? '') && !errors.length) errors.push(notCapturable(source));
    return { stored, duplicates };
  }

  async function run(ctx: RequestContext, job: CaptureJob, source: DocumentSource): Promise<CaptureJob> {
    const heartbeat = setInterval(() => renewLease(db.orm, job.id).catch((err) => log.warn({ err }, 'capture lease renewal failed')), 20_000);
    heartbeat.unref();
    const errors: CaptureProblem[] = source.documentErrors.map(problemOf);
    let counts = { stored: 0, duplicates: 0 };
    try {
      // A streamed XML document's kind is known once it is read (then checked in the capture loops).
      if (!errors.length && source.kind !== undefined && !CAPTURABLE.has(source.kind)) errors.push(notCapturable(source));
      if (!errors.length) counts = job.behaviour === 'rollback' ? await rollbackCapture(job, source, errors) : await proceedCapture(job, source, errors);
    } catch (err) {
      log.error({ err, captureId: job.id }, 'capture failed');
      errors.push({ code: 'INTERNAL_ERROR', params: { requestId: ctx.requestId } });
    } finally {
      clearInterval(heartbeat);
    }
    errors.sort((a, b) => (a.eventIndex ?? -1) - (b.eventIndex ?? -1));
    const done = await finishCaptureJob(db.orm, job.id, { success: errors.length === 0, errors, warnings: source.warnings.map(problemOf), eventCount: source.eventCount, ...counts });
    const facts = await directory.get(job.organizationId);
    await audit.record(db.orm, ctx, {
      action: 'epcis.capture',
      resourceType: 'epcis.capture_job',
      resourceId: job.id,
      subject: { organizationId: job.organizationId, communeId: facts?.communeId ?? null, sectors: facts?.sectors ?? [] },
      after: { behaviour: job.behaviour, format: job.format, eventCount: job.eventCount, stored: done.storedCount, duplicates: done.duplicateCount, errors: errors.length },
      outcome: errors.length ? 'failed' : 'success',
    });
    return done;
  }

  return {
    limits,

    /** Starts a capture job; resolves with the finished job, or the running one after `syncWaitMs`. */
    async submit(ctx: RequestContext, input: CaptureInput): Promise<{ job: CaptureJob; finished: boolean }> {
      const organizationId = captureOrganization(ctx.actor);
      const refuse = (count: number) => {
        if (count > limits.maxEvents) throw new AppError('too_large', EpcisErrors.EPCIS_CAPTURE_LIMIT_EXCEEDED, { count, limit: limits.maxEvents });
      };
      const source = openDocument(input.format, input.text, { now: clock.now().getTime(), chunkSize: limits.chunkSize, onCount: refuse });
      refuse(source.eventCount);
      const actorId = ctx.actor.type === 'user' ? ctx.actor.userId : ctx.actor.type === 'api_key' ? ctx.actor.keyId : null;
      const job = await createCaptureJob(db.orm, { organizationId, actorId, behaviour: input.behaviour, format: input.format, eventCount: source.eventCount });
      const work = run(ctx, job, source);
      inflight.add(work);
      void work.catch((err) => log.error({ err }, 'capture job failed')).finally(() => inflight.delete(work));
      let timer: NodeJS.Timeout | undefined;
      const waited = await Promise.race([
        work.then((j) => ({ job: j, finished: true })),
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), limits.syncWaitMs);
        }),
      ]);
      clearTimeout(timer);
      return waited ?? { job, finished: false };
    },

    /** A capture job of the caller's organisation (404 for any other). */
    async get(ctx: RequestContext, id: string): Promise<CaptureJob> {
      const job = await getCaptureJob(db.orm, id);
      if (!job || job.organizationId !== jobViewerOrganization(ctx.actor)) throw notFound(EpcisErrors.EPCIS_CAPTURE_NOT_FOUND, { captureID: id });
      return job;
    },

    async list(ctx: RequestContext, limit: number, after?: { createdAt: Date; id: string }): Promise<CaptureJob[]> {
      return listCaptureJobs(db.orm, jobViewerOrganization(ctx.actor), limit, after);
    },

    /** Fails jobs whose worker died (run at start and periodically). */
    sweepInterrupted: () => sweepInterruptedJobs(db.orm, { code: EpcisErrors.EPCIS_CAPTURE_INTERRUPTED }),

    /** Waits for the jobs this process is running (shutdown). */
    async drain(): Promise<void> {
      await Promise.allSettled([...inflight]);
    },
  };
}

/** Capture jobs are seen by the organisation that submitted them: its users, and its keys that capture or read. */
function jobViewerOrganization(actor: Actor): string {
  const org = actingOrganizationId(actor);
  if (actor.type === 'api_key' && !actor.permissions.some((p) => p === 'events:capture' || p === 'events:read')) return captureOrganization(actor);
  if (org && (actor.type !== 'user' || actor.mfaSatisfied)) return org;
  return captureOrganization(actor);
}

export type CaptureService = ReturnType<typeof createCaptureService>;
