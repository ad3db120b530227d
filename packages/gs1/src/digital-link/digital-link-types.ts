import type { AiElement, Gs1ParseOptions } from '../element-string/parsed-ai.ts';

/** A parsed GS1 Digital Link URI (GS1 Digital Link URI Syntax 1.4). */
export interface DigitalLink {
  /** The URI as given. */
  readonly uri: string;
  /** Scheme, domain and any path stem before the primary key, without a trailing "/". */
  readonly stem: string;
  readonly primaryKey: AiElement;
  /** Key qualifiers in path order, e.g. (22), (10), (21) after a (01). */
  readonly qualifiers: AiElement[];
  /** AI data attributes from the query string, in the order given. */
  readonly attributes: AiElement[];
  /** The `linkType` query parameter, e.g. "gs1:pip", when present. */
  readonly linkType?: string;
  /** Query parameters that are not AIs (including linkType), decoded, in the order given. */
  readonly otherParams: readonly { readonly name: string; readonly value?: string }[];
  readonly fragment?: string;
  /** Path elements then attributes: the AI data the URI carries. */
  readonly elements: AiElement[];
}

export interface DigitalLinkParseOptions extends Gs1ParseOptions {
  /** Accept GTIN-8/12/13 in AI (01) and pad them to GTIN-14 (legacy URIs). Default false. */
  readonly permitZeroSuppressedGtin?: boolean;
  /** Accept the deprecated convenience alphas such as /gtin/. Default false. */
  readonly permitConvenienceAlphas?: boolean;
  /** With `permitUnknownAis`, also accept unknown AIs as query data attributes. Default false. */
  readonly permitUnknownAiAttributes?: boolean;
}

export interface DigitalLinkBuildOptions extends Gs1ParseOptions {
  /** Scheme, domain and optional path stem, e.g. "https://example.com/p". Default "https://id.gs1.org". */
  readonly base?: string;
  /** With `permitUnknownAis`, emit unknown AIs as query data attributes instead of failing. Default false. */
  readonly permitUnknownAiAttributes?: boolean;
}

export const CANONICAL_DL_STEM = 'https://id.gs1.org';
