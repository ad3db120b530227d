// The one HTTP client of the portal: same-origin JSON under /api/v1, the session's CSRF token on every
// state-changing request, problem+json turned into ProblemError, and session-level failures (401, enrolment
// required) handed to whoever registered for them (the auth context).
import { CLIENT_PROBLEM_CODES, ProblemError, parseProblem, type Problem } from './problem.ts';

export const API_BASE = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Readonly<Record<string, QueryValue | readonly QueryValue[]>>;

export interface RequestOptions {
  readonly query?: Query;
  readonly signal?: AbortSignal;
  /** Do not treat 401 as "session ended" (sign-in, /me at start-up, public routes). */
  readonly anonymousOk?: boolean;
}

type SessionEvent = { kind: 'unauthenticated' } | { kind: 'mfa-enrolment-required' };

let csrfToken: string | null = null;
let language = 'vi';
let sessionListener: ((event: SessionEvent, problem: Problem) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sent as Accept-Language; the `txng_lang` cookie carries the same choice. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

export function onSessionEvent(listener: ((event: SessionEvent, problem: Problem) => void) | null): void {
  sessionListener = listener;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values as QueryValue[]) if (v !== undefined && v !== null && v !== '') params.append(key, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

const SAFE = new Set(['GET', 'HEAD']);

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ProblemError({ status: 0, code: CLIENT_PROBLEM_CODES.network, detail: 'Network error' });
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const problem = parseProblem(response.status, parsed);
    if (response.status === 401 && !options.anonymousOk) sessionListener?.({ kind: 'unauthenticated' }, problem);
    if (response.status === 403 && problem.code === 'MFA_ENROLMENT_REQUIRED') sessionListener?.({ kind: 'mfa-enrolment-required' }, problem);
    throw new ProblemError(problem);
  }
  if (text && parsed === undefined) throw new ProblemError({ status: response.status, code: CLIENT_PROBLEM_CODES.unreadable, detail: 'Unreadable response' });
  // The boundary: the server's response schemas (OpenAPI) guarantee the shape named by T.
  return parsed as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
