// A recall recorded as EPCIS 2.0 events, captured through the epcis module for the producer: opening observes every
// affected identity with CBV 2.0 disposition `recalled` set as persistent disposition (§7.3.5.3: it stays with
// the goods in later events); closing observes them again with the campaign's outcome. CBV 2.0 has no business
// step for recalling, so it is a term of TXNG's own vocabulary (EPCIS 2.0 §7.3.5.2 allows any URI).
import type { EpcisEvent, ExtensionElement } from '@txng/epcis';
import type { Campaign } from './model.ts';
import type { AffectedRow } from './store.ts';

export const RECALLING_STEP = 'https://id.txng.sonla.gov.vn/voc/bizStep-recalling';
const TXNG_NS = 'https://id.txng.sonla.gov.vn/epcis/';
/** Identities per event: recall scopes reach tens of thousands; events stay readable and quick to validate. */
const CHUNK = 1000;

const ext = (name: string, value: string): ExtensionElement => ({ ns: TXNG_NS, prefix: 'txng', name, value });

export function recallEvents(c: Pick<Campaign, 'number' | 'reason' | 'severity'>, affected: readonly (AffectedRow & { instance: boolean })[], at: Date, phase: 'open' | 'close', outcome?: string): EpcisEvent[] {
  const events: EpcisEvent[] = [];
  for (let i = 0; i < affected.length; i += CHUNK) {
    const chunk = affected.slice(i, i + CHUNK);
    const epcList = chunk.filter((a) => a.instance).map((a) => a.identity);
    const quantityList = chunk.filter((a) => !a.instance).map((a) => ({ epcClass: a.identity }));
    events.push({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      eventTime: at.toISOString(),
      eventTimeZoneOffset: '+07:00',
      bizStep: RECALLING_STEP,
      disposition: 'recalled',
      ...(phase === 'open' ? { persistentDisposition: { set: ['recalled'] } } : {}),
      ...(epcList.length ? { epcList } : {}),
      ...(quantityList.length ? { quantityList } : {}),
      extensions: [
        ext('recallNumber', c.number), ext('recallPhase', phase), ext('recallSeverity', c.severity), ext('recallReason', c.reason),
        ...(outcome ? [ext('recallOutcome', outcome)] : []),
      ],
    } as EpcisEvent);
  }
  return events;
}
