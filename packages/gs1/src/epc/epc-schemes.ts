// The GS1 EPC URI schemes and how their fields map to GS1 element strings (GS1 EPC Tag Data Standard 2.1
// §6.3 pure identity URIs, §6.4 class URIs, §7 correspondence with GS1 keys, §8 pattern URIs).

export interface EpcScheme {
  readonly name: string;
  readonly kind: 'id' | 'class';
  /** The AI of the GS1 key the URI carries. */
  readonly keyAi: string;
  /** Number of "."-separated fields, the GCP first. */
  readonly fields: number;
  /** Digits of GCP + reference field when both are numeric (the key without check digit and add-ons). */
  readonly keyDigits?: number;
  /** The reference field's first digit (indicator or extension) goes before the GCP in the key. */
  readonly leadingFromReference?: boolean;
  /** A fixed digit written before the GCP in the AI value ("0" for GRAI, AI 8003). */
  readonly fixedLeading?: string;
  readonly checkDigit: boolean;
  /** Field 2 is appended to the key value after the check digit (serial component of GRAI, GDTI, SGCN). */
  readonly serialInKey?: boolean;
  /** Fields 2 and 3 are the ITIP piece and total, two digits each, appended after the check digit. */
  readonly pieceTotal?: boolean;
  /** A further AI carried in a field, omitted when the field equals `omitIf`. */
  readonly qualifier?: { readonly ai: string; readonly field: number; readonly omitIf?: string };
}

export const EPC_SCHEMES: readonly EpcScheme[] = [
  { name: 'sgtin', kind: 'id', keyAi: '01', fields: 3, keyDigits: 13, leadingFromReference: true, checkDigit: true, qualifier: { ai: '21', field: 2 } },
  { name: 'sscc', kind: 'id', keyAi: '00', fields: 2, keyDigits: 17, leadingFromReference: true, checkDigit: true },
  { name: 'sgln', kind: 'id', keyAi: '414', fields: 3, keyDigits: 12, checkDigit: true, qualifier: { ai: '254', field: 2, omitIf: '0' } },
  { name: 'grai', kind: 'id', keyAi: '8003', fields: 3, keyDigits: 12, fixedLeading: '0', checkDigit: true, serialInKey: true },
  { name: 'giai', kind: 'id', keyAi: '8004', fields: 2, checkDigit: false },
  { name: 'gsrn', kind: 'id', keyAi: '8018', fields: 2, keyDigits: 17, checkDigit: true },
  { name: 'gsrnp', kind: 'id', keyAi: '8017', fields: 2, keyDigits: 17, checkDigit: true },
  { name: 'gdti', kind: 'id', keyAi: '253', fields: 3, keyDigits: 12, checkDigit: true, serialInKey: true },
  { name: 'cpi', kind: 'id', keyAi: '8010', fields: 3, checkDigit: false, qualifier: { ai: '8011', field: 2 } },
  { name: 'sgcn', kind: 'id', keyAi: '255', fields: 3, keyDigits: 12, checkDigit: true, serialInKey: true },
  { name: 'ginc', kind: 'id', keyAi: '401', fields: 2, checkDigit: false },
  { name: 'gsin', kind: 'id', keyAi: '402', fields: 2, keyDigits: 16, checkDigit: true },
  { name: 'itip', kind: 'id', keyAi: '8006', fields: 5, keyDigits: 13, leadingFromReference: true, checkDigit: true, pieceTotal: true, qualifier: { ai: '21', field: 4 } },
  { name: 'upui', kind: 'id', keyAi: '01', fields: 3, keyDigits: 13, leadingFromReference: true, checkDigit: true, qualifier: { ai: '235', field: 2 } },
  { name: 'pgln', kind: 'id', keyAi: '417', fields: 2, keyDigits: 12, checkDigit: true },
  { name: 'lgtin', kind: 'class', keyAi: '01', fields: 3, keyDigits: 13, leadingFromReference: true, checkDigit: true, qualifier: { ai: '10', field: 2 } },
];

/** EPC schemes outside the GS1 key system: parsed, but without a Digital Link equivalent. */
export const NON_GS1_SCHEMES: ReadonlySet<string> = new Set(['gid', 'usdod', 'adi', 'bic', 'imovn']);

export function epcScheme(kind: 'id' | 'class', name: string): EpcScheme | undefined {
  return EPC_SCHEMES.find((s) => s.kind === kind && s.name === name);
}
