// How an identity of a trace is named on screen: the product in the reader's language, then the code that tells
// this one apart (lot, serial, SSCC, GLN), or the end of its URI when nothing else is known.
import type { TraceNode } from './api.ts';

export function productName(n: Pick<TraceNode, 'product'>, lang: string): string | null {
  if (!n.product) return null;
  return lang === 'en' && n.product.nameEn ? n.product.nameEn : n.product.nameVi;
}

export function nodeCode(n: TraceNode): string {
  if (n.serial) return n.lot ? `${n.lot} · ${n.serial}` : n.serial;
  if (n.lot) return n.lot;
  if (n.sscc) return n.sscc;
  if (n.gln) return n.gln;
  if (n.gtin) return n.gtin;
  const tail = n.id.split('/').filter(Boolean).pop() ?? n.id;
  return tail.length > 14 ? `${tail.slice(0, 8)}…` : tail;
}

export const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
