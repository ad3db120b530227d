// The links a resolved identifier has, as an RFC 9264 linkset in the shape GS1-Conformant resolvers return
// (GS1 Resolver CE Documentation/linkset.json): one context object whose `anchor` is the identifier's URI,
// link relation types named by their GS1 Web Vocabulary URIs, each with an array of target objects (RFC 9264
// §4.2.2) carrying href, title, type and hreflang, and `title*` with per-language titles (RFC 9264 §4.2.4.2).
import type { PublicOrganization, PublicProduct } from '../public-facts.ts';

export const GS1_VOC = 'https://gs1.org/voc/';

export interface LinkTarget {
  readonly href: string;
  readonly title: string;
  readonly 'title*'?: readonly { readonly value: string; readonly language: string }[];
  readonly type?: string;
  readonly hreflang?: readonly string[];
}

export interface LinkContext {
  readonly anchor: string;
  readonly itemDescription?: string;
  readonly [relation: string]: readonly LinkTarget[] | string | undefined;
}

export interface Linkset {
  readonly linkset: readonly [LinkContext];
}

const both = (vi: string, en: string) => ({ title: vi, 'title*': [{ value: vi, language: 'vi' }, { value: en, language: 'en' }] });

export interface LinksetInput {
  readonly baseUrl: string;
  /** The resolved path, e.g. /01/…/10/…/21/… or /s/… */
  readonly path: string;
  readonly product: PublicProduct;
  readonly organization: PublicOrganization;
  readonly serial: string | null;
  /** The lot's EPC class (its Digital Link on id.gs1.org, or this installation's lot URI), when a lot is known. */
  readonly epcClass: string | null;
}

/** The links of an item, keyed by GS1 link type (without the vocabulary prefix). */
export function buildLinkset(input: LinksetInput): Linkset {
  const self = `${input.baseUrl}${input.path}`;
  const page = (lang: string, fragment = '') => `${self}?lang=${lang}${fragment}`;
  const html = (title: [string, string], fragment = ''): LinkTarget[] => [
    { href: page('vi', fragment), ...both(...title), type: 'text/html', hreflang: ['vi'] },
    { href: page('en', fragment), ...both(...title), type: 'text/html', hreflang: ['en'] },
  ];
  const status = `${input.baseUrl}/api/v1/resolve?uri=${encodeURIComponent(input.path)}`;
  const links: Record<string, LinkTarget[]> = {
    pip: html(['Thông tin sản phẩm', 'Product information']),
    defaultLink: [html(['Thông tin sản phẩm', 'Product information'])[0]!],
    traceability: html(['Nguồn gốc và hành trình sản phẩm', 'Origin and journey of the product'], '#journey'),
    recallStatus: [{ href: status, ...both('Tình trạng thu hồi và xác thực tem', 'Recall and stamp status'), type: 'application/json' }],
  };
  if (input.epcClass) {
    // The EPCIS 2.0 REST binding's event query (EPCIS 2.0 §12.5: GET /events with query parameters) for the lot.
    const query = `${input.baseUrl}/epcis/events?MATCH_anyEPCClass=${encodeURIComponent(input.epcClass)}`;
    links.epcis = [{ href: query, ...both('Sự kiện truy xuất (EPCIS 2.0)', 'Traceability events (EPCIS 2.0)'), type: 'application/ld+json' }];
  }
  if (input.product.certifications.length || input.product.ocop) links.certificationInfo = html(['Chứng nhận', 'Certificates'], '#certificates');
  if (input.product.safetyWarnings) links.safetyInfo = html(['Cảnh báo an toàn', 'Safety warnings'], '#safety');
  if (input.organization.website && /^https?:\/\//i.test(input.organization.website)) {
    links.homepage = [{ href: input.organization.website, ...both(`Trang của ${input.organization.name}`, `${input.organization.name}'s website`), type: 'text/html' }];
  }
  const context: Record<string, LinkTarget[] | string> = { anchor: self, itemDescription: input.product.nameVi };
  for (const [type, targets] of Object.entries(links)) context[`${GS1_VOC}${type}`] = targets;
  return { linkset: [context as LinkContext] };
}

/** The target of `linkType` (`gs1:pip`, a full GS1 Web Vocabulary URI, …); undefined when the item has none. */
export function linkOfType(linkset: Linkset, linkType: string, lang: 'vi' | 'en'): LinkTarget | undefined {
  const key = linkType.startsWith('gs1:') ? `${GS1_VOC}${linkType.slice(4)}` : linkType.replace(/^http:\/\//, 'https://');
  const targets = linkset.linkset[0][key];
  if (!Array.isArray(targets) || targets.length === 0) return undefined;
  return targets.find((t) => t.hreflang?.includes(lang)) ?? targets[0];
}

/** The default link (gs1:defaultLink) in the asked language. */
export function defaultLink(linkset: Linkset, lang: 'vi' | 'en'): LinkTarget {
  return linkOfType(linkset, 'gs1:pip', lang) ?? (linkset.linkset[0][`${GS1_VOC}defaultLink`] as LinkTarget[])[0]!;
}
