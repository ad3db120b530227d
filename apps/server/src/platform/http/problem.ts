// RFC 9457 problem details: the one place where failures become HTTP responses. Every problem carries a stable
// `code`, the message in the negotiated language (`detail`), both languages (`messages`), and per-field errors.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, CommonErrors, STATUS_OF_KIND, type FieldProblem } from '../errors.ts';
import { translate, translateBoth, type Lang } from '../i18n/messages.ts';
import { S3RequestError } from '../object-storage/s3-client.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface ProblemField {
  readonly in: 'body' | 'query' | 'path' | 'header';
  readonly pointer: string;
  readonly code: string;
  readonly detail: string;
  readonly messages: { vi: string; en: string };
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: string;
  readonly messages: { vi: string; en: string };
  readonly errors?: ProblemField[];
  readonly requestId: string;
  readonly [extension: string]: unknown;
}

const TITLES: Record<number, { vi: string; en: string }> = {
  400: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  401: { vi: 'Chưa xác thực', en: 'Unauthorized' },
  403: { vi: 'Không có quyền', en: 'Forbidden' },
  404: { vi: 'Không tìm thấy', en: 'Not found' },
  405: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  406: { vi: 'Không thể đáp ứng định dạng yêu cầu', en: 'Not acceptable' },
  409: { vi: 'Xung đột dữ liệu', en: 'Conflict' },
  410: { vi: 'Không còn tồn tại', en: 'Gone' },
  413: { vi: 'Dữ liệu quá lớn', en: 'Payload too large' },
  415: { vi: 'Kiểu dữ liệu không được hỗ trợ', en: 'Unsupported media type' },
  422: { vi: 'Không xử lý được', en: 'Unprocessable content' },
  429: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  500: { vi: 'Lỗi hệ thống', en: 'Internal server error' },
  503: { vi: 'Dịch vụ tạm ngưng', en: 'Service unavailable' },
};

function langOf(request: FastifyRequest): Lang {
  return (request as FastifyRequest & { lang?: Lang }).lang ?? 'vi';
}

function field(f: FieldProblem & { in?: ProblemField['in'] }, lang: Lang): ProblemField {
  return {
    in: f.in ?? 'body',
    pointer: f.pointer,
    code: f.code,
    detail: translate(f.code, lang, f.params),
    messages: translateBoth(f.code, f.params),
  };
}

export function buildProblem(
  request: FastifyRequest,
  status: number,
  code: string,
  params: Readonly<Record<string, unknown>> = {},
  fields: readonly (FieldProblem & { in?: ProblemField['in'] })[] = [],
  extensions: Readonly<Record<string, unknown>> = {},
): Problem {
  const lang = langOf(request);
  const title = TITLES[status] ?? TITLES[status >= 500 ? 500 : 400]!;
  return {
    type: `/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: title[lang],
    status,
    detail: translate(code, lang, params),
    instance: request.url.split('?')[0] ?? request.url,
    code,
    messages: translateBoth(code, params),
    ...(fields.length ? { errors: fields.map((f) => field(f, lang)) } : {}),
    requestId: String(request.id),
    ...extensions,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (typeof problem.retryAfter === 'number') reply.header('retry-after', String(problem.retryAfter));
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const PART: Record<string, ProblemField['in']> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/** Translates request-schema (ajv) errors into field problems with JSON pointers. */
export function fieldsFromValidation(errors: readonly AjvError[], context: string | undefined): (FieldProblem & { in: ProblemField['in'] })[] {
  const where = PART[context ?? 'body'] ?? 'body';
  const out: (FieldProblem & { in: ProblemField['in'] })[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let pointer = e.instancePath || '';
    let code: string = CommonErrors.FIELD_INVALID;
    let params: Record<string, unknown> = {};
    switch (e.keyword) {
      case 'required':
        pointer += `/${String(e.params.missingProperty)}`;
        code = CommonErrors.FIELD_REQUIRED;
        break;
      case 'additionalProperties':
        pointer += `/${String(e.params.additionalProperty)}`;
        code = CommonErrors.FIELD_UNKNOWN;
        params = { property: e.params.additionalProperty };
        break;
      case 'type':
        code = CommonErrors.FIELD_TYPE;
        params = { type: e.params.type };
        break;
      case 'format':
        code = CommonErrors.FIELD_FORMAT;
        params = { format: e.params.format };
        break;
      case 'minLength':
        code = CommonErrors.FIELD_TOO_SHORT;
        params = { limit: e.params.limit };
        break;
      case 'maxLength':
        code = CommonErrors.FIELD_TOO_LONG;
        params = { limit: e.params.limit };
        break;
      case 'pattern':
        code = CommonErrors.FIELD_PATTERN;
        break;
      case 'enum':
        code = CommonErrors.FIELD_ENUM;
        params = { allowed: (e.params.allowedValues as unknown[] | undefined)?.join(', ') ?? '' };
        break;
      case 'const':
        code = CommonErrors.FIELD_ENUM;
        params = { allowed: String(e.params.allowedValue) };
        break;
      case 'minimum':
      case 'exclusiveMinimum':
        code = CommonErrors.FIELD_MINIMUM;
        params = { limit: e.params.limit };
        break;
      case 'maximum':
      case 'exclusiveMaximum':
        code = CommonErrors.FIELD_MAXIMUM;
        params = { limit: e.params.limit };
        break;
      case 'minItems':
        code = CommonErrors.FIELD_TOO_FEW_ITEMS;
        params = { limit: e.params.limit };
        break;
      case 'maxItems':
        code = CommonErrors.FIELD_TOO_MANY_ITEMS;
        params = { limit: e.params.limit };
        break;
      case 'uniqueItems':
        code = CommonErrors.FIELD_DUPLICATE_ITEMS;
        break;
      default:
        break;
    }
    if (where !== 'body' && pointer.startsWith('/')) pointer = pointer.slice(1);
    const key = `${where}:${pointer}:${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ in: where, pointer: pointer || (where === 'body' ? '' : context ?? ''), code, params });
  }
  return out;
}

