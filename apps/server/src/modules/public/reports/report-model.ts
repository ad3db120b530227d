// A consumer's report of a problem, as kept and as shown to officials.
export const REPORT_CATEGORIES = ['fake_stamp', 'wrong_info', 'quality', 'expired', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_STATUSES = ['new', 'in_progress', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What was scanned or viewed when the report was made, captured at that moment (the stamp may change later). */
export interface ReportContext {
  readonly ref: string;
  readonly serial: string | null;
  readonly stampCode: string | null;
  readonly stampStatus: string | null;
  readonly flags: readonly string[];
  readonly scanCount: number | null;
  readonly firstScannedAt: string | null;
  readonly scanId: string | null;
  readonly productName: string | null;
  readonly gtin: string | null;
  readonly lotCode: string | null;
  readonly organizationName: string | null;
  readonly lang: 'vi' | 'en';
  readonly userAgentFamily: string | null;
}
