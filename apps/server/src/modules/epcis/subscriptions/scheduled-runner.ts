// Scheduled subscriptions: at each instant its schedule selects, a subscription's named query runs over the
// events committed since its previous run (the database snapshot of each run is kept: an event is "new" when the
// new snapshot sees it and the previous one did not), and the results are queued for delivery in the same
// transaction that advances the subscription, so a run is neither lost nor repeated across restarts.
// Runs are claimed with FOR UPDATE SKIP LOCKED: several server processes share the work.
import { sql } from 'drizzle-orm';
import { matchesQuery, parseQueryParameters, type EpcisEvent } from '@txng/epcis';
import type { Logger } from 'pino';
import type { Clock } from '../../../platform/clock.ts';
import { rows, type Database } from '../../../platform/db/database.ts';
import { enqueue } from '../../../platform/outbox/outbox.ts';
import type { OrganizationDirectory } from '../access/organization-directory.ts';
import { scopeCondition } from '../access/policy.ts';
import { needsMasterData, translateFilters } from '../query/sql-filters.ts';
import { loadMasterData } from '../store/master-data.ts';
import { scopeForReader, type Reader } from './reader.ts';
import { nextRun, parseSchedule, type ScheduleSpec } from './schedule.ts';
import { WEBHOOK_TOPIC, type WebhookMessage } from './stream-matcher.ts';

/** A capture transaction that commits later than this after its record time is not reported by scheduled runs. */
const COMMIT_MARGIN = '15 minutes';
const EVENTS_PER_MESSAGE = 500;

interface DueRow {
  id: string;
  owner: string;
  query_name: string;
  reader: Reader;
  schedule: ScheduleSpec;
  report_if_empty: boolean;
  initial_record_time: Date | string | null;
  last_snapshot: string | null;
  last_run_at: Date | string | null;
}

export function createScheduledRunner(deps: { db: Database; clock: Clock; directory: OrganizationDirectory; log: Logger }) {
  const { db, clock, directory, log } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  async function runOne(id: string, now: Date): Promise<boolean> {
    return db.transaction(async (tx) => {
      const [sub] = await rows<DueRow>(tx, sql`
        select s.id, s.owner, s.query_name, s.reader, s.schedule, s.report_if_empty, s.initial_record_time, s.last_snapshot, s.last_run_at
        from epcis.subscriptions s where s.id = ${id}::uuid and s.active and not s.stream and s.next_run_at <= ${now.toISOString()}::timestamptz
        for update skip locked`);
      if (!sub) return false;
      const [named] = await rows<{ query: Record<string, unknown> }>(tx, sql`select query from epcis.queries where owner = ${sub.owner} and name = ${sub.query_name}`);
      const parsed = named ? parseQueryParameters(named.query) : undefined;
      if (!parsed?.ok) {
        await tx.execute(sql`update epcis.subscriptions set active = false where id = ${sub.id}::uuid`);
        return true;
      }
      const scope = await scopeForReader(tx, directory, sub.reader);
      const md = needsMasterData(parsed.query) ? await loadMasterData(tx, sub.reader.kind === 'organization' ? [sub.reader.organizationId] : null) : undefined;
      const { conditions, residual } = translateFilters(parsed.query, md);
      const [{ snap } = { snap: '' }] = await rows<{ snap: string }>(tx, sql`select pg_current_snapshot()::text as snap`);
      const window = sub.last_snapshot === null
        ? sql`e.record_time >= ${new Date(sub.initial_record_time ?? 0).toISOString()}::timestamptz`
        : sql`not pg_visible_in_snapshot(e.txid, ${sub.last_snapshot}::pg_snapshot)
            and e.record_time >= ${new Date(sub.last_run_at ?? 0).toISOString()}::timestamptz - interval '${sql.raw(COMMIT_MARGIN)}'`;
      const found = await rows<{ seq: number; body: EpcisEvent }>(tx, sql`
        select e.seq, e.body from epcis.events e
        where ${sql.join([scopeCondition(scope), ...conditions, sql`pg_visible_in_snapshot(e.txid, ${snap}::pg_snapshot)`, window], sql` and `)}
        order by e.seq`);
      const seqs = found.filter((r) => !residual.length || matchesQuery(r.body, { filters: residual }, md)).map((r) => Number(r.seq));
      const messages: WebhookMessage[] = [];
      for (let i = 0; i < seqs.length; i += EVENTS_PER_MESSAGE) messages.push({ subscriptionId: sub.id, seqs: seqs.slice(i, i + EVENTS_PER_MESSAGE) });
      if (!messages.length && sub.report_if_empty) messages.push({ subscriptionId: sub.id, seqs: [] });
      for (const m of messages) {
        await enqueue(tx, { topic: WEBHOOK_TOPIC, payload: m, dedupeKey: `${WEBHOOK_TOPIC}:${sub.id}:run:${now.toISOString()}:${m.seqs[0] ?? 'empty'}`, organizationId: sub.reader.kind === 'organization' ? sub.reader.organizationId : null });
      }
      const next = nextRun(parseSchedule(sub.schedule), now);
      await tx.execute(sql`update epcis.subscriptions set last_snapshot = ${snap}, last_run_at = ${now.toISOString()}::timestamptz,
        next_run_at = ${next ? next.toISOString() : null}::timestamptz where id = ${sub.id}::uuid`);
      return true;
    });
  }

  /** Runs every subscription that is due now; returns how many ran. */
  async function tick(): Promise<number> {
    const now = clock.now();
    const due = await rows<{ id: string }>(db.orm, sql`
      select id from epcis.subscriptions where active and not stream and next_run_at <= ${now.toISOString()}::timestamptz order by next_run_at limit 50`);
    let ran = 0;
    for (const d of due) {
      try {
        if (await runOne(d.id, now)) ran++;
      } catch (err) {
        log.error({ err, subscription: d.id }, 'scheduled subscription run failed');
      }
    }
    return ran;
  }

  return {
    tick,
    start(intervalMs = 1000): void {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = tick().catch((err) => log.error({ err }, 'subscription scheduler failed')).finally(() => {
          running = undefined;
        });
      }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type ScheduledRunner = ReturnType<typeof createScheduledRunner>;
