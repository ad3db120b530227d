// The passport's machine-readable twin, embedded as JSON-LD: schema.org Product with GS1 Web Vocabulary terms
// (https://gs1.org/voc/), so search engines, the National Traceability Portal and any GS1 tool read the same
// Decree 37 Art. 32 fields a person sees.
import type { LotView, PlaceView, ProducerView, ProductView } from '../views/model.ts';

export interface PassportData {
  readonly baseUrl: string;
  readonly product: ProductView;
  readonly producer: ProducerView;
  readonly origin: PlaceView | null;
  readonly lot: LotView | null;
}

export function passportJsonLd(d: PassportData): Record<string, unknown> {
  const { product: p, producer: o, origin, lot } = d;
  const productUrl = `${d.baseUrl}/products/${p.id}`;
  const manufacturer = {
    '@type': ['Organization', 'gs1:Organization'],
    '@id': `${d.baseUrl}/producers/${o.id}`,
    name: o.name,
    'gs1:organizationName': o.name,
    address: { '@type': 'PostalAddress', streetAddress: o.address, addressLocality: o.communeName, addressRegion: 'Sơn La', addressCountry: 'VN' },
    ...(o.taxCode ? { taxID: o.taxCode } : {}),
    ...(o.gln ? { 'gs1:globalLocationNumber': o.gln, globalLocationNumber: o.gln } : {}),
    ...(o.phone ? { telephone: o.phone } : {}),
  };
  const certifications = p.certifications.map((c) => ({
    '@type': ['Certification', 'gs1:CertificationDetails'],
    name: c.name ?? c.kind,
    certificationIdentification: c.number,
    'gs1:certificationIdentification': c.number,
    issuedBy: { '@type': 'Organization', name: c.issuer },
    ...(c.validFrom ? { validFrom: c.validFrom, 'gs1:certificationStartDate': c.validFrom } : {}),
    ...(c.validTo ? { expires: c.validTo, 'gs1:certificationEndDate': c.validTo } : {}),
  }));
  if (p.ocop) certifications.unshift({ '@type': ['Certification', 'gs1:CertificationDetails'], name: `OCOP ${p.ocop.stars}★`, certificationIdentification: p.ocop.certificateNumber ?? '', 'gs1:certificationIdentification': p.ocop.certificateNumber ?? '', issuedBy: { '@type': 'Organization', name: 'UBND tỉnh Sơn La' }, ...(p.ocop.expiresOn ? { expires: p.ocop.expiresOn, 'gs1:certificationEndDate': p.ocop.expiresOn } : {}) });
  const doc: Record<string, unknown> = {
    '@context': { '@vocab': 'https://schema.org/', gs1: 'https://gs1.org/voc/' },
    '@type': ['Product', 'gs1:Product'],
    '@id': lot ? `${d.baseUrl}/lots/${lot.id}` : productUrl,
    url: lot ? `${d.baseUrl}/lots/${lot.id}` : productUrl,
    name: p.nameVi,
    'gs1:productName': [{ '@value': p.nameVi, '@language': 'vi' }, ...(p.nameEn ? [{ '@value': p.nameEn, '@language': 'en' }] : [])],
    ...(p.descriptionVi ? { description: p.descriptionVi, 'gs1:productDescription': { '@value': p.descriptionVi, '@language': 'vi' } } : {}),
    ...(p.gtin ? { gtin14: p.gtin, 'gs1:gtin': p.gtin } : {}),
    ...(p.imageUrl ? { image: `${d.baseUrl}${p.imageUrl}` } : {}),
    ...(p.brand ? { brand: { '@type': 'Brand', name: p.brand }, 'gs1:brand': { '@type': 'gs1:Brand', 'gs1:brandName': p.brand } } : {}),
    ...(p.modelCode ? { model: p.modelCode } : {}),
    category: p.category,
    manufacturer,
    'gs1:manufacturer': manufacturer['@id'],
    countryOfOrigin: { '@type': 'Country', name: 'VN' },
    ...(origin ? { 'gs1:productionPlace': { '@type': 'Place', name: origin.name, address: origin.communeName, ...(origin.latitude !== null && origin.longitude !== null ? { geo: { '@type': 'GeoCoordinates', latitude: origin.latitude, longitude: origin.longitude } } : {}) } } : {}),
    hasCertification: certifications,
    ...(p.standards.length ? { 'gs1:certificationInfo': p.standards.map((s) => ({ '@type': 'gs1:CertificationDetails', 'gs1:certificationStandard': s.code, ...(s.title ? { 'gs1:certificationAgency': s.title } : {}) })) } : {}),
    ...(p.shelfLifeDays ? { 'gs1:minimumTradeItemLifespanFromProduction': p.shelfLifeDays } : {}),
    ...(p.safetyWarnings ? { 'gs1:consumerSafetyInformation': { '@value': p.safetyWarnings, '@language': 'vi' } } : {}),
    ...(lot ? { isVariantOf: { '@id': productUrl }, 'gs1:hasBatchLotNumber': lot.lotCode, ...(lot.productionDate ? { productionDate: lot.productionDate, 'gs1:productionDate': lot.productionDate } : {}), ...(lot.expiryDate ? { 'gs1:expirationDate': lot.expiryDate } : {}) } : {}),
    ...(p.updatedAt ? { dateModified: p.updatedAt.toISOString() } : {}),
    identifier: lot ? `${d.baseUrl}/lots/${lot.id}` : productUrl,
  };
  return doc;
}
