// Generated supply chains for the trace and recall tests: the EPCIS events of farms → cooperative → processor →
// distributors → shops, with packing (aggregation), transformation (pooling, drying, bagging) and splitting into
// shipments, built as a chain of real partners would record them. Pure: the caller captures the events.
import { buildGln, buildGtin, buildSscc } from '@txng/gs1';
import type { EpcisEvent } from '@txng/epcis';

export interface Party {
  readonly organizationId: string;
  /** GS1 Company Prefix (digits). */
  readonly prefix: string;
  readonly gln: string;
}

export interface Recorded {
  /** The organisation that captures the event. */
  readonly by: string;
  readonly event: EpcisEvent;
}

const must = (r: { ok: true; value: string } | { ok: false; error: { code: string } }): string => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

export const gtinOf = (prefix: string, item: number): string => must(buildGtin(prefix, String(item).padStart(12 - prefix.length, '0')));
export const glnOf = (prefix: string, location: number): string => must(buildGln(prefix, String(location).padStart(12 - prefix.length, '0')));
export const ssccOf = (prefix: string, serial: number): string => must(buildSscc(prefix, String(serial).padStart(16 - prefix.length, '0')));

export const lotId = (gtin: string, lot: string) => `https://id.gs1.org/01/${gtin}/10/${lot}`;
export const itemId = (gtin: string, serial: string) => `https://id.gs1.org/01/${gtin}/21/${serial}`;
export const ssccId = (sscc: string) => `https://id.gs1.org/00/${sscc}`;
export const glnId = (gln: string) => `https://id.gs1.org/414/${gln}`;

const T = (day: number, hour = 8) => new Date(Date.UTC(2026, 6, day, hour - 7)).toISOString();
const common = (day: number, hour = 8) => ({ eventTime: T(day, hour), eventTimeZoneOffset: '+07:00' });
const kg = (epcClass: string, quantity: number) => ({ epcClass, quantity, uom: 'KGM' });
const at = (p: Party) => ({ readPoint: { id: glnId(p.gln) }, bizLocation: { id: glnId(p.gln) } });

export function harvest(farm: Party, lot: string, quantity: number, day: number): Recorded {
  return { by: farm.organizationId, event: { type: 'ObjectEvent', action: 'ADD', ...common(day), bizStep: 'https://id.txng.sonla.gov.vn/voc/bizStep-harvesting', disposition: 'active', ...at(farm), quantityList: [kg(lot, quantity)] } as EpcisEvent };
}

/** A shipment from → to, recorded by both: the sender's shipping and the receiver's receiving, with a despatch advice. */
export function transfer(from: Party, to: Party, what: { epcs?: string[]; quantities?: { epcClass: string; quantity: number; uom?: string }[] }, day: number, document: string): Recorded[] {
  const parties = { sourceList: [{ type: 'owning_party', source: glnId(from.gln) }], destinationList: [{ type: 'owning_party', destination: glnId(to.gln) }] };
  const biz = { bizTransactionList: [{ type: 'desadv', bizTransaction: `urn:epcglobal:cbv:bt:${from.gln}:${document}` }] };
  const lists = { ...(what.epcs ? { epcList: what.epcs } : {}), ...(what.quantities ? { quantityList: what.quantities } : {}) };
  return [
    { by: from.organizationId, event: { type: 'ObjectEvent', action: 'OBSERVE', ...common(day, 9), bizStep: 'shipping', disposition: 'in_transit', ...at(from), ...lists, ...parties, ...biz } as EpcisEvent },
    { by: to.organizationId, event: { type: 'ObjectEvent', action: 'OBSERVE', ...common(day, 16), bizStep: 'receiving', disposition: 'in_progress', ...at(to), ...lists, ...parties, ...biz } as EpcisEvent },
  ];
}

export function transform(by: Party, inputs: { epcClass: string; quantity: number }[], outputs: { epcs?: string[]; quantities?: { epcClass: string; quantity: number }[] }, day: number, transformationID?: string): Recorded {
  return {
    by: by.organizationId,
    event: {
      type: 'TransformationEvent', ...common(day, 11), bizStep: 'commissioning', disposition: 'active', ...at(by),
      inputQuantityList: inputs.map((i) => kg(i.epcClass, i.quantity)),
      ...(outputs.epcs ? { outputEPCList: outputs.epcs } : {}),
      ...(outputs.quantities ? { outputQuantityList: outputs.quantities.map((o) => kg(o.epcClass, o.quantity)) } : {}),
      ...(transformationID ? { transformationID } : {}),
    } as EpcisEvent,
  };
}

