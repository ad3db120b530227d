// Demo catalog: realistic products, places, lots and one season's diary for the demo organisations, following
// Sơn La's supply chains (shared/data/sonla/facts.md): xoài tròn Yên Châu, nhãn Sông Mã (fresh → dried), cà phê
// Sơn La (cherry → green → roasted), chè Shan tuyết Mộc Châu, fresh milk. Everything goes through the catalog's
// services as the organisations' admins, so the demo obeys the real rules; dates are relative to today, so the
// season has just ended whenever the demo is started.
import { computeCheckDigit } from '@txng/gs1';
import type { UserActor } from '../../platform/auth/actor.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { DiaryInput } from '../../modules/catalog/index.ts';
import type { System } from '../system.ts';

const gtin = (prefix: string, item: number) => {
  const body = `${prefix}${String(item).padStart(12 - prefix.length, '0')}`;
  return body + computeCheckDigit(body);
};

export async function seedCatalogDemo(system: System): Promise<void> {
  const { users, catalog, geo } = system.services;
  const now = system.services.catalog.deps.clock.now();
  const day = (daysAgo: number, hour = 7) => {
    const d = new Date(now.getTime() - daysAgo * 86_400_000);
    return `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
  };
  const date = (daysAgo: number) => day(daysAgo).slice(0, 10);
  const commune = async (name: string) => (await geo.listUnits({ q: name }))[0]!.id;
  const as = async (email: string): Promise<RequestContext> => {
    const u = (await users.findByEmail(email))!;
    const actor: UserActor = { type: 'user', userId: u.id, email: u.email, role: 'org_admin', organizationId: u.organizationId, scope: { sector: null, communeId: null, departmentCode: null }, sessionId: 'demo-seed', mfaSatisfied: true };
    return { actor, requestId: 'demo-seed', clientHash: null, lang: 'vi' };
  };
  const published = async (ctx: RequestContext, input: Parameters<typeof catalog.products.create>[1]) => {
    const p = await catalog.products.create(ctx, input);
    return catalog.products.setStatus(ctx, p.id, 'published');
  };
  const diary = async (ctx: RequestContext, lotId: string, steps: Omit<DiaryInput, 'lotId'>[]) => {
    for (const s of steps) await catalog.diary.record(ctx, { lotId, ...s });
  };
  const vietgap = (number: string) => ({ kind: 'vietgap' as const, number, issuer: 'Trung tâm Chứng nhận VietGAP', validFrom: date(400), validTo: date(-700) });

  // Xoài tròn Yên Châu: household gardens → the cooperative's packing house → a Hà Nội distributor.
  {
    const ctx = await as('hung@xoaihuong.example');
    const yenChau = await commune('Yên Châu');
    const area = await catalog.places.create(ctx, { kind: 'planting_area', name: 'Vùng trồng xoài bản Nà Khái', communeId: yenChau, address: 'Bản Nà Khái, xã Yên Châu', latitude: 21.0468, longitude: 104.3012, plantingAreaCode: 'VN-SLOR-0012', areaHa: 18.5 });
    const house = await catalog.places.create(ctx, { kind: 'processing_facility', name: 'Nhà sơ chế, đóng gói xoài HTX Xoài Hương', communeId: yenChau, address: 'Bản Nà Khái, xã Yên Châu', latitude: 21.0441, longitude: 104.2987, gln: gtin('893612345', 901) });
    const mango = await published(ctx, {
      gtin: gtin('893612345', 1), nameVi: 'Xoài tròn Yên Châu', nameEn: 'Yen Chau round mango', category: 'fresh_fruit', sector: 'agriculture-environment', unit: 'kg', shelfLifeDays: 10,
      descriptionVi: 'Xoài tròn quả nhỏ, vỏ xanh, thịt vàng, vị ngọt đậm và thơm, trồng trên đất dốc Yên Châu.', descriptionEn: 'Small round mango with green skin and sweet, fragrant yellow flesh, grown on the Yen Chau slopes.',
      brand: 'Xoài Hương', standards: [{ kind: 'tcvn', code: 'TCVN 12827:2023', title: 'Truy xuất nguồn gốc rau quả tươi' }], certifications: [vietgap('VG-SL-2025-0112')],
      ocop: { stars: 4, certificateNumber: '1525/GCN-UBND', decision: 'Quyết định 2413/QĐ-UBND tỉnh Sơn La', expiresOn: date(-900) }, protectedMark: { kind: 'geographical_indication', name: 'Xoài tròn Yên Châu' },
      keyProduct: true, riskClass: 'low', safetyWarnings: 'Rửa sạch trước khi ăn. Bảo quản nơi thoáng mát.', originPlaceId: area.id,
    });
    const lot = await catalog.lots.create(ctx, { productId: mango.id, lotCode: `XY-${date(12).slice(0, 4)}-01`, harvestDate: date(12), productionDate: date(11), expiryDate: date(1), quantity: 2400, unit: 'kg', originPlaceId: area.id });
    await diary(ctx, lot.id, [
      { kind: 'planting', occurredAt: day(160), placeId: area.id, notes: 'Xử lý ra hoa vụ chính' },
      { kind: 'fertilising', occurredAt: day(90), placeId: area.id, input: { name: 'Phân hữu cơ vi sinh Sông Gianh', dose: 5, doseUnit: 'kg/cây' } },
      { kind: 'spraying', occurredAt: day(30), placeId: area.id, input: { name: 'Abamectin 3.6EC', dose: 20, doseUnit: 'ml/bình 16 lít', phiDays: 7 } },
      { kind: 'irrigation', occurredAt: day(20), placeId: area.id, notes: 'Tưới nhỏ giọt' },
      { kind: 'harvesting', occurredAt: day(12, 6), placeId: area.id, quantity: 2400, unit: 'kg' },
      { kind: 'sorting', occurredAt: day(11, 8), placeId: house.id, quantity: 2250, unit: 'kg', notes: 'Loại 1: quả từ 200 g' },
      { kind: 'packing', occurredAt: day(11, 14), placeId: house.id, quantity: 2250, unit: 'kg', notes: 'Thùng carton 10 kg' },
      { kind: 'shipping', occurredAt: day(10, 5), placeId: house.id, partner: { name: 'Công ty TNHH Phân phối Nông sản Sạch Hà Nội' }, quantity: 2250, unit: 'kg' },
    ]);
  }

  // Nhãn Sông Mã: fresh longan, part of it dried (transformation). No GS1 prefix yet: products without a GTIN.
  {
    const ctx = await as('lan@nhansongmaxanh.example');
    const songMa = await commune('Sông Mã');
    const orchard = await catalog.places.create(ctx, { kind: 'planting_area', name: 'Vùng nhãn ven sông bản Hải Sơn', communeId: songMa, address: 'Bản Hải Sơn, xã Sông Mã', latitude: 21.0632, longitude: 103.7411, plantingAreaCode: 'VN-SLOR-0045', areaHa: 32 });
    const dryer = await catalog.places.create(ctx, { kind: 'processing_facility', name: 'Lò sấy nhãn HTX Sông Mã Xanh', communeId: songMa, address: 'Bản Hải Sơn, xã Sông Mã' });
    const fresh = await published(ctx, {
      nameVi: 'Nhãn Sông Mã', nameEn: 'Song Ma longan', category: 'fresh_fruit', sector: 'agriculture-environment', unit: 'kg', shelfLifeDays: 7,
      standards: [{ kind: 'tcvn', code: 'TCVN 12827:2023' }], certifications: [vietgap('VG-SL-2024-0456')], protectedMark: { kind: 'certification_mark', name: 'Nhãn Sông Mã' },
      keyProduct: true, riskClass: 'low', safetyWarnings: 'Rửa sạch trước khi ăn.', originPlaceId: orchard.id,
    });
    const dried = await published(ctx, {
      nameVi: 'Nhãn sấy Sông Mã', nameEn: 'Song Ma dried longan', category: 'dried_fruit', sector: 'agriculture-environment', unit: 'hộp 500 g', shelfLifeDays: 365,
      standards: [{ kind: 'own', code: 'TCCS 01:2024/HTX-SMX', title: 'Nhãn sấy khô' }], certifications: [{ kind: 'food_safety_facility', number: '12/2024/NNPTNT-SL', issuer: 'Chi cục Quản lý chất lượng Nông lâm sản và Thuỷ sản Sơn La', validFrom: date(500), validTo: date(-600) }],
      ocop: { stars: 3, certificateNumber: '2210/GCN-UBND', decision: 'Quyết định 1875/QĐ-UBND tỉnh Sơn La', expiresOn: date(-500) }, protectedMark: { kind: 'certification_mark', name: 'Nhãn Sông Mã' },
      riskClass: 'low', safetyWarnings: 'Bảo quản nơi khô ráo; đậy kín sau khi mở.', originPlaceId: dryer.id,
    });
    const freshLot = await catalog.lots.create(ctx, { productId: fresh.id, lotCode: `NSM-${date(20).slice(0, 4)}-08`, harvestDate: date(20), quantity: 5000, unit: 'kg', originPlaceId: orchard.id });
    await diary(ctx, freshLot.id, [
      { kind: 'planting', occurredAt: day(200), placeId: orchard.id, notes: 'Tỉa cành, xử lý ra hoa' },
      { kind: 'fertilising', occurredAt: day(120), placeId: orchard.id, input: { name: 'NPK 12-5-10', dose: 1.5, doseUnit: 'kg/cây' } },
      { kind: 'spraying', occurredAt: day(45), placeId: orchard.id, input: { name: 'Emamectin benzoate 5WG', dose: 10, doseUnit: 'g/bình 16 lít', phiDays: 7 } },
      { kind: 'harvesting', occurredAt: day(20, 6), placeId: orchard.id, quantity: 5000, unit: 'kg' },
      { kind: 'shipping', occurredAt: day(19, 16), placeId: orchard.id, partner: { name: 'Chợ đầu mối Long Biên' }, quantity: 3800, unit: 'kg' },
    ]);
    const driedLot = await catalog.lots.create(ctx, { productId: dried.id, lotCode: `NSS-${date(15).slice(0, 4)}-01`, productionDate: date(15), expiryDate: date(-350), quantity: 240, unit: 'hộp', originPlaceId: dryer.id });
    await diary(ctx, driedLot.id, [
      { kind: 'processing', method: 'drying', occurredAt: day(16, 8), placeId: dryer.id, inputLots: [{ lotId: freshLot.id, quantity: 1200 }], quantity: 240, unit: 'hộp', notes: 'Sấy củi nhãn 48 giờ' },
      { kind: 'packing', occurredAt: day(15, 9), placeId: dryer.id, quantity: 240, unit: 'hộp' },
    ]);
  }

  // Cà phê Sơn La: cherry → wet processing → green bean → roasting → packaged retail.
  {
    const ctx = await as('minh@caphecaonguyen.example');
    const maiSon = await commune('Mai Sơn');
    const farm = await catalog.places.create(ctx, { kind: 'planting_area', name: 'Vùng cà phê arabica Chiềng Ban', communeId: maiSon, address: 'Bản Lọng Nghịu, xã Mai Sơn', latitude: 21.2167, longitude: 103.9833, plantingAreaCode: 'VN-SLOR-0103', areaHa: 45 });
    const mill = await catalog.places.create(ctx, { kind: 'processing_facility', name: 'Xưởng chế biến và rang cà phê Cao Nguyên', communeId: maiSon, address: 'Tiểu khu 19, xã Mai Sơn', gln: gtin('893623456', 901) });
    const base = { sector: 'agriculture-environment' as const, riskClass: 'low' as const, standards: [{ kind: 'tcvn' as const, code: 'TCVN 4193:2014', title: 'Cà phê nhân' }] };
    const cherry = await published(ctx, { ...base, gtin: gtin('893623456', 10), nameVi: 'Cà phê quả tươi arabica', nameEn: 'Fresh arabica coffee cherries', category: 'coffee', unit: 'kg', certifications: [vietgap('VG-SL-2025-0301')], safetyWarnings: 'Nguyên liệu, không dùng trực tiếp.', originPlaceId: farm.id });
    const green = await published(ctx, { ...base, gtin: gtin('893623456', 11), nameVi: 'Cà phê nhân xanh Sơn La', nameEn: 'Son La green coffee', category: 'coffee', unit: 'kg', shelfLifeDays: 720, certifications: [vietgap('VG-SL-2025-0301')], protectedMark: { kind: 'geographical_indication', name: 'Cà phê Sơn La' }, safetyWarnings: 'Bảo quản nơi khô ráo, độ ẩm dưới 12,5 %.', originPlaceId: mill.id });
    const roasted = await published(ctx, {
      ...base, gtin: gtin('893623456', 12), nameVi: 'Cà phê rang xay Sơn La', nameEn: 'Son La roasted ground coffee', category: 'coffee', unit: 'gói 500 g', shelfLifeDays: 365, brand: 'Cao Nguyên Sơn La',
      standards: [{ kind: 'tcvn', code: 'TCVN 5251:2015', title: 'Cà phê bột' }], certifications: [{ kind: 'haccp', number: 'HACCP-2025-0178', issuer: 'Tổ chức chứng nhận Vinacert', validFrom: date(300), validTo: date(-800) }],
      ocop: { stars: 4, certificateNumber: '1987/GCN-UBND', decision: 'Quyết định 2413/QĐ-UBND tỉnh Sơn La', expiresOn: date(-700) }, protectedMark: { kind: 'geographical_indication', name: 'Cà phê Sơn La' },
      keyProduct: true, safetyWarnings: 'Người mẫn cảm với caffeine nên dùng lượng vừa phải.', originPlaceId: mill.id,
    });
    const cherryLot = await catalog.lots.create(ctx, { productId: cherry.id, lotCode: 'CQ-2026-01', harvestDate: date(60), quantity: 12000, unit: 'kg', originPlaceId: farm.id });
    await diary(ctx, cherryLot.id, [
      { kind: 'fertilising', occurredAt: day(150), placeId: farm.id, input: { name: 'Phân chuồng ủ hoai', dose: 10, doseUnit: 'kg/cây' } },
      { kind: 'harvesting', occurredAt: day(60, 7), placeId: farm.id, quantity: 12000, unit: 'kg', notes: 'Hái chọn quả chín đỏ trên 95 %' },
    ]);
    const greenLot = await catalog.lots.create(ctx, { productId: green.id, lotCode: 'CN-2026-01', productionDate: date(40), expiryDate: date(-680), quantity: 2000, unit: 'kg', originPlaceId: mill.id });
    await diary(ctx, greenLot.id, [{ kind: 'processing', method: 'wet_processing', occurredAt: day(45, 8), placeId: mill.id, inputLots: [{ lotId: cherryLot.id, quantity: 12000 }], quantity: 2000, unit: 'kg', notes: 'Chế biến ướt, phơi giàn 14 ngày' }]);
    const roastedLot = await catalog.lots.create(ctx, { productId: roasted.id, lotCode: 'CR-2026-03', productionDate: date(8), expiryDate: date(-357), quantity: 1600, unit: 'gói', originPlaceId: mill.id });
    await diary(ctx, roastedLot.id, [
      { kind: 'processing', method: 'roasting', occurredAt: day(9, 9), placeId: mill.id, inputLots: [{ lotId: greenLot.id, quantity: 1000 }], quantity: 1600, unit: 'gói', notes: 'Rang vừa (medium)' },
      { kind: 'packing', occurredAt: day(8, 10), placeId: mill.id, quantity: 1600, unit: 'gói' },
      { kind: 'shipping', occurredAt: day(7, 6), placeId: mill.id, partner: { name: 'Siêu thị WinMart Sơn La' }, quantity: 400, unit: 'gói' },
    ]);
  }

  // Chè Shan tuyết Mộc Châu: leaf picking → processing (withering, rolling, drying) → packaging.
  {
    const ctx = await as('thang@chemocsuong.example');
    const mocChau = await commune('Mộc Châu');
    const hill = await catalog.places.create(ctx, { kind: 'planting_area', name: 'Đồi chè Shan tuyết cổ thụ Tà Phềnh', communeId: mocChau, address: 'Tiểu khu Bó Bun', latitude: 20.8421, longitude: 104.6503, plantingAreaCode: 'VN-SLOR-0210', areaHa: 9.2 });
    const workshop = await catalog.places.create(ctx, { kind: 'processing_facility', name: 'Xưởng chè HTX Mộc Sương', communeId: mocChau, address: 'Tiểu khu Bó Bun, phường Mộc Châu' });
    const leaf = await catalog.products.create(ctx, { nameVi: 'Búp chè Shan tuyết tươi', category: 'tea', unit: 'kg', originPlaceId: hill.id });
    const tea = await published(ctx, {
      nameVi: 'Chè Shan tuyết Mộc Châu', nameEn: 'Moc Chau Shan Tuyet tea', category: 'tea', sector: 'agriculture-environment', unit: 'hộp 200 g', shelfLifeDays: 540,
      standards: [{ kind: 'tcvn', code: 'TCVN 1455:1993', title: 'Chè xanh' }], certifications: [{ kind: 'organic', number: 'ORG-VN-2025-044', issuer: 'Tổ chức chứng nhận hữu cơ Việt Nam', validFrom: date(200), validTo: date(-500) }],
      ocop: { stars: 4, certificateNumber: '1631/GCN-UBND', decision: 'Quyết định 1631/QĐ-UBND tỉnh Sơn La', expiresOn: date(-400) }, protectedMark: { kind: 'geographical_indication', name: 'Chè Shan tuyết Mộc Châu' },
      keyProduct: true, riskClass: 'low', safetyWarnings: 'Bảo quản nơi khô ráo, tránh ánh nắng.', originPlaceId: workshop.id,
    });
    const leafLot = await catalog.lots.create(ctx, { productId: leaf.id, lotCode: 'BC-XUAN-01', harvestDate: date(25), quantity: 800, unit: 'kg', originPlaceId: hill.id });
    await diary(ctx, leafLot.id, [
      { kind: 'fertilising', occurredAt: day(70), placeId: hill.id, input: { name: 'Phân hữu cơ ủ từ lá và phân trâu bò', dose: 3, doseUnit: 'tấn/ha' } },
      { kind: 'harvesting', occurredAt: day(25, 6), placeId: hill.id, quantity: 800, unit: 'kg', notes: 'Hái một tôm hai lá' },
    ]);
    const teaLot = await catalog.lots.create(ctx, { productId: tea.id, lotCode: 'SHT-2026-05', productionDate: date(22), expiryDate: date(-518), quantity: 850, unit: 'hộp', originPlaceId: workshop.id });
    await diary(ctx, teaLot.id, [
      { kind: 'processing', method: 'drying', occurredAt: day(24, 8), placeId: workshop.id, inputLots: [{ lotId: leafLot.id, quantity: 800 }], quantity: 170, unit: 'kg', notes: 'Héo, vò, sao khô bằng tay' },
      { kind: 'packing', occurredAt: day(22, 9), placeId: workshop.id, quantity: 850, unit: 'hộp' },
    ]);
  }

  // Fresh milk: the barn, pasteurisation and a cold chain to the shop.
  {
    const ctx = await as('mai@suathaonguyenxanh.example');
    const thaoNguyen = await commune('Thảo Nguyên');
    const barn = await catalog.places.create(ctx, { kind: 'barn', name: 'Trại bò sữa Tiểu khu 70', communeId: thaoNguyen, address: 'Tiểu khu 70, phường Thảo Nguyên', latitude: 20.8712, longitude: 104.6789, gln: gtin('893634567', 901) });
    const plant = await catalog.places.create(ctx, { kind: 'processing_facility', name: 'Nhà máy sữa Thảo Nguyên Xanh', communeId: thaoNguyen, address: 'Tiểu khu 70, phường Thảo Nguyên', gln: gtin('893634567', 902) });
    const shop = await catalog.places.create(ctx, { kind: 'shop', name: 'Cửa hàng sữa Thảo Nguyên Xanh Mộc Châu', communeId: await commune('Mộc Châu'), address: 'Quốc lộ 6, phường Mộc Châu' });
    const raw = await catalog.products.create(ctx, { gtin: gtin('893634567', 1), nameVi: 'Sữa bò tươi nguyên liệu', category: 'dairy', unit: 'lít', shelfLifeDays: 2, riskClass: 'high', originPlaceId: barn.id });
    const milk = await published(ctx, {
      gtin: gtin('893634567', 2), nameVi: 'Sữa tươi thanh trùng Thảo Nguyên Xanh', nameEn: 'Thao Nguyen Xanh pasteurised fresh milk', category: 'dairy', sector: 'industry-trade', unit: 'chai 1 lít', shelfLifeDays: 7, brand: 'Thảo Nguyên Xanh',
      standards: [{ kind: 'qcvn', code: 'QCVN 5-1:2010/BYT', title: 'Sản phẩm sữa dạng lỏng' }], certifications: [{ kind: 'haccp', number: 'HACCP-2025-0412', issuer: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1', validFrom: date(250), validTo: date(-850) }],
      ocop: { stars: 4, certificateNumber: '2455/GCN-UBND', decision: 'Quyết định 2455/QĐ-UBND tỉnh Sơn La', expiresOn: date(-600) },
      riskClass: 'medium', safetyWarnings: 'Bảo quản lạnh 2–6 °C; dùng trong 24 giờ sau khi mở.', originPlaceId: plant.id,
    });
    const rawLot = await catalog.lots.create(ctx, { productId: raw.id, lotCode: `SN-${date(3).replace(/-/g, '')}`, harvestDate: date(3), expiryDate: date(1), quantity: 3000, unit: 'lít', originPlaceId: barn.id });
    await diary(ctx, rawLot.id, [{ kind: 'harvesting', occurredAt: day(3, 5), placeId: barn.id, quantity: 3000, unit: 'lít', notes: 'Vắt sữa sáng, làm lạnh ngay 4 °C' }]);
    const milkLot = await catalog.lots.create(ctx, { productId: milk.id, lotCode: `TT-${date(3).replace(/-/g, '')}`, productionDate: date(3), expiryDate: date(-4), quantity: 2900, unit: 'chai', originPlaceId: plant.id });
    await diary(ctx, milkLot.id, [
      { kind: 'processing', method: 'pasteurising', occurredAt: day(3, 9), placeId: plant.id, inputLots: [{ lotId: rawLot.id, quantity: 3000 }], quantity: 2900, unit: 'chai', notes: 'Thanh trùng 75 °C, 15 giây' },
      { kind: 'packing', occurredAt: day(3, 11), placeId: plant.id, quantity: 2900, unit: 'chai' },
      { kind: 'shipping', occurredAt: day(2, 5), placeId: plant.id, partner: { name: 'Cửa hàng sữa Thảo Nguyên Xanh Mộc Châu' }, quantity: 600, unit: 'chai', notes: 'Xe lạnh 4 °C' },
      { kind: 'receiving', occurredAt: day(2, 8), placeId: shop.id, partner: { name: 'Nhà máy sữa Thảo Nguyên Xanh' }, quantity: 600, unit: 'chai' },
      { kind: 'selling', occurredAt: day(1, 10), placeId: shop.id, quantity: 250, unit: 'chai' },
    ]);
  }
}
