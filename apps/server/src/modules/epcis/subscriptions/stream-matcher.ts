// Stream subscriptions: in the transaction that stores new events, each active `stream: true` subscription whose
// named query selects some of them (matchesQuery, the reference evaluator) and whose reader may read them gets an
// outbox message naming those events. Delivery is thus exactly as durable as the capture: a committed event is
// delivered at least once, across restarts; a rolled-back one never.
import { sql } from 'drizzle-orm';
import { canonicalEpc, matchesQuery, parseQueryParameters } from '@txng/epcis';
import { rows } from '../../../platform/db/database.ts';
import { enqueue } from '../../../platform/outbox/outbox.ts';
import type { OrganizationDirectory } from '../access/organization-directory.ts';
import { needsMasterData } from '../query/sql-filters.ts';
import { partyGln } from '../store/event-rows.ts';
import type { StoredListener } from '../store/event-store.ts';
import { loadMasterData } from '../store/master-data.ts';
import { officialCovers, type Reader } from './reader.ts';

export const WEBHOOK_TOPIC = 'epcis.webhook';

export interface WebhookMessage {
  readonly subscriptionId: string;
  /** Stored events to deliver (epcis.events.seq), in capture order; empty for a reportIfEmpty run. */
  readonly seqs: readonly number[];
}

interface StreamRow {
  id: string;
  owner: string;
  reader: Reader;
  initial_record_time: Date | string | null;
  query: Record<string, unknown>;
}

export function streamListener(directory: OrganizationDirectory): StoredListener {
  return async (tx, stored, ctx) => {
    const subs = await rows<StreamRow>(tx, sql`
      select s.id, s.owner, s.reader, s.initial_record_time, q.query
      from epcis.subscriptions s join epcis.queries q on q.owner = s.owner and q.name = s.query_name
      where s.active and s.stream`);
    if (!subs.length) return;
    const glns = stored.map((o) => [...(o.event.sourceList ?? []).map((s) => s.source), ...(o.event.destinationList ?? []).map((d) => d.destination)]
      .map((id) => partyGln(canonicalEpc(id))).filter((g): g is string => g !== null));
    for (const sub of subs) {
      const parsed = parseQueryParameters(sub.query);
      if (!parsed.ok) continue;
      const reader = sub.reader;
      let covers: (i: number) => boolean;
      if (reader.kind === 'official') {
        const all = await officialCovers(directory, reader, ctx.organizationId);
        covers = () => all;
      } else {
        const facts = reader.organizationId === ctx.organizationId ? undefined : await directory.get(reader.organizationId);
        covers = (i) => reader.organizationId === ctx.organizationId
          || glns[i]!.some((g) => g === facts?.gln || (facts?.gs1CompanyPrefix != null && g.startsWith(facts.gs1CompanyPrefix)));
      }
      const from = sub.initial_record_time === null ? 0 : new Date(sub.initial_record_time).getTime();
      const md = needsMasterData(parsed.query) ? await loadMasterData(tx, reader.kind === 'organization' ? [reader.organizationId] : null) : undefined;
      const seqs = stored.filter((o, i) => ctx.recordTime.getTime() >= from && covers(i) && matchesQuery(o.event, parsed.query, md)).map((o) => o.seq);
      if (!seqs.length) continue;
      const message: WebhookMessage = { subscriptionId: sub.id, seqs };
      await enqueue(tx, { topic: WEBHOOK_TOPIC, payload: message, dedupeKey: `${WEBHOOK_TOPIC}:${sub.id}:${seqs[0]}`, organizationId: reader.kind === 'organization' ? reader.organizationId : null });
    }
  };
}
