// The service API other modules use (the catalog's farm-diary forms, trace and recall): capture of model events
// inside the caller's transaction, so that a form's own rows and its EPCIS events commit or roll back together;
// typed queries; and get-by-id. Access rules are the REST binding's (access/policy.ts).
import { createHash } from 'node:crypto';
import { eventHashId, validateEvent, type EpcisEvent, type EventQuery } from '@txng/epcis';
import type { AuditRecorder } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Orm } from '../../platform/db/database.ts';
import { AppError, CommonErrors, conflict, type FieldProblem } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { captureOrganization } from './access/policy.ts';
import { EpcisErrors } from './messages.ts';
import type { QueryPage, StoredEvent } from './query/event-query.ts';
import type { QueryService } from './query/query-service.ts';
import { storeEvents, type EventToStore, type StoredListener } from './store/event-store.ts';
import { unstorableText } from './store/storable-text.ts';

export interface CapturedEventResult {
  readonly eventId: string;
  /** `stored`, or `duplicate` when the same event (same CBV 2.0 hash) was stored before: a no-op. */
  readonly status: 'stored' | 'duplicate';
  readonly hashId: string;
}

export interface CaptureInTransactionOptions {
  /** The owning organisation; by default the actor's (system contexts must name one). */
  readonly organizationId?: string;
}

/** Events validated and hashed by `checkEvents`, ready for `storeCheckedEvents`. */
export interface CheckedEvents {
  readonly organizationId: string;
  readonly now: Date;
  readonly items: readonly EventToStore[];
}

const sha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();

export function createEventsService(deps: { clock: Clock; audit: AuditRecorder; queries: QueryService; onStored?: StoredListener }) {
  const { clock, audit, queries } = deps;

  /** The checks of events[first..] (pointers `/events/<i>` count from 0 in the caller's whole list). */
  function problemsOf(events: readonly EpcisEvent[], now: Date, first: number, problems: FieldProblem[]): void {
    events.forEach((event, j) => {
      const i = first + j;
      for (const e of validateEvent(event, { now }).errors) problems.push({ pointer: `/events/${i}${e.pointer ?? ''}`, code: e.code, ...(e.params ? { params: e.params } : {}) });
      if (unstorableText(event)) problems.push({ pointer: `/events/${i}`, code: EpcisErrors.EPCIS_CAPTURE_UNSTORABLE_TEXT, params: { pointer: `/events/${i}` } });
    });
  }

  const hashed = (events: readonly EpcisEvent[]): EventToStore[] => events.map((event) => ({ event, hashId: eventHashId(event, { sha256 }) }));

  /** The validation and hashing of a capture, in slices of `slice` events with a turn of the event loop between. */
  async function check(ctx: RequestContext, events: readonly EpcisEvent[], options: CaptureInTransactionOptions, slice = Infinity): Promise<CheckedEvents> {
    const organizationId = options.organizationId && ctx.actor.type === 'system' ? options.organizationId : captureOrganization(ctx.actor);
    const now = clock.now();
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const problems: FieldProblem[] = [];
    for (let i = 0; i < events.length; i += slice) {
      if (i > 0) await turn();
      problemsOf(events.slice(i, i + slice), now, i, problems);
    }
    if (problems.length) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, problems);
    const items: EventToStore[] = [];
    for (let i = 0; i < events.length; i += slice) {
      if (i > 0) await turn();
      items.push(...hashed(events.slice(i, i + slice)));
    }
    return { organizationId, now, items };
  }

  async function storeChecked(tx: Orm, ctx: RequestContext, { organizationId, now, items }: CheckedEvents): Promise<CapturedEventResult[]> {
    const outcomes = await storeEvents(tx, items, { organizationId, captureId: null, recordTime: now }, deps.onStored);
    const clash = outcomes.findIndex((o) => o.status === 'conflict');
    if (clash >= 0) {
      throw conflict(EpcisErrors.EPCIS_EVENT_ID_CONFLICT, { eventID: outcomes[clash]!.eventId }, [{ pointer: `/events/${clash}/eventID`, code: EpcisErrors.EPCIS_EVENT_ID_CONFLICT, params: { eventID: outcomes[clash]!.eventId } }]);
    }
    await audit.record(tx, ctx, {
      action: 'epcis.capture',
      resourceType: 'epcis.event',
      resourceId: outcomes[0]?.eventId ?? '',
      subject: { organizationId },
      after: { events: outcomes.map((o) => ({ eventId: o.eventId, status: o.status })) },
    });
    return outcomes.map((o, i) => ({ eventId: o.eventId, status: o.status as 'stored' | 'duplicate', hashId: items[i]!.hashId }));
  }

  return {
    /**
     * Validates (EPCIS 2.0.1 JSON Schema + semantic rules), hashes and stores model events in `tx`. Throws
     * (invalid, with a pointer per faulty event: `/events/<i>/<field>`) before writing anything when one is
     * invalid, and (conflict) when an eventID already names a different event. eventID defaults to the hash.
     */
    async captureEvents(tx: Orm, ctx: RequestContext, events: readonly EpcisEvent[], options: CaptureInTransactionOptions = {}): Promise<CapturedEventResult[]> {
      return storeChecked(tx, ctx, await check(ctx, events, options));
    },

    /**
     * captureEvents in two halves, for a caller that writes many chunks in one transaction (spreadsheet imports):
     * `checkEvents` validates and hashes without touching the database, and throws as captureEvents does; it
     * yields to the event loop every 100 events, so that the statements of the caller's previous chunk go on in
     * the meantime. `storeCheckedEvents` then writes what it returned, exactly as captureEvents would have.
     */
    checkEvents(ctx: RequestContext, events: readonly EpcisEvent[], options: CaptureInTransactionOptions = {}): Promise<CheckedEvents> {
      return check(ctx, events, options, 100);
    },

    storeCheckedEvents(tx: Orm, ctx: RequestContext, checked: CheckedEvents): Promise<CapturedEventResult[]> {
      return storeChecked(tx, ctx, checked);
    },

    /** Events selected by a typed query within the actor's scope, a page at a time (`query.nextPageToken`). */
    query(ctx: RequestContext, query: EventQuery, tx?: Orm): Promise<QueryPage> {
      return queries.queryAst(ctx, query, tx);
    },

    /** The event with this eventID (and its error declaration, if any, second) within the actor's scope; not found otherwise. */
    getEvent(ctx: RequestContext, eventId: string): Promise<StoredEvent[]> {
      return queries.getEvent(ctx, eventId);
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
