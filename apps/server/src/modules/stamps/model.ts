// The stamps vocabulary shared by the services, HTTP schemas, portal and tests: kinds, lifecycle, checks, flags
// and print layouts.

/** `qr`: a plain QR stamp. `qr_code`: QR plus a hidden verification code printed under a scratch-off layer. */
export const STAMP_KINDS = ['qr', 'qr_code'] as const;
export type StampKind = (typeof STAMP_KINDS)[number];

/** issued → printed → active (linked to a lot) → void / lost / recalled. */
export const STAMP_STATUSES = ['issued', 'printed', 'active', 'void', 'lost', 'recalled'] as const;
export type StampStatus = (typeof STAMP_STATUSES)[number];

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'issuing', 'issued', 'failed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const STATUS_CHANGE_KINDS = ['print', 'activate', 'void', 'lost', 'recall'] as const;
export type StatusChangeKind = (typeof STATUS_CHANGE_KINDS)[number];

/** Which statuses each change may start from, and where it leads. */
export const TRANSITIONS: Readonly<Record<StatusChangeKind, { from: readonly StampStatus[]; to: StampStatus }>> = {
  print: { from: ['issued', 'printed'], to: 'printed' },
  activate: { from: ['printed'], to: 'active' },
  void: { from: ['issued', 'printed', 'active'], to: 'void' },
  lost: { from: ['issued', 'printed', 'active'], to: 'lost' },
  recall: { from: ['active'], to: 'recalled' },
};

/** What the approver sees: each check passed, failed or does not apply (null), with what it found. */
export const APPROVAL_CHECK_CODES = [
  'organization_approved',
  'product_published',
  'product_complete',
  'certificates_valid',
  'ocop_valid',
  'lot_matches_product',
  'within_quota',
] as const;
export type ApprovalCheckCode = (typeof APPROVAL_CHECK_CODES)[number];

export interface ApprovalCheck {
  readonly code: ApprovalCheckCode;
  readonly passed: boolean | null;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Why a stamp looks suspicious; shown on its page and to owners and officials. */
export const FLAG_CODES = ['code_reused', 'far_from_region', 'scanned_far_apart', 'high_scan_rate'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface StampFlag {
  readonly code: FlagCode;
  /** ISO time the flag was first raised. */
  readonly at: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A sheet of labels (A4 label paper) or a roll (one label per page, as label printers take them). */
export type LabelLayout =
  | {
      readonly kind: 'sheet';
      readonly pageWidthMm: number;
      readonly pageHeightMm: number;
      readonly labelWidthMm: number;
      readonly labelHeightMm: number;
      readonly columns: number;
      readonly rows: number;
      readonly marginTopMm: number;
      readonly marginLeftMm: number;
      readonly gapXMm: number;
      readonly gapYMm: number;
    }
  | { readonly kind: 'roll'; readonly labelWidthMm: number; readonly labelHeightMm: number };

/** What is requested: a named preset, or a layout of one's own. */
export type LayoutChoice = { readonly preset: LayoutPreset } | LabelLayout;

const a4 = { kind: 'sheet', pageWidthMm: 210, pageHeightMm: 297 } as const;

/** Common A4 label sheets (dimensions as their makers publish them) and label-roll sizes. */
export const LAYOUT_PRESETS = {
  'a4-65': { ...a4, labelWidthMm: 38.1, labelHeightMm: 21.2, columns: 5, rows: 13, marginTopMm: 10.7, marginLeftMm: 4.65, gapXMm: 2.5, gapYMm: 0 },
  'a4-40': { ...a4, labelWidthMm: 45.7, labelHeightMm: 25.4, columns: 4, rows: 10, marginTopMm: 21.5, marginLeftMm: 9.7, gapXMm: 2.6, gapYMm: 0 },
  'a4-24': { ...a4, labelWidthMm: 63.5, labelHeightMm: 33.9, columns: 3, rows: 8, marginTopMm: 12.9, marginLeftMm: 7.2, gapXMm: 2.5, gapYMm: 0 },
  'a4-21': { ...a4, labelWidthMm: 63.5, labelHeightMm: 38.1, columns: 3, rows: 7, marginTopMm: 15.15, marginLeftMm: 7.2, gapXMm: 2.5, gapYMm: 0 },
  'roll-40x30': { kind: 'roll', labelWidthMm: 40, labelHeightMm: 30 },
  'roll-50x30': { kind: 'roll', labelWidthMm: 50, labelHeightMm: 30 },
  'roll-30x30': { kind: 'roll', labelWidthMm: 30, labelHeightMm: 30 },
} as const satisfies Record<string, LabelLayout>;
export type LayoutPreset = keyof typeof LAYOUT_PRESETS;
export const LAYOUT_PRESET_NAMES = Object.keys(LAYOUT_PRESETS) as LayoutPreset[];

export function layoutOf(choice: LayoutChoice): LabelLayout {
  return 'preset' in choice ? LAYOUT_PRESETS[choice.preset] : choice;
}

/** Default yearly quota of an organisation without one of its own (stamps approved per calendar year). */
export const DEFAULT_YEARLY_QUOTA = 200_000;
/** Default radius of a lot's expected sales region around its origin (covers the north-west and Hà Nội). */
export const DEFAULT_EXPECTED_REGION_KM = 400;
/** At most this many labels in one print file (PDF or ZIP); larger requests are printed range by range. */
export const MAX_LABELS_PER_PRINT = 20_000;
