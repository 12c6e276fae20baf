/**
 * Scores the grounding check against the hand-labelled evaluation set: how many unsupported
 * sentences it flags (recall) and how many supported ones it flags by mistake.
 */
import { checkGrounding, type GroundingFlagKind } from '$lib/domain/grounding/check';
import type { GroundingEvalItem } from './grounding-eval-set';

export interface EvalCase {
	id: string;
	sentence: string;
	expected?: GroundingFlagKind;
	flags: { kind: GroundingFlagKind; reason: string }[];
	score: number;
}

export interface GroundingEvaluation {
	unsupportedTotal: number;
	unsupportedFlagged: number;
	recall: number;
	/** Unsupported sentences flagged with the kind the label expects (information only). */
	expectedKindFlagged: number;
	supportedTotal: number;
	supportedFlagged: number;
	falseFlagRate: number;
	misses: EvalCase[];
	falseFlags: EvalCase[];
}

export function evaluateGrounding(set: readonly GroundingEvalItem[]): GroundingEvaluation {
	const misses: EvalCase[] = [];
	const falseFlags: EvalCase[] = [];
	let unsupportedTotal = 0;
	let unsupportedFlagged = 0;
	let expectedKindFlagged = 0;
	let supportedTotal = 0;
	let supportedFlagged = 0;
	for (const item of set) {
		const report = checkGrounding(item.source, item.draft);
		for (const label of item.labels) {
			const found = report.sentences.find((s) => s.text === label.sentence);
			// A label the check did not see as a sentence is a bug in the set or the splitter.
			if (!found) throw new Error(`${item.id}: no draft sentence "${label.sentence}"`);
			const result: EvalCase = {
				id: item.id,
				sentence: label.sentence,
				...(label.kind ? { expected: label.kind } : {}),
				flags: found.flags.map((f) => ({ kind: f.kind, reason: f.reason })),
				score: Math.round(found.score * 100) / 100
			};
			const flagged = found.flags.length > 0;
			if (label.supported) {
				supportedTotal++;
				if (flagged) (supportedFlagged++, falseFlags.push(result));
			} else {
				unsupportedTotal++;
				if (flagged) unsupportedFlagged++;
				else misses.push(result);
				if (found.flags.some((f) => f.kind === label.kind)) expectedKindFlagged++;
			}
		}
	}
	return {
		unsupportedTotal,
		unsupportedFlagged,
		recall: unsupportedFlagged / (unsupportedTotal || 1),
		expectedKindFlagged,
		supportedTotal,
		supportedFlagged,
		falseFlagRate: supportedFlagged / (supportedTotal || 1),
		misses,
		falseFlags
	};
}
