// Master data captured in document headers (EPCIS 2.0 §7.2, `epcisHeader.epcisMasterData`): each organisation's
// latest description of a vocabulary element wins. Queries use it for WD_readPoint/WD_bizLocation (the children
// hierarchy) and HASATTR_/EQ_ATTR_ (attributes), through a MatchContext as the reference evaluator does.
import { sql } from 'drizzle-orm';
import type { ExtensionValue, MatchContext, Vocabulary } from '@txng/epcis';
import { rows, type Orm } from '../../../platform/db/database.ts';

export async function storeVocabularies(tx: Orm, organizationId: string, vocabularies: readonly Vocabulary[]): Promise<void> {
  const elements = vocabularies.flatMap((v) => (v.vocabularyElementList ?? []).map((el) => ({ type: v.type, el })));
  if (!elements.length) return;
  await tx.execute(sql`
    insert into epcis.vocabulary_elements (organization_id, vocabulary_type, element_id, attributes, children)
    select ${organizationId}::uuid, x.type, x.id, x.attributes, x.children
    from jsonb_to_recordset(${JSON.stringify(elements.map(({ type, el }) => ({ type, id: el.id, attributes: el.attributes ?? [], children: el.children ?? [] })))}::jsonb)
      as x(type text, id text, attributes jsonb, children text[])
    on conflict (organization_id, vocabulary_type, element_id)
      do update set attributes = excluded.attributes, children = excluded.children, updated_at = now()`);
}

/** Which organisations' master data a reader sees: the named ones, or all of them (null). */
export type MasterDataScope = readonly string[] | null;

export interface MasterData extends MatchContext {
  /** Every element id described. */
  ids(): string[];
}

/**
 * The master data a reader sees, loaded into a MatchContext (children hierarchy, attributes). Master data is
 * small next to events (the locations and products of the province), so it is read whole, and only for the
 * queries that need it (WD_, HASATTR_, EQ_ATTR_).
 */
export async function loadMasterData(db: Orm, scope: MasterDataScope): Promise<MasterData> {
  const list = await rows<{ element_id: string; attributes: { id: string; value?: ExtensionValue }[]; children: string[] }>(db, sql`
    select element_id, attributes, children from epcis.vocabulary_elements
    where ${scope === null ? sql`true` : sql`organization_id = any(${sql.param([...scope])}::uuid[])`}
    order by updated_at`);
  const children = new Map<string, string[]>();
  const attributes = new Map<string, Map<string, ExtensionValue | undefined>>();
  for (const r of list) {
    children.set(r.element_id, [...(children.get(r.element_id) ?? []), ...r.children]);
    const map = attributes.get(r.element_id) ?? new Map<string, ExtensionValue | undefined>();
    for (const a of r.attributes) map.set(a.id, a.value);
    attributes.set(r.element_id, map);
  }
  return { children: (id) => children.get(id) ?? [], attributes: (id) => attributes.get(id) ?? new Map(), ids: () => [...attributes.keys()] };
}

/** Element ids having an attribute named `name` (by full id or local part, as match-fields.ts attributeValue). */
export function elementsWithAttribute(md: MasterData, name: string): string[] {
  return md.ids().filter((id) => [...(md.attributes?.(id) ?? new Map()).keys()].some((a) => a === name || a.endsWith(`#${name}`) || a.endsWith(`:${name}`) || a.endsWith(`/${name}`)));
}
