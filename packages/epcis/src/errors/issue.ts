// Typed problems reported by the pure EPCIS package (docs/contributing.md "Errors"): a stable code, where
// it happened (event index, JSON pointer or XML path, text position) and parameters for the message.
import type { EpcisIssueCode } from './messages.ts';

export interface TextPosition {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export interface EpcisIssue {
  readonly code: EpcisIssueCode;
  /** Index of the event in the document's event list (0-based), when the issue belongs to one event. */
  readonly eventIndex?: number;
  /** RFC 6901 JSON pointer from the document root (JSON input, or the JSON rendering of XML input). */
  readonly pointer?: string;
  /** XPath-like location for XML input, e.g. `/EPCISDocument/EPCISBody/EventList/ObjectEvent[2]/action`. */
  readonly xmlPath?: string;
  readonly position?: TextPosition;
  /** Message parameters; `reason` carries the detailed English explanation when there is one. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function issue(
  code: EpcisIssueCode,
  where: Omit<EpcisIssue, 'code'> = {},
): EpcisIssue {
  const out: { -readonly [K in keyof EpcisIssue]: EpcisIssue[K] } = { code };
  if (where.eventIndex !== undefined) out.eventIndex = where.eventIndex;
  if (where.pointer !== undefined) out.pointer = where.pointer;
  if (where.xmlPath !== undefined) out.xmlPath = where.xmlPath;
  if (where.position !== undefined) out.position = where.position;
  if (where.params !== undefined) out.params = where.params;
  return out;
}

/** A short text for any input value in a message (never throws, even on objects without a prototype). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value)?.slice(0, 100) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/** RFC 6901 §4: escape one reference token. */
export function pointerToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  let out = base;
  for (const t of tokens) out += '/' + pointerToken(t);
  return out;
}

/** The event index named by a pointer into a document or query document, if any. */
export function eventIndexOfPointer(pointer: string): number | undefined {
  const m = /^\/epcisBody\/(?:eventList|queryResults\/resultsBody\/eventList)\/(\d+)(?:\/|$)/.exec(pointer);
  return m ? Number(m[1]) : undefined;
}
