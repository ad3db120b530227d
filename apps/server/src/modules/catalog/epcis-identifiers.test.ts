// Lots and places carry the identifier EPCIS events name them by (lot `epcClass`, place `epcisId`), so that the
// portal's event browser can ask /epcis/events for a lot or a place — also for records without GS1 keys (a lot of
// a product with no GTIN yet, a planting area with no GLN), which events name by this installation's URIs.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, fixedClock, type TestSystem } from '../../../test/harness.ts';
import { gtinFor, mangoBody, organizationWithPrefix, plantingAreaBody, provinceAdmin, upload, type TestOrganization } from './test-fixtures.ts';

let t: TestSystem;
let coop: TestOrganization;
const PREFIX = '893612888';
const clock = fixedClock('2026-07-20T03:00:00Z');

beforeAll(async () => {
  t = await createTestSystem({ clock });
  coop = await organizationWithPrefix(t, await provinceAdmin(t), PREFIX);
});
afterAll(async () => t?.close());

interface EventsPage { epcisBody: { queryResults: { resultsBody: { eventList: { eventID: string; bizStep: string }[] } } } }

async function eventsMatching(params: Record<string, string>): Promise<string[]> {
  const res = await coop.admin.request('GET', `/epcis/events?${new URLSearchParams(params).toString()}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as EventsPage).epcisBody.queryResults.resultsBody.eventList.map((e) => e.bizStep);
}

describe('EPCIS identifiers of lots and places', () => {
  it('names a lot and a place without GS1 keys so that an event query finds their diary steps', async () => {
    const place = await coop.admin.request('POST', '/api/v1/places', plantingAreaBody('VN-SLOR-0888'));
    expect(place.statusCode, place.body).toBe(201);
    const product = (await coop.admin.request('POST', '/api/v1/products', mangoBody(null))).json();
    const lot = await coop.admin.request('POST', '/api/v1/lots', { productId: product.id, lotCode: 'KHONG-GTIN-01' });
    expect(lot.statusCode, lot.body).toBe(201);
    const placeView = (await coop.admin.request('GET', `/api/v1/places/${place.json().id}`)).json();
    const lotView = (await coop.admin.request('GET', `/api/v1/lots/${lot.json().id}`)).json();
    expect(placeView.epcisId).toMatch(new RegExp(`/id/place/${placeView.id}$`));
    expect(lotView.epcClass).toMatch(new RegExp(`/id/lot/${lotView.id}$`));
    expect(lotView.lgtin).toBeNull();

    const harvest = await coop.admin.request('POST', '/api/v1/diary', { lotId: lotView.id, placeId: placeView.id, kind: 'harvesting', occurredAt: '2026-07-04T06:00', quantity: 900, unit: 'kg' });
    expect(harvest.statusCode, harvest.body).toBe(201);
    const other = await coop.admin.request('POST', '/api/v1/diary', { lotId: lotView.id, kind: 'irrigation', occurredAt: '2026-07-05T06:00' });
    expect(other.statusCode, other.body).toBe(201);

    expect(await eventsMatching({ MATCH_anyEPCClass: lotView.epcClass })).toHaveLength(2);
    expect(await eventsMatching({ EQ_bizLocation: placeView.epcisId })).toEqual(['https://id.txng.sonla.gov.vn/voc/bizStep-harvesting']);
    // The list answers carry them too.
    const places = (await coop.admin.request('GET', '/api/v1/places')).json();
    expect(places.items.find((p: { id: string }) => p.id === placeView.id).epcisId).toBe(placeView.epcisId);
    const lots = (await coop.admin.request('GET', '/api/v1/lots')).json();
    expect(lots.items.find((l: { id: string }) => l.id === lotView.id).epcClass).toBe(lotView.epcClass);
  });

  it('names a lot with a GTIN by its Digital Link, and a place with a GLN and sub-location by AI 414 + 254', async () => {
    const gln = gtinFor(PREFIX, 901);
    const place = await coop.admin.request('POST', '/api/v1/places', { kind: 'warehouse', name: 'Kho lạnh', communeId: 46, gln, glnExtension: 'K1' });
    expect(place.statusCode, place.body).toBe(201);
    expect(place.json().epcisId).toBe(`https://id.gs1.org/414/${gln}/254/K1`);
    const gtin = gtinFor(PREFIX, 7);
    const product = (await coop.admin.request('POST', '/api/v1/products', mangoBody(gtin))).json();
    const lot = await coop.admin.request('POST', '/api/v1/lots', { productId: product.id, lotCode: 'CO-GTIN-01' });
    expect(lot.json().epcClass).toBe(`https://id.gs1.org/01/0${gtin}/10/CO-GTIN-01`);

    expect((await coop.admin.request('POST', '/api/v1/diary', { lotId: lot.json().id, placeId: place.json().id, kind: 'shipping', occurredAt: '2026-07-06T06:00', partner: { name: 'Chợ Long Biên' } })).statusCode).toBe(201);
    expect(await eventsMatching({ MATCH_anyEPCClass: lot.json().epcClass, EQ_bizLocation: place.json().epcisId })).toEqual(['shipping']);

    // A step imported from a spreadsheet names the place exactly as the form does (sub-location included).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhật ký');
    ws.addRow(['Sản phẩm (GTIN hoặc tên) *', 'Mã lô *', 'Công đoạn *', 'Thời gian *', 'Mã địa điểm']);
    ws.addRow([gtin, 'CO-GTIN-01', 'Tưới nước', '06/07/2026 07:00', place.json().internalCode]);
    const imported = await upload(t, coop.admin, '/api/v1/imports?list=diary', 'nhat-ky.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().errors).toEqual([]);
    const commit = await coop.admin.request('POST', `/api/v1/imports/${imported.json().id}/commit`, { mode: 'all-or-nothing' });
    expect(commit.json()).toMatchObject({ status: 'committed', committedRows: 1 });
    expect(await eventsMatching({ MATCH_anyEPCClass: lot.json().epcClass, EQ_bizLocation: place.json().epcisId })).toHaveLength(2);
  });
});