/** Fastify's own errors (body parsing, limits) mapped to our codes. */
function fromFastifyError(err: FastifyError): { status: number; code: string; params: Record<string, unknown> } | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: CommonErrors.PAYLOAD_TOO_LARGE, params: { limit: 'configured limit' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: CommonErrors.UNSUPPORTED_MEDIA_TYPE, params: { contentType: err.message.replace(/^.*: /, '') } };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: CommonErrors.MALFORMED_JSON, params: { reason: err.message } };
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_TYPE':
      return { status: 415, code: CommonErrors.UNSUPPORTED_MEDIA_TYPE, params: { contentType: 'unknown' } };
    default:
      break;
  }
  if (err instanceof SyntaxError && err.statusCode === 400) {
    return { status: 400, code: CommonErrors.MALFORMED_JSON, params: { reason: err.message } };
  }
  return undefined;
}

export function problemFromError(err: unknown, request: FastifyRequest): { problem: Problem; internal: boolean } {
  if (err instanceof AppError) {
    return {
      problem: buildProblem(request, STATUS_OF_KIND[err.kind], err.code, err.params, err.fields, err.extensions),
      internal: false,
    };
  }
  const fe = err as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (Array.isArray(fe.validation)) {
    return {
      problem: buildProblem(request, 400, CommonErrors.VALIDATION_FAILED, {}, fieldsFromValidation(fe.validation, fe.validationContext)),
      internal: false,
    };
  }
  const mapped = fromFastifyError(fe);
  if (mapped) return { problem: buildProblem(request, mapped.status, mapped.code, mapped.params), internal: false };
  if (typeof fe.statusCode === 'number' && fe.statusCode === 429) {
    return { problem: buildProblem(request, 429, CommonErrors.RATE_LIMITED, { retryAfter: 60 }), internal: false };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { problem: buildProblem(request, fe.statusCode, CommonErrors.VALIDATION_FAILED), internal: false };
  }
  // The object store (S3-compatible files or ledger tiles) failing is the operator's outage, not a fault of this
  // request: the caller is told to come back (503 + Retry-After); the log still gets the whole error.
  if (causeOfType(err, S3RequestError)) {
    return { problem: buildProblem(request, 503, CommonErrors.STORAGE_UNAVAILABLE, { retryAfter: STORAGE_RETRY_AFTER_S }, [], { retryAfter: STORAGE_RETRY_AFTER_S }), internal: true };
  }
  return { problem: buildProblem(request, 500, CommonErrors.INTERNAL_ERROR, { requestId: String(request.id) }), internal: true };
}

const STORAGE_RETRY_AFTER_S = 30;

/** `err` or one of its causes (a few levels: wrappers add context) when it is an instance of `type`. */
function causeOfType<T>(err: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) if (e instanceof type) return e;
  return undefined;
}