export function pack(by: Party, parent: string, children: { epcs?: string[]; quantities?: { epcClass: string; quantity: number }[] }, day: number, action: 'ADD' | 'DELETE' = 'ADD'): Recorded {
  return {
    by: by.organizationId,
    event: {
      type: 'AggregationEvent', action, ...common(day, action === 'ADD' ? 12 : 17), bizStep: action === 'ADD' ? 'packing' : 'unpacking', ...at(by), parentID: parent,
      ...(children.epcs ? { childEPCs: children.epcs } : {}),
      ...(children.quantities ? { childQuantityList: children.quantities.map((c) => kg(c.epcClass, c.quantity)) } : {}),
    } as EpcisEvent,
  };
}

export interface LonganChain {
  readonly events: readonly Recorded[];
  readonly ids: {
    readonly farmLots: readonly [string, string, string];
    readonly pooled: string;
    readonly pallets: readonly [string, string];
    readonly dried: string;
    readonly overYield: string;
    readonly shipments: { readonly toX: string; readonly toY: string; readonly bagsToC: string };
    readonly bags: readonly string[];
    readonly gtins: { readonly fresh: string; readonly dried: string; readonly bag: string };
  };
}

/**
 * Sơn La dried longan: three farms harvest fresh longan; the cooperative pools two farm lots and ships the pool and
 * the third lot on two pallets to the processor, which dries them (3,000 kg fresh → 850 kg dried: within the
 * 3.5 : 1 yield) and splits the dried lot into two shipments; distributor X passes its share to shops A and B;
 * distributor Y bags 50 kg into twenty 500 g retail bags (SGTINs) for shop C. The processor also records a
 * second drying that yields more than its input allows (1,000 kg fresh → 500 kg dried).
 */
export function longanChain(p: { farms: readonly [Party, Party, Party]; coop: Party; processor: Party; distributors: readonly [Party, Party]; shops: readonly [Party, Party, Party] }): LonganChain {
  const [f1, f2, f3] = p.farms;
  const [x, y] = p.distributors;
  const [a, b, c] = p.shops;
  const fresh = gtinOf(p.coop.prefix, 1);
  const dried = gtinOf(p.processor.prefix, 2);
  const bag = gtinOf(y.prefix, 3);
  const farmLots = [lotId(fresh, 'F1-2026'), lotId(fresh, 'F2-2026'), lotId(fresh, 'F3-2026')] as const;
  const pooled = lotId(fresh, 'HTX-07');
  const pallets = [ssccId(ssccOf(p.coop.prefix, 101)), ssccId(ssccOf(p.coop.prefix, 102))] as const;
  const driedLot = lotId(dried, 'SAY-2026-07');
  const overYield = lotId(dried, 'SAY-2026-08');
  const toX = ssccId(ssccOf(p.processor.prefix, 201));
  const toY = ssccId(ssccOf(p.processor.prefix, 202));
  const bagsToC = ssccId(ssccOf(y.prefix, 301));
  const bags = Array.from({ length: 20 }, (_, i) => itemId(bag, `B${String(i + 1).padStart(3, '0')}`));
  const events: Recorded[] = [
    harvest(f1, farmLots[0], 1000, 1), harvest(f2, farmLots[1], 1000, 1), harvest(f3, farmLots[2], 1000, 1),
    ...transfer(f1, p.coop, { quantities: [kg(farmLots[0], 1000)] }, 2, 'F1-001'),
    ...transfer(f2, p.coop, { quantities: [kg(farmLots[1], 1000)] }, 2, 'F2-001'),
    ...transfer(f3, p.coop, { quantities: [kg(farmLots[2], 1000)] }, 2, 'F3-001'),
    transform(p.coop, [{ epcClass: farmLots[0], quantity: 1000 }, { epcClass: farmLots[1], quantity: 1000 }], { quantities: [{ epcClass: pooled, quantity: 2000 }] }, 3),
    pack(p.coop, pallets[0], { quantities: [{ epcClass: pooled, quantity: 2000 }] }, 3),
    pack(p.coop, pallets[1], { quantities: [{ epcClass: farmLots[2], quantity: 1000 }] }, 3),
    ...transfer(p.coop, p.processor, { epcs: [...pallets] }, 4, 'HTX-PX-01'),
    pack(p.processor, pallets[0], { quantities: [{ epcClass: pooled, quantity: 2000 }] }, 4, 'DELETE'),
    pack(p.processor, pallets[1], { quantities: [{ epcClass: farmLots[2], quantity: 1000 }] }, 4, 'DELETE'),
    transform(p.processor, [{ epcClass: pooled, quantity: 2000 }, { epcClass: farmLots[2], quantity: 1000 }], { quantities: [{ epcClass: driedLot, quantity: 850 }] }, 6),
    pack(p.processor, toX, { quantities: [{ epcClass: driedLot, quantity: 400 }] }, 7),
    pack(p.processor, toY, { quantities: [{ epcClass: driedLot, quantity: 450 }] }, 7),
    ...transfer(p.processor, x, { epcs: [toX] }, 8, 'PX-X-01'),
    ...transfer(p.processor, y, { epcs: [toY] }, 8, 'PX-Y-01'),
    pack(x, toX, { quantities: [{ epcClass: driedLot, quantity: 400 }] }, 9, 'DELETE'),
    ...transfer(x, a, { quantities: [kg(driedLot, 200)] }, 10, 'X-A-01'),
    ...transfer(x, b, { quantities: [kg(driedLot, 200)] }, 10, 'X-B-01'),
    pack(y, toY, { quantities: [{ epcClass: driedLot, quantity: 450 }] }, 9, 'DELETE'),
    transform(y, [{ epcClass: driedLot, quantity: 10 }], { epcs: bags }, 11),
    pack(y, bagsToC, { epcs: bags }, 11),
    ...transfer(y, c, { epcs: [bagsToC] }, 12, 'Y-C-01'),
    ...transfer(y, c, { quantities: [kg(driedLot, 440)] }, 12, 'Y-C-02'),
    // The second drying: 1,000 kg of fresh farm lot 3 would allow ≈ 286 kg dried, not 500.
    transform(p.processor, [{ epcClass: farmLots[2], quantity: 1000 }], { quantities: [{ epcClass: overYield, quantity: 500 }] }, 13),
  ];
  return { events, ids: { farmLots, pooled, pallets, dried: driedLot, overYield, shipments: { toX, toY, bagsToC }, bags, gtins: { fresh, dried, bag } } };
}

