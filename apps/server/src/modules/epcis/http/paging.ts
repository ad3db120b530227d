// Pagination of the REST binding's collections: `perPage` (default 30, at most 1000) and an opaque
// `nextPageToken`, with the next page's URL in a `Link: <…>; rel="next"` header (OpenAPI Link, PerPage).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { EpcisErrors, EpcisPackageCodes } from '../messages.ts';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../query/event-query.ts';

export function perPageOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PER_PAGE;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new AppError('invalid', EpcisErrors.EPCIS_QUERY_REJECTED, {}, [{ in: 'query', pointer: 'perPage', code: EpcisPackageCodes.EPCIS_QUERY_INVALID_VALUE, params: { name: 'perPage', reason: 'must be an integer ≥ 1' } } as FieldProblem]);
  }
  return Math.min(Number(value), MAX_PER_PAGE);
}

/** Sets `Link: <same path with these parameters replaced>; rel="next"`. */
export function linkNext(reply: FastifyReply, request: FastifyRequest, params: Record<string, string>): void {
  const [path = '', query = ''] = request.url.split('?');
  const search = new URLSearchParams(query);
  for (const [k, v] of Object.entries(params)) search.set(k, v);
  reply.header('Link', `<${path}?${search.toString()}>; rel="next"`);
}

const bad = () => new AppError('invalid', EpcisErrors.EPCIS_PAGE_TOKEN_INVALID, {}, [{ in: 'query', pointer: 'nextPageToken', code: EpcisErrors.EPCIS_PAGE_TOKEN_INVALID } as FieldProblem]);

export function encodeJobCursor(job: { createdAt: Date; id: string }): string {
  return Buffer.from(`${new Date(job.createdAt).toISOString()}|${job.id}`).toString('base64url');
}

export function decodeJobCursor(token: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw bad();
  return { createdAt, id: id! };
}

/** A token for a list ordered by a text key (named queries, subscriptions). */
export const encodeKey = (key: string): string => Buffer.from(key).toString('base64url');
export function decodeKey(token: string): string {
  const key = Buffer.from(token, 'base64url').toString('utf8');
  if (!key) throw bad();
  return key;
}
