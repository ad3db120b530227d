// Delivers webhook messages (outbox topic `epcis.webhook`): the named query's new results as an EPCISQueryDocument
// (REST binding callback `querySubscriptionResults`), JSON-LD, signed in GS1-Signature. A callback that does not
// answer 2xx within the timeout throws, so the outbox retries it with exponential backoff (at least once); the
// receiver deduplicates by eventID. A message for an ended subscription is dropped.
import { sql } from 'drizzle-orm';
import { writeJsonQueryDocument, type EpcisEvent, type EpcisQueryDocument } from '@txng/epcis';
import type { Clock } from '../../../platform/clock.ts';
import { rows } from '../../../platform/db/database.ts';
import type { OutboxHandler } from '../../../platform/outbox/outbox.ts';
import { decryptField } from '../../../platform/security/crypto.ts';
import type { Secrets } from '../../../platform/security/secrets.ts';
import { translateEvent, type EpcFormat, type PrefixLengths } from '../http/epc-format.ts';
import { CBV_VERSION, EPCIS_VERSION } from '../http/epcis-output.ts';
import { signBody } from './signature.ts';
import type { WebhookMessage } from './stream-matcher.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export function webhookHandler(deps: { secrets: Secrets; clock: Clock; prefixLengths: PrefixLengths; timeoutMs?: number }): OutboxHandler {
  return async (message, tx) => {
    const payload = message.payload as WebhookMessage;
    const [sub] = await rows<{ id: string; query_name: string; dest: string; secret_enc: string; epc_format: EpcFormat; active: boolean }>(tx, sql`
      select id, query_name, dest, secret_enc, epc_format, active from epcis.subscriptions where id = ${payload.subscriptionId}::uuid`);
    if (!sub?.active) return;
    const events = payload.seqs.length
      ? (await rows<{ body: EpcisEvent }>(tx, sql`select body from epcis.events where seq = any(${sql.param([...payload.seqs])}::bigint[]) order by seq`)).map((r) => r.body)
      : [];
    const doc: EpcisQueryDocument = {
      kind: 'EPCISQueryDocument', schemaVersion: '2.0', creationDate: deps.clock.now().toISOString(), namespaces: {},
      queryName: sub.query_name, subscriptionID: sub.id, events: events.map((e) => translateEvent(e, sub.epc_format, deps.prefixLengths)),
    };
    const body = JSON.stringify(writeJsonQueryDocument(doc));
    const token = decryptField(deps.secrets.fieldEncryption, sub.secret_enc, 'epcis.subscription');
    const res = await fetch(sub.dest, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/ld+json; charset=utf-8',
        'GS1-Signature': signBody(token, body),
        'GS1-EPCIS-Version': EPCIS_VERSION,
        'GS1-CBV-Version': CBV_VERSION,
      },
      body,
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status < 200 || res.status > 299) throw new Error(`webhook ${sub.dest} answered ${res.status}`);
    await tx.execute(sql`update epcis.subscriptions set last_notified_at = now() where id = ${sub.id}::uuid`);
  };
}
