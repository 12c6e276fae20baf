/**
 * Scores the grounding check on a labelled set, flags and hints apart:
 * - flags must catch the unsupported sentences of the specific kinds (an invented number, date,
 *   name, medication or dose, a quotation that is not verbatim, an unsupported risk statement,
 *   an assumed-normal finding) while rarely landing on a supported sentence;
 * - hints ("no close source") should reach the other unsupported claims, and stay off most
 *   supported sentences.
 * Each labelled sentence is checked as its own section, so how the splitter cuts a note never
 * changes which label a result belongs to.
 */
import { checkGrounding, indexSource, type GroundedSentence } from '$lib/domain/grounding/check';
import { SPECIFIC_KINDS, type EvalItem, type LabelKind } from '../fixtures/grounding/eval-types';

export interface EvalCase {
	id: string;
	sentence: string;
	kind?: LabelKind;
	detail?: string;
	injected: boolean;
	flags: string[];
	hints: string[];
	evidence: string | null;
}

interface Rate {
	hit: number;
	total: number;
	rate: number;
}

export interface GroundingEvaluation {
	items: number;
	supported: number;
	/** Unsupported sentences of the specific kinds that got a flag. */
	flagRecall: Rate;
	/** Per specific kind: how many of its sentences got a flag (of any kind). */
	flagRecallByKind: Record<string, Rate>;
	/** Supported sentences that got a flag. */
	falseFlags: Rate;
	/** Other unsupported claims that got a hint or a flag. */
	hintCoverage: Rate;
	/** Supported sentences that got a hint. */
	falseHints: Rate;
	misses: EvalCase[];
	falseFlagCases: EvalCase[];
	falseHintCases: EvalCase[];
	hintMisses: EvalCase[];
}

const rate = (hit: number, total: number): Rate => ({ hit, total, rate: Math.round((hit / (total || 1)) * 1000) / 1000 });

export function evaluateGrounding(set: readonly EvalItem[]): GroundingEvaluation {
	const cases: { label: EvalItem['labels'][number]; result: EvalCase }[] = [];
	for (const item of set) {
		const source = indexSource(item.source);
		for (const label of item.labels) {
			const checked: GroundedSentence[] = checkGrounding(source, { sentence: label.sentence }).sentences;
			const result: EvalCase = {
				id: item.id,
				sentence: label.sentence,
				...(label.kind ? { kind: label.kind } : {}),
				...(label.detail ? { detail: label.detail } : {}),
				injected: label.injected ?? false,
				flags: checked.flatMap((s) => s.flags.map((f) => `${f.kind}: ${f.reason}`)),
				hints: checked.flatMap((s) => s.hints.map((h) => `${h.kind}: ${h.reason}`)),
				evidence: checked[0]?.evidence?.text ?? null
			};
			cases.push({ label, result });
		}
	}
	const supported = cases.filter((c) => c.label.supported);
	const specific = cases.filter((c) => !c.label.supported && SPECIFIC_KINDS.has(c.label.kind!));
	const other = cases.filter((c) => !c.label.supported && !SPECIFIC_KINDS.has(c.label.kind!));
	const flagged = (c: (typeof cases)[number]) => c.result.flags.length > 0;
	const hinted = (c: (typeof cases)[number]) => c.result.hints.length > 0;
	const byKind: Record<string, Rate> = {};
	for (const kind of SPECIFIC_KINDS) {
		const ofKind = specific.filter((c) => c.label.kind === kind);
		if (ofKind.length) byKind[kind] = rate(ofKind.filter(flagged).length, ofKind.length);
	}
	return {
		items: set.length,
		supported: supported.length,
		flagRecall: rate(specific.filter(flagged).length, specific.length),
		flagRecallByKind: byKind,
		falseFlags: rate(supported.filter(flagged).length, supported.length),
		hintCoverage: rate(other.filter((c) => flagged(c) || hinted(c)).length, other.length),
		falseHints: rate(supported.filter(hinted).length, supported.length),
		misses: specific.filter((c) => !flagged(c)).map((c) => c.result),
		falseFlagCases: supported.filter(flagged).map((c) => c.result),
		falseHintCases: supported.filter(hinted).map((c) => c.result),
		hintMisses: other.filter((c) => !flagged(c) && !hinted(c)).map((c) => c.result)
	};
}
