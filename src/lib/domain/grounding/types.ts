import type { Span } from './tokens';

/** What the grounding check reports: flags for specific problems, quiet hints, and the evidence for each sentence. */

/** Specific, checkable problems: they stand out, and signing with one open asks first. */
export type GroundingFlagKind = 'number' | 'date' | 'name' | 'medication' | 'dose' | 'quotation' | 'risk' | 'assumed-normal';

/** Quiet signs that a sentence may not be backed: shown collapsed, never blocking. */
export type GroundingHintKind = 'no-close-source' | 'contradiction' | 'clinician-only';

export interface GroundingFlag {
	kind: GroundingFlagKind;
	/** Plain English, for the clinician. */
	reason: string;
	/** The part of the draft sentence the flag is about. */
	text: string;
	/** The source sentence nearest to what was flagged, if there is one. */
	closestSource: string | null;
}

export interface GroundingHint {
	kind: GroundingHintKind;
	reason: string;
	text: string;
	closestSource: string | null;
}

export interface SourceSupport extends Span {
	/** Index into `GroundingSource.sentences`. */
	index: number;
	/** Share of the draft sentence's (weighted) words that this source sentence has. */
	score: number;
}

export interface GroundedSentence extends Span {
	section: string;
	/** Share of the sentence's weighted words found in its supporting source sentences, 0..1. */
	score: number;
	supportedBy: SourceSupport[];
	/** The best supporting source span, shown beside the sentence. */
	evidence: SourceSupport | null;
	flags: GroundingFlag[];
	hints: GroundingHint[];
}

export interface GroundingReport {
	sentences: GroundedSentence[];
	/** Sentences with at least one flag. */
	flaggedCount: number;
	/** Sentences with a hint and no flag. */
	hintedCount: number;
}
