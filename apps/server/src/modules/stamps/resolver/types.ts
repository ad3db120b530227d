// The seam between the resolver and whoever renders what a consumer sees (this module's default page now, the
// `public` module's richer scan page later): what a resolution yields, and the renderer interface.
import type { DigitalLink, Gs1Error } from '@txng/gs1';
import type { Lang } from '../../../platform/i18n/messages.ts';
import type { StampFlag, StampKind, StampStatus } from '../model.ts';
import type { PublicLot, PublicOrganization, PublicPlace, PublicProduct } from '../public-facts.ts';
import type { RecallNotice } from '../recall-source.ts';
import type { Linkset } from './linkset.ts';

/**
 * What a consumer is told about a stamp: genuine (active, nothing suspicious), suspicious (active, flagged),
 * recalled, void, lost, inactive (issued or printed but never put on a product: itself a warning in a shop),
 * unconfirmed (the database did not answer in time: product facts from the cache, status unknown), or
 * unserialised (a product or lot link without a stamp serial).
 */
export type PublicStatus = 'genuine' | 'suspicious' | 'recalled' | 'void' | 'lost' | 'inactive' | 'unconfirmed' | 'unserialised';

export interface ScanStats {
  readonly count: number;
  readonly firstScannedAt: Date | null;
  readonly lastScannedAt: Date | null;
}

export interface ResolvedStamp {
  readonly serial: string;
  /** The short human-readable code printed on the label (XXXX-XXXX-XXXX-XXXX). */
  readonly humanCode: string;
  readonly seq: number;
  readonly lifecycle: StampStatus | null;
  readonly kind: StampKind | null;
  /** Whether a hidden verification code was printed under a scratch-off layer. */
  readonly hasCode: boolean;
  readonly codeVerifiedAt: Date | null;
  readonly activatedAt: Date | null;
  /** The URI printed in the QR code. */
  readonly printedUri: string | null;
}

export interface ResolvedTarget {
  readonly kind: 'stamp' | 'product' | 'lot';
  /** The path that was resolved (what the page posts back to), e.g. `/01/…/21/…` or `/s/…`. */
  readonly path: string;
  readonly digitalLink: DigitalLink | null;
  readonly stamp: ResolvedStamp | null;
  readonly product: PublicProduct;
  readonly organization: PublicOrganization;
  readonly productOrigin: PublicPlace | null;
  readonly lot: PublicLot | null;
  readonly lotOrigin: PublicPlace | null;
  readonly status: { readonly code: PublicStatus; readonly flags: readonly StampFlag[]; readonly recall: RecallNotice | null };
  /** Stamps only: including this scan. */
  readonly scanStats: ScanStats | null;
  /** The scan recorded for this resolution (its id lets the page share a coarse place). */
  readonly scanId: string | null;
  /** True when the database did not answer in time and cached facts were used. */
  readonly degraded: boolean;
  readonly linkset: Linkset;
}

/** Why a link could not be resolved: 400 malformed (with GS1's reason and position) or 404 unknown. */
export interface ResolverProblem {
  readonly status: 400 | 404 | 503;
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly input: string;
  readonly gs1?: Gs1Error;
}

export type ResolveOutcome = { readonly ok: true; readonly target: ResolvedTarget } | { readonly ok: false; readonly problem: ResolverProblem };

/** The outcome of a verification-code check, shown on the page. */
export interface VerifyOutcome {
  readonly outcome: 'verified' | 'already_verified' | 'wrong_code' | 'locked' | 'no_code' | 'inactive' | 'malformed';
  readonly serial: string;
  readonly verifiedAt: Date | null;
  readonly attemptsLeft: number | null;
  readonly retryAfterSeconds: number | null;
}

export interface RenderContext {
  readonly lang: Lang;
  /** The verification just attempted from this page, if any. */
  readonly verification?: VerifyOutcome;
  /** Origin of this installation (PUBLIC_BASE_URL), for absolute links. */
  readonly baseUrl: string;
}

/**
 * Renders what a browser gets. Contract: returns a complete HTML document (UTF-8) that works without
 * JavaScript, escapes every value that comes from records or the request, and never throws for a valid
 * target (a renderer bug must not turn a scan into an error page: the resolver falls back to its own).
 */
export interface ScanPageRenderer {
  renderTarget(target: ResolvedTarget, ctx: RenderContext): string;
  renderProblem(problem: ResolverProblem, ctx: RenderContext): string;
}
