import type { GroundingSource } from './source';
import type { SourceSupport } from './types';

/**
 * Which session sentences support a draft sentence: a greedy cover of its weighted words by the
 * best source sentence, then up to three more that add words the others lack.
 */

/** Below this share of supported words a sentence counts as unsupported. */
export const SUPPORT_THRESHOLD = 0.36;
const MAX_SUPPORTS = 4;

export interface Support {
	/** Share of the sentence's weighted tokens the supporting sentences have, 0..1. */
	score: number;
	supportedBy: SourceSupport[];
	/** The sentence's tokens no supporting sentence has. */
	missing: string[];
}

export function support(source: GroundingSource, tokens: readonly string[]): Support {
	const weights = new Map(tokens.map((t) => [t, source.weight(t)]));
	const total = [...weights.values()].reduce((a, b) => a + b, 0);
	if (total === 0) return { score: 0, supportedBy: [], missing: [...tokens] };
	const candidates = source.candidates(tokens);
	const covered = new Set<string>();
	const supportedBy: SourceSupport[] = [];
	while (supportedBy.length < MAX_SUPPORTS) {
		let best = -1;
		let bestGain = 0;
		for (const i of candidates) {
			const s = source.sentences[i]!;
			let gain = 0;
			for (const t of tokens) if (!covered.has(t) && s.tokens.has(t)) gain += weights.get(t)!;
			if (gain > bestGain) [best, bestGain] = [i, gain];
		}
		// A later sentence must add real support, not one stray common word.
		if (best < 0 || (supportedBy.length > 0 && bestGain / total < 0.1)) break;
		const s = source.sentences[best]!;
		let own = 0;
		for (const t of tokens) {
			if (!s.tokens.has(t)) continue;
			own += weights.get(t)!;
			covered.add(t);
		}
		supportedBy.push({ index: best, text: s.text, start: s.start, end: s.end, score: own / total });
	}
	const coveredWeight = [...covered].reduce((sum, t) => sum + weights.get(t)!, 0);
	return { score: coveredWeight / total, supportedBy, missing: tokens.filter((t) => !covered.has(t)) };
}
