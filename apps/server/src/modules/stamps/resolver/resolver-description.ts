// /.well-known/gs1resolver: the resolver description file (GS1-Conformant resolver standard; the members are
// those of GS1 Resolver CE's gs1resolver.json): root, supported keys and link types with their titles.
import { GS1_VOC } from './linkset.ts';

const LINK_TYPES: Record<string, { vi: [string, string]; en: [string, string] }> = {
  pip: { vi: ['Thông tin sản phẩm', 'Trang thông tin sản phẩm, nguồn gốc và tình trạng tem.'], en: ['Product Information Page', 'The product, its origin and the stamp status.'] },
  certificationInfo: { vi: ['Chứng nhận', 'Các chứng nhận và xếp hạng OCOP của sản phẩm.'], en: ['Certification Information', 'The product\'s certificates and OCOP rating.'] },
  recallStatus: { vi: ['Tình trạng thu hồi', 'Sản phẩm, lô hoặc tem có đang bị thu hồi không (JSON).'], en: ['Recall status', 'Whether the product, lot or stamp is recalled (JSON).'] },
  traceability: { vi: ['Truy xuất nguồn gốc', 'Nguồn gốc và hành trình của sản phẩm.'], en: ['Traceability information', 'Origin and journey of the product.'] },
  epcis: { vi: ['Kho sự kiện EPCIS', 'Các sự kiện EPCIS 2.0 của lô hàng.'], en: ['EPCIS repository', 'The lot\'s EPCIS 2.0 events.'] },
  safetyInfo: { vi: ['Thông tin an toàn', 'Cảnh báo an toàn của sản phẩm.'], en: ['Safety information', 'The product\'s safety warnings.'] },
  homepage: { vi: ['Trang của tổ chức', 'Trang web của cơ sở sản xuất.'], en: ['Organisation Information Page', 'The producer\'s website.'] },
};

export function resolverDescription(publicBaseUrl: string) {
  const activeLinkTypes: Record<string, Record<string, { title: string; description: string; url: string }>> = { vi: {}, en: {} };
  for (const [type, t] of Object.entries(LINK_TYPES)) {
    for (const lang of ['vi', 'en'] as const) activeLinkTypes[lang]![`gs1:${type}`] = { title: t[lang][0], description: t[lang][1], url: `${GS1_VOC}${type}` };
  }
  return {
    name: 'TXNG Sơn La — GS1 Digital Link resolver',
    resolverRoot: publicBaseUrl,
    termsOfUse: `${publicBaseUrl}/portal/`,
    supportedLinkType: [{ namespace: GS1_VOC, prefix: 'gs1:' }],
    // (01) GTIN with its (10) lot and (21) serial qualifiers; stamps of products without a GTIN use /s/<serial>.
    supportedPrimaryKeys: ['01'],
    supportedContextValuesEnumerated: [],
    supportedContextValuesExternal: [],
    linkTypeDefaultCanBeAll: false,
    contact: {
      fn: 'Sở Khoa học và Công nghệ tỉnh Sơn La',
      hasAddress: { locality: 'Sơn La', 'country-name': 'Việt Nam' },
    },
    supportsLanguageVariants: true,
    supportsSemanticInterpretation: false,
    validatesAIcombinations: true,
    activeLinkTypes,
  };
}
