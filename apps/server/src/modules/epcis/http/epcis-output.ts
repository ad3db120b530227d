// Answers of the REST binding: content negotiation between JSON-LD and XML (EPCIS 2.0 §10, §9), the
// EPCISQueryDocument around query results, and the GS1-* version headers every answer carries.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writeJsonQueryDocument, writeXmlQueryDocument, type EpcisEvent, type EpcisQueryDocument } from '@txng/epcis';
import { AppError } from '../../../platform/errors.ts';
import { EpcisErrors } from '../messages.ts';
import { parseEpcFormat, translateEvent, type PrefixLengths } from './epc-format.ts';

export const EPCIS_VERSION = '2.0.1';
export const CBV_VERSION = '2.0.0';

export type MediaType = 'application/ld+json' | 'application/json' | 'application/xml' | 'text/xml';
const OFFERED: readonly MediaType[] = ['application/ld+json', 'application/json', 'application/xml', 'text/xml'];

/** The media type to answer in (RFC 9110 §12.5.1 Accept, with q-values); JSON-LD when anything goes. */
export function negotiate(accept: string | undefined): MediaType {
  if (!accept || !accept.trim()) return 'application/ld+json';
  const ranges = accept.split(',').map((part, i) => {
    const [range = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { range: range.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
  }).filter((r) => r.q > 0 && !Number.isNaN(r.q)).sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { range } of ranges) {
    if (range === '*/*' || range === 'application/*') return 'application/ld+json';
    if (range === 'text/*') return 'text/xml';
    const hit = OFFERED.find((t) => t === range);
    if (hit) return hit;
  }
  throw new AppError('not_acceptable', EpcisErrors.EPCIS_NOT_ACCEPTABLE);
}

const VERSION = /^2(\.\d+){0,2}$/;

/** GS1-EPCIS-Version / GS1-CBV-Version of a request must name a 2.x version (EPCIS 2.0 REST binding). */
export function checkVersions(request: FastifyRequest): void {
  for (const [header, supported] of [['gs1-epcis-version', EPCIS_VERSION], ['gs1-cbv-version', CBV_VERSION]] as const) {
    const value = request.headers[header];
    if (value !== undefined && !VERSION.test(String(value).trim())) {
      throw new AppError('not_acceptable', EpcisErrors.EPCIS_VERSION_UNSUPPORTED, { header, value: String(value), supported });
    }
  }
}

export function epcisHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('GS1-EPCIS-Version', EPCIS_VERSION).header('GS1-EPCIS-Min', '2.0.0').header('GS1-EPCIS-Max', EPCIS_VERSION)
    .header('GS1-CBV-Version', CBV_VERSION).header('GS1-CBV-Min', '2.0.0').header('GS1-CBV-Max', CBV_VERSION);
}

export interface OutputOptions {
  readonly queryName: string;
  readonly subscriptionID?: string;
  readonly prefixLengths: PrefixLengths;
  readonly now: Date;
}

/** Query results as an EPCISQueryDocument in the negotiated binding, identifiers as GS1-EPC-Format asks. */
export function writeQueryResults(request: FastifyRequest, events: readonly EpcisEvent[], options: OutputOptions): { type: MediaType; body: string } {
  const type = negotiate(request.headers.accept);
  const format = parseEpcFormat(request.headers['gs1-epc-format']);
  const doc: EpcisQueryDocument = {
    kind: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: options.now.toISOString(),
    namespaces: {},
    queryName: options.queryName,
    ...(options.subscriptionID ? { subscriptionID: options.subscriptionID } : {}),
    events: events.map((e) => translateEvent(e, format, options.prefixLengths)),
  };
  if (type === 'application/xml' || type === 'text/xml') {
    const cbv = String(request.headers['gs1-cbv-xml-format'] ?? '') === 'Always_Web_URI' ? 'web' : 'urn';
    return { type, body: writeXmlQueryDocument(doc, { cbvFormat: cbv }) };
  }
  return { type, body: JSON.stringify(writeJsonQueryDocument(doc)) };
}

export function send(reply: FastifyReply, status: number, out: { type: MediaType; body: string }): FastifyReply {
  return epcisHeaders(reply).code(status).type(`${out.type}; charset=utf-8`).send(out.body);
}
