// RFC 9457 problem details as the server sends them (apps/server/src/platform/http/problem.ts), parsed from
// untrusted JSON into a typed value, and the error class every API call rejects with.
export type Lang = 'vi' | 'en';

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

export interface ProblemFieldError {
  readonly in: 'body' | 'query' | 'path' | 'header';
  /** JSON pointer into the request (RFC 6901), e.g. `/organization/taxCode`. */
  readonly pointer: string;
  readonly code: string;
  readonly detail: string;
  readonly messages?: Bilingual;
}

export interface Problem {
  readonly status: number;
  /** Stable UPPER_SNAKE code, e.g. `TOTP_REQUIRED`. */
  readonly code: string;
  /** Message in the request's language. */
  readonly detail: string;
  readonly title?: string;
  readonly messages?: Bilingual;
  readonly errors?: readonly ProblemFieldError[];
  readonly requestId?: string;
  /** Sign-in: the account needs a TOTP code. */
  readonly totpRequired?: boolean;
  /** Rate limits and lockouts: seconds to wait. */
  readonly retryAfter?: number;
}

/** Codes the portal makes itself when the server could not be reached or answered something unreadable. */
export const CLIENT_PROBLEM_CODES = { network: 'NETWORK_ERROR', unreadable: 'UNREADABLE_RESPONSE' } as const;

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`);
    this.name = 'ProblemError';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}

export function isProblemError(err: unknown): err is ProblemError {
  return err instanceof ProblemError;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function bilingual(v: unknown): Bilingual | undefined {
  if (!isRecord(v)) return undefined;
  const vi = str(v.vi);
  const en = str(v.en);
  return vi !== undefined && en !== undefined ? { vi, en } : undefined;
}

function fieldError(v: unknown): ProblemFieldError | undefined {
  if (!isRecord(v)) return undefined;
  const pointer = str(v.pointer);
  const code = str(v.code);
  if (pointer === undefined || code === undefined) return undefined;
  const where = str(v.in);
  const messages = bilingual(v.messages);
  return {
    in: where === 'query' || where === 'path' || where === 'header' ? where : 'body',
    pointer,
    code,
    detail: str(v.detail) ?? code,
    ...(messages ? { messages } : {}),
  };
}

/** Reads a problem+json body; anything unexpected still becomes a Problem with the HTTP status. */
export function parseProblem(status: number, body: unknown): Problem {
  if (!isRecord(body)) return { status, code: CLIENT_PROBLEM_CODES.unreadable, detail: `HTTP ${status}` };
  const messages = bilingual(body.messages);
  const errors = Array.isArray(body.errors) ? body.errors.map(fieldError).filter((e): e is ProblemFieldError => e !== undefined) : [];
  const title = str(body.title);
  const requestId = str(body.requestId);
  return {
    status: typeof body.status === 'number' ? body.status : status,
    code: str(body.code) ?? CLIENT_PROBLEM_CODES.unreadable,
    detail: str(body.detail) ?? title ?? `HTTP ${status}`,
    ...(title !== undefined ? { title } : {}),
    ...(messages ? { messages } : {}),
    ...(errors.length ? { errors } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(body.totpRequired === true ? { totpRequired: true } : {}),
    ...(typeof body.retryAfter === 'number' ? { retryAfter: body.retryAfter } : {}),
  };
}

/** The message of a problem (or one of its fields) in the language shown now, falling back to the server's. */
export function problemText(p: { detail: string; messages?: Bilingual }, lang: string): string {
  if (p.messages && (lang === 'vi' || lang === 'en')) return p.messages[lang];
  return p.detail;
}
