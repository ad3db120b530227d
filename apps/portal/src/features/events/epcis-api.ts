// The EPCIS 2.0 REST binding as the portal uses it (apps/server/src/modules/epcis/http): the event query a page
// at a time (the next page's URL comes in `Link: <…>; rel="next"`), one event, capture of a file and the capture
// job it starts. It lives under /epcis, beside /api/v1, so it has its own fetch; the session cookie and the
// CSRF token authenticate it as they do the rest of the API.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { CLIENT_PROBLEM_CODES, ProblemError, parseProblem } from '../../api/problem.ts';

export const EPCIS_BASE = '/epcis';

/** An event in EPCIS 2.0 JSON-LD (EPCIS 2.0 §7.4), the fields the portal reads; everything else stays in `raw`. */
export interface EpcisEvent {
  readonly type: string;
  readonly eventID?: string;
  readonly eventTime: string;
  readonly eventTimeZoneOffset?: string;
  readonly recordTime?: string;
  readonly action?: string;
  readonly bizStep?: string;
  readonly disposition?: string;
  readonly readPoint?: { readonly id: string };
  readonly bizLocation?: { readonly id: string };
  readonly parentID?: string;
  readonly epcList?: readonly string[];
  readonly childEPCs?: readonly string[];
  readonly inputEPCList?: readonly string[];
  readonly outputEPCList?: readonly string[];
  readonly quantityList?: readonly Quantity[];
  readonly childQuantityList?: readonly Quantity[];
  readonly inputQuantityList?: readonly Quantity[];
  readonly outputQuantityList?: readonly Quantity[];
  readonly sourceList?: readonly { readonly type: string; readonly source: string }[];
  readonly destinationList?: readonly { readonly type: string; readonly destination: string }[];
  readonly bizTransactionList?: readonly { readonly type?: string; readonly bizTransaction: string }[];
  readonly errorDeclaration?: { readonly declarationTime: string; readonly reason?: string };
}

export interface Quantity {
  readonly epcClass: string;
  readonly quantity?: number;
  readonly uom?: string;
}

export interface EventPage {
  readonly events: readonly EpcisEvent[];
  /** The URL of the next page, as the server wrote it, or null on the last page. */
  readonly next: string | null;
}

/** One error of a capture job (RFC 9457 problem naming the failing event: index, JSON pointer or XML path). */
export interface CaptureProblem {
  readonly code: string;
  readonly detail: string;
  readonly messages: { readonly vi: string; readonly en: string };
  readonly eventIndex?: number;
  readonly pointer?: string;
  readonly xmlPath?: string;
  readonly line?: number;
  readonly column?: number;
}

/** GET /epcis/capture/{captureID} (OpenAPI CaptureJob plus counts and warnings). */
export interface CaptureJob {
  readonly captureID: string;
  readonly createdAt: string;
  readonly finishedAt?: string;
  readonly running: boolean;
  readonly success: boolean;
  readonly captureErrorBehaviour: 'rollback' | 'proceed';
  readonly errors: readonly CaptureProblem[];
  readonly format: string;
  readonly eventCount: number;
  readonly storedCount: number;
  readonly duplicateCount: number;
  readonly warnings: readonly CaptureProblem[];
}

export type CaptureBehaviour = 'rollback' | 'proceed';

/** How identifiers come back (GS1-EPC-Format): as captured, or all as GS1 Digital Links (one form to read). */
export type EpcFormat = 'No_Preference' | 'Always_GS1_Digital_Link';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function send(url: string, init: RequestInit & { headers: Record<string, string> }, language: string): Promise<{ response: Response; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init, headers: { 'accept-language': language, ...init.headers } });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ProblemError({ status: 0, code: CLIENT_PROBLEM_CODES.network, detail: 'Network error' });
  }
  // The session ended: asking /me through the API client lets it do what it does for any 401 (back to sign-in).
  if (response.status === 401) void api.get('/me').catch(() => undefined);
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { response, body };
}