/** A deterministic pseudo-random generator (mulberry32), so a failing random chain can be replayed. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random chain of `stages` tiers: each lot of a tier is transformed (often merged with another), packed on a
 * pallet, shipped, unpacked and split; some pallets are repacked, some items commissioned; a few transformations
 * point back to an earlier lot (cycles), and some events are unpacking (DELETE) that must not be followed forward.
 */
export function randomChain(seed: number, parties: readonly Party[], stages = 6, width = 5): Recorded[] {
  const rnd = random(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const owner = parties[0]!;
  const gtin = gtinOf(owner.prefix, 40 + (seed % 50));
  let tier = Array.from({ length: width }, (_, i) => lotId(gtin, `S${seed}-T0-${i}`));
  const all: string[] = [...tier];
  const out: Recorded[] = tier.map((l, i) => harvest(pick(parties), l, 100 + i, 1));
  let serial = seed * 1000;
  for (let s = 1; s <= stages; s++) {
    const next: string[] = [];
    for (let i = 0; i < width; i++) {
      const who = pick(parties);
      const lot = lotId(gtin, `S${seed}-T${s}-${i}`);
      const inputs = [...new Set([pick(tier), ...(rnd() < 0.4 ? [pick(tier)] : []), ...(rnd() < 0.05 ? [pick(all)] : [])])];
      out.push(transform(who, inputs.map((x) => ({ epcClass: x, quantity: 10 })), { quantities: [{ epcClass: lot, quantity: 5 }] }, 1 + s, rnd() < 0.2 ? `urn:uuid:00000000-0000-4000-8000-${String(seed * 100 + s).padStart(12, '0')}` : undefined));
      if (rnd() < 0.6) {
        const pallet = ssccId(ssccOf(owner.prefix, ++serial));
        out.push(pack(who, pallet, { quantities: [{ epcClass: lot, quantity: 5 }, ...(rnd() < 0.3 ? [{ epcClass: pick(tier), quantity: 1 }] : [])] }, 1 + s));
        const to = pick(parties);
        out.push(...transfer(who, to, { epcs: [pallet] }, 1 + s, `D${serial}`));
        if (rnd() < 0.5) out.push(pack(to, pallet, { quantities: [{ epcClass: lot, quantity: 5 }] }, 1 + s, 'DELETE'));
      }
      if (rnd() < 0.2) {
        const items = Array.from({ length: 3 }, (_, k) => itemId(gtin, `S${seed}-${s}-${i}-${k}`));
        out.push(transform(who, [{ epcClass: lot, quantity: 1 }], { epcs: items }, 1 + s));
      }
      next.push(lot);
      all.push(lot);
    }
    tier = next;
  }
  return out;
}
