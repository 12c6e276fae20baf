import { NEGATION, RISK_PATTERNS, type RiskTopic } from './lexicon';
import {
	contentTokens,
	findDates,
	findDoses,
	findMedications,
	findNumbers,
	normaliseWords,
	plainWords,
	sentenceSpans,
	splitSpeaker,
	type SentenceSpan,
	type Span
} from './tokens';

/**
 * The session content, indexed once for the grounding check: its sentences with their tokens
 * (for BM25 and word overlap), and every checkable fact it holds, each keyed the way a draft's
 * facts are keyed, so checking a draft is a few lookups per sentence.
 */

const CANDIDATES = 10;

export interface SourceSentence extends SentenceSpan {
	/** What was said, without a speaker label. */
	content: string;
	/** Whether its line starts with a speaker label: a transcript turn. */
	turn: boolean;
	tokens: ReadonlySet<string>;
	tf: ReadonlyMap<string, number>;
	length: number;
}

export type Polarity = 'denied' | 'endorsed' | 'unclear';

/** The session content, indexed once so each draft can be checked against it quickly. */
export class GroundingSource {
	readonly sentences: readonly SourceSentence[];
	private readonly postings = new Map<string, number[]>();
	private readonly lines = new Map<number, number[]>();
	private readonly averageLength: number;
	readonly words: ReadonlySet<string>;
	readonly numbers = new Map<string, number[]>();
	readonly dates = new Set<string>();
	readonly doses = new Set<string>();
	readonly dosesByMedication = new Map<string, Set<string>>();
	readonly medications = new Map<string, number>();
	readonly risk = new Map<RiskTopic, { polarity: Polarity; index: number }[]>();
	readonly quotable: string;
	private readonly cues = new Map<RegExp, boolean>();

	constructor(readonly text: string) {
		this.sentences = sentenceSpans(text).map((span) => {
			const { label, content } = span.lineStart ? splitSpeaker(span.text) : { label: '', content: span.text };
			// Who spoke counts for support ("Parent reported ..."), not for quotations or risk.
			const tokens = contentTokens(`${label} ${content}`);
			const tf = new Map<string, number>();
			for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
			return { ...span, content, turn: label !== '', tokens: new Set(tokens), tf, length: tokens.length };
		});
		// A turn's later sentences belong to the same turn as its first.
		this.sentences.forEach((s, i) => {
			if (!s.lineStart) s.turn = this.sentences[i - 1]!.turn;
		});
		this.averageLength = this.sentences.reduce((sum, s) => sum + s.length, 0) / (this.sentences.length || 1);
		this.words = new Set(plainWords(text));
		this.quotable = ` ${this.sentences.map((s) => normaliseWords(s.content)).join(' ')} `;
		this.sentences.forEach((s, i) => this.indexSentence(s, i));
	}

	private indexSentence(s: SourceSentence, i: number): void {
		for (const t of s.tokens) push(this.postings, t, i);
		push(this.lines, s.line, i);
		const dates = findDates(s.content);
		for (const d of dates) {
			this.dates.add(d.key);
			if (d.key.includes('-d')) this.dates.add(d.key.split('-')[0]!);
		}
		for (const n of findNumbers(s.content, dates)) push(this.numbers, n.key, i);
		const meds = findMedications(s.content);
		for (const m of meds) for (const g of m.generics) this.medications.set(g, this.medications.get(g) ?? i);
		for (const dose of findDoses(s.content)) {
			this.doses.add(dose.key);
			for (const g of nearest(meds, dose)?.generics ?? []) {
				this.dosesByMedication.set(g, (this.dosesByMedication.get(g) ?? new Set()).add(dose.key));
			}
		}
		for (const [topic, pattern] of RISK_PATTERNS) {
			const match = pattern.exec(s.content);
			if (match) push(this.risk, topic, { polarity: this.polarity(s.content, match.index, i), index: i });
		}
	}

	/** A question takes the polarity of its answer ("Any thoughts of suicide?" "No."). */
	private polarity(content: string, at: number, i: number): Polarity {
		if (!/\?["'”’)]*$/.test(content)) return negated(content, at) ? 'denied' : 'endorsed';
		const answer = (this.sentences[i + 1]?.content ?? '').replace(/’/g, "'");
		if (/^(i don't know|not sure|i'm not sure|maybe|i guess)/i.test(answer)) return 'unclear';
		if (/^(no|nope|nah|never|not|nothing|none|i (don't|do not|haven't|have not|never|wouldn't|would not))\b/i.test(answer)) return 'denied';
		if (/^(yes|yeah|yep|sometimes|a little|kind of|sort of|i (have|do|did)|once|occasionally|often)\b/i.test(answer)) return 'endorsed';
		return 'unclear';
	}

	/** The sentences around sentence `i`: its neighbours, and in a transcript the turn before (the question it answers). */
	context(i: number): number[] {
		const { line, turn } = this.sentences[i]!;
		const previousTurn = turn ? (this.lines.get(line - 1) ?? []) : [];
		return [...new Set([i - 1, i, i + 1, ...previousTurn])].filter((j) => j >= 0 && j < this.sentences.length);
	}

	weight(token: string): number {
		// Words the source never uses weigh like its rarest ones, so one unknown word cannot sink a sentence.
		const df = Math.max(1, this.postings.get(token)?.length ?? 0);
		return Math.log(1 + (this.sentences.length - df + 0.5) / (df + 0.5));
	}

	/** The source sentences most likely to support `tokens`, by BM25. */
	candidates(tokens: readonly string[]): number[] {
		const scores = new Map<number, number>();
		for (const t of tokens) {
			const idf = this.weight(t);
			for (const i of this.postings.get(t) ?? []) {
				const s = this.sentences[i]!;
				const tf = s.tf.get(t)!;
				const norm = tf + 1.2 * (0.25 + (0.75 * s.length) / this.averageLength);
				scores.set(i, (scores.get(i) ?? 0) + (idf * tf * 2.2) / norm);
			}
		}
		return [...scores].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES).map(([i]) => i);
	}

	/** Whether the source has `pattern` anywhere (cached: the same cue is asked about often). */
	mentions(pattern: RegExp): boolean {
		let found = this.cues.get(pattern);
		if (found === undefined) this.cues.set(pattern, (found = pattern.test(this.text)));
		return found;
	}
}

/** Indexes session content for `checkGrounding`; index once, check many drafts. */
export function indexSource(source: string): GroundingSource {
	return new GroundingSource(source);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** The words before position `at` in its clause: where "denies" or "no" would be. */
export function clauseBefore(text: string, at: number): string {
	return text.slice(0, at).split(/[.;:!?]|\bbut\b/).pop() ?? '';
}

function negated(text: string, at: number): boolean {
	return NEGATION.test(clauseBefore(text, at));
}

export function nearest<T extends Span>(items: readonly T[], to: Span): T | undefined {
	let best: T | undefined;
	for (const item of items) if (!best || Math.abs(item.start - to.start) < Math.abs(best.start - to.start)) best = item;
	return best;
}