/** `Link: <url>; rel="next"` (RFC 8288), the REST binding's keyset paging. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1]!;
  }
  return null;
}

function eventList(body: unknown): EpcisEvent[] {
  // EPCISQueryDocument: epcisBody.queryResults.resultsBody.eventList (EPCIS 2.0 §9.5).
  const results = isRecord(body) && isRecord(body.epcisBody) && isRecord(body.epcisBody.queryResults) && isRecord(body.epcisBody.queryResults.resultsBody)
    ? body.epcisBody.queryResults.resultsBody.eventList
    : undefined;
  if (!Array.isArray(results)) throw new ProblemError({ status: 200, code: CLIENT_PROBLEM_CODES.unreadable, detail: 'Not an EPCISQueryDocument' });
  return results.filter(isRecord) as unknown as EpcisEvent[];
}

/** One page of events: `url` is /epcis/events with query parameters, or a next-page URL the server gave. */
export async function fetchEventPage(url: string, format: EpcFormat, language: string, signal?: AbortSignal): Promise<EventPage> {
  const { response, body } = await send(url, { headers: { accept: 'application/ld+json', 'GS1-EPC-Format': format }, ...(signal ? { signal } : {}) }, language);
  if (!response.ok) throw new ProblemError(parseProblem(response.status, body));
  return { events: eventList(body), next: nextLink(response.headers.get('link')) };
}

export function eventsUrl(params: URLSearchParams): string {
  const qs = params.toString();
  return `${EPCIS_BASE}/events${qs ? `?${qs}` : ''}`;
}

export function useEventPage(url: string, language: string) {
  return useQuery({
    queryKey: ['epcis', 'events', url, language],
    enabled: url !== '',
    queryFn: ({ signal }) => fetchEventPage(url, 'Always_GS1_Digital_Link', language, signal),
    placeholderData: keepPreviousData,
  });
}

/** One event, in both forms: identifiers as Digital Links (to read) and as captured (the JSON-LD shown raw). */
export function useEvent(eventID: string, language: string) {
  return useQuery({
    queryKey: ['epcis', 'event', eventID, language],
    enabled: eventID !== '',
    queryFn: async ({ signal }) => {
      const url = `${EPCIS_BASE}/events/${encodeURIComponent(eventID)}`;
      const [readable, asCaptured] = await Promise.all([fetchEventPage(url, 'Always_GS1_Digital_Link', language, signal), fetchEventPage(url, 'No_Preference', language, signal)]);
      return { event: readable.events[0] ?? null, raw: asCaptured.events[0] ?? null };
    },
  });
}

/** The media type of an EPCIS file: by its name, else by its first character (JSON-LD `{`, XML `<`). */
export async function captureMediaType(file: File): Promise<'application/ld+json' | 'application/xml'> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xml')) return 'application/xml';
  if (name.endsWith('.json') || name.endsWith('.jsonld')) return 'application/ld+json';
  const head = (await file.slice(0, 256).text()).trimStart();
  return head.startsWith('<') ? 'application/xml' : 'application/ld+json';
}

/**
 * POST /epcis/capture. The server answers 202 with the job and its Location, or — in rollback mode, when the
 * whole document was refused while the request waited — 400 with the same Location; either way the job is
 * where the outcome is read. Anything else (too large, wrong media type, no session) is a problem.
 */
export async function submitCapture(file: File, behaviour: CaptureBehaviour, csrfToken: string, language: string): Promise<string> {
  const { response, body } = await send(`${EPCIS_BASE}/capture`, {
    method: 'POST',
    body: file,
    headers: {
      'content-type': await captureMediaType(file),
      accept: 'application/json, application/problem+json',
      'x-csrf-token': csrfToken,
      'GS1-Capture-Error-Behaviour': behaviour,
    },
  }, language);
  const location = response.headers.get('location');
  const id = location ? /\/capture\/([^/?#]+)$/.exec(location)?.[1] : undefined;
  if ((response.ok || response.status === 400) && id) return decodeURIComponent(id);
  throw new ProblemError(parseProblem(response.status, body));
}

export async function fetchCaptureJob(id: string, language: string, signal?: AbortSignal): Promise<CaptureJob> {
  const { response, body } = await send(`${EPCIS_BASE}/capture/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) }, language);
  if (!response.ok) throw new ProblemError(parseProblem(response.status, body));
  return body as CaptureJob;
}

/** A capture job, asked again every second while it runs (its state lives on the server: a reload shows it). */
export function useCaptureJob(id: string | null, language: string) {
  return useQuery({
    queryKey: ['epcis', 'capture', id ?? '', language],
    enabled: Boolean(id),
    queryFn: ({ signal }) => fetchCaptureJob(id!, language, signal),
    refetchInterval: (query) => (query.state.data?.running ? 1000 : false),
  });
}
