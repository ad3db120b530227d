// Who a party of an event is (EPCIS 2.0 §7.3.5.4 sources and destinations, and the capturing organisation):
// an organisation registered here (its URI, its GLN, a GLN under its GS1 Company Prefix), or a party known only
// by its identifier (a partner outside the platform), named from the event where the event names it.
import { type EpcisEvent } from '@txng/epcis';
import { canonical } from './canonical.ts';
import type { Directory, OrganizationInfo } from './directory.ts';

export interface PartyRef {
  /** Stable key: `org:<uuid>` for registered organisations, else the party's canonical identifier. */
  readonly key: string;
  readonly organizationId: string | null;
  readonly name: string;
  readonly gln: string | null;
  /** The identifier events use for it, when it is not only the capturing organisation. */
  readonly uri: string | null;
  readonly registered: boolean;
}

/** The canonical identifier of a party and its GLN when it is GLN-keyed (Digital Link AI 414 or 417). */
export function partyGlnOf(raw: string): { canonical: string; gln: string | null } {
  const id = canonical(raw);
  const m = /^https:\/\/id\.gs1\.org\/(?:414|417)\/(\d{13})(?:\/|$)/.exec(id);
  return { canonical: id, gln: m ? m[1]! : null };
}

const TXNG_NS = 'https://id.txng.sonla.gov.vn/epcis/';

/** The partner's name a TXNG farm diary writes beside a party it knows only by name. */
export function partnerNameOf(event: EpcisEvent): string | null {
  const el = (event.extensions ?? []).find((x) => x.ns === TXNG_NS && x.name === 'partnerName');
  return typeof el?.value === 'string' ? el.value : null;
}

/** Resolves party identifiers and organisation ids to PartyRefs, in two batched lookups. */
export async function resolveParties(directory: Directory, input: { uris: readonly string[]; organizationIds: readonly string[]; names?: ReadonlyMap<string, string> }): Promise<Map<string, PartyRef>> {
  const uris = [...new Set(input.uris)];
  const idsFromUris = uris.map((u) => directory.organizationIdOfUri(u)).filter((x): x is string => x !== null);
  const glns = uris.map((u) => partyGlnOf(u).gln).filter((x): x is string => x !== null);
  const [byId, byGln] = await Promise.all([directory.organizationsById([...input.organizationIds, ...idsFromUris]), directory.organizationsByGln(glns)]);
  const out = new Map<string, PartyRef>();
  const ofOrg = (o: OrganizationInfo, uri: string | null): PartyRef => ({ key: `org:${o.id}`, organizationId: o.id, name: o.name, gln: o.gln, uri, registered: true });
  for (const id of input.organizationIds) {
    const o = byId.get(id);
    out.set(`org:${id}`, o ? ofOrg(o, null) : { key: `org:${id}`, organizationId: id, name: id, gln: null, uri: null, registered: false });
  }
  for (const uri of uris) {
    const orgId = directory.organizationIdOfUri(uri);
    const { gln } = partyGlnOf(uri);
    const org = orgId ? byId.get(orgId) : gln ? byGln.get(gln) : undefined;
    if (org) {
      out.set(uri, ofOrg(org, uri));
      continue;
    }
    out.set(uri, { key: uri, organizationId: null, name: input.names?.get(uri) ?? nameFromUri(uri), gln, uri, registered: false });
  }
  return out;
}

/** A readable name from a party URI of this installation (`…/id/party/<folded-name>`), else the URI itself. */
function nameFromUri(uri: string): string {
  const m = /\/id\/party\/([^/?#]+)$/.exec(uri);
  if (!m) return uri;
  try {
    return decodeURIComponent(m[1]!).replace(/-/g, ' ');
  } catch {
    return uri;
  }
}
