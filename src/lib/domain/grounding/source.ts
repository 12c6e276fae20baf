import { NEGATION, RISK_PATTERNS, type RiskTopic } from './lexicon';
import { writtenForm } from './spoken';
import {
	contentTokens,
	normaliseWords,
	plainWords,
	sentenceSpans,
	negatedStems,
	sidesOf,
	splitSpeaker,
	type SentenceSpan,
	type Span
} from './tokens';
import { findDates, findDoses, findFrequencies, findMedications, findNumbers } from './facts';

/**
 * The session content, indexed once for the grounding check: its sentences with their tokens
 * (for BM25 and word overlap), and every checkable fact it holds, each keyed the way a draft's
 * facts are keyed, so checking a draft is a few lookups per sentence.
 */

const CANDIDATES = 10;

export interface SourceSentence extends SentenceSpan {
	/** What was said, without a speaker label. */
	content: string;
	/** The same, with spoken numbers as digits and spelled-out letters joined ("forty M G" is "40 mg"). */
	written: string;
	/** Every value its spoken numbers could stand for. */
	spokenValues: readonly number[];
	/** Whether its line starts with a speaker label: a transcript turn. */
	turn: boolean;
	/** Who said it, in a transcript: the clinician, the client, or someone else (a relative). */
	speaker: Speaker | null;
	/** For a question, or a clinician's statement, how the next speaker answered it. */
	reply: Reply | null;
	/** Stems said in a negated clause ("no fever, chills or cough"). */
	negated: ReadonlySet<string>;
	tokens: ReadonlySet<string>;
	tf: ReadonlyMap<string, number>;
	length: number;
}

export type Polarity = 'denied' | 'endorsed' | 'unclear';
export type Speaker = 'clinician' | 'client' | 'other';
export type Reply = 'yes' | 'no' | 'unclear';

const CLINICIAN = /^(?:doctor|dr|therapist|clinician|counsel+or|provider|nurse|np|pa|psychiatrist|psychologist|physician|social worker|interviewer|guest_clinician|th|t)$/i;
const CLIENT = /^(?:patient|client|pt|p|c|member|resident)$/i;
const YES = /^(?:yes|yeah|yep|yup|right|correct|that's right|that is right|mhm|uh-huh|sure|sometimes|a little|occasionally)\b/i;
const NO = /^(?:no|nope|nah|never|not really|none|nothing|not that i know|i (?:don't|do not|haven't|have not|didn't|did not|am not|'m not|never)\b(?! (?:know|remember|recall|think|really know)\b))/i;

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
	readonly frequencies = new Set<string>();
	/** The sides of the body the session speaks of. */
	readonly sides = new Set<'left' | 'right'>();
	readonly dosesByMedication = new Map<string, Set<string>>();
	readonly medications = new Map<string, number>();
	readonly risk = new Map<RiskTopic, { polarity: Polarity; index: number }[]>();
	readonly quotable: string;
	private readonly cues = new Map<RegExp, boolean>();

	constructor(readonly text: string) {
		this.sentences = sentenceSpans(text).map((span) => {
			const { label, content } = span.lineStart ? splitSpeaker(span.text) : { label: '', content: span.text };
			const written = writtenForm(content);
			// Who spoke counts for support ("Parent reported ..."), not for quotations or risk.
			const tokens = contentTokens(`${label} ${written.text}`, 'source');
			const tf = new Map<string, number>();
			for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
			const speaker = label ? speakerOf(label) : null;
			const negated = negatedStems(written.text);
			return { ...span, content, written: written.text, spokenValues: written.values, turn: label !== '', speaker, reply: null, negated, tokens: new Set(tokens), tf, length: tokens.length };
		});
		// A turn's later sentences belong to the same turn, and the same speaker, as its first.
		this.sentences.forEach((s, i) => {
			if (!s.lineStart) {
				s.turn = this.sentences[i - 1]!.turn;
				s.speaker = this.sentences[i - 1]!.speaker;
			}
		});
		this.sentences.forEach((s, i) => (s.reply = this.replyTo(i)));
		this.averageLength = this.sentences.reduce((sum, s) => sum + s.length, 0) / (this.sentences.length || 1);
		this.words = new Set([...plainWords(text), ...this.sentences.flatMap((s) => plainWords(s.written))]);
		this.quotable = ` ${this.sentences.map((s) => normaliseWords(s.content)).join(' ')} `;
		this.sentences.forEach((s, i) => this.indexSentence(s, i));
	}

	private indexSentence(s: SourceSentence, i: number): void {
		for (const t of s.tokens) push(this.postings, t, i);
		push(this.lines, s.line, i);
		const dates = findDates(s.written);
		for (const d of dates) {
			this.dates.add(d.key);
			if (d.key.includes('-d')) this.dates.add(d.key.split('-')[0]!);
		}
		for (const n of findNumbers(s.written, dates)) push(this.numbers, n.key, i);
		for (const v of s.spokenValues) {
			if (!this.numbers.get(String(v))?.includes(i)) push(this.numbers, String(v), i);
			// A year said aloud ("O eight" after a date) is a date too.
			if (Number.isInteger(v) && v >= 1900 && v <= 2099) this.dates.add(`y${v}`);
		}
		for (const f of findFrequencies(s.written)) this.frequencies.add(f.key);
		for (const side of sidesOf(s.written)) this.sides.add(side);
		if (/\b(?:at night|before (?:bed|sleep))\b/i.test(s.written)) this.frequencies.add('qhs');
		// How people say "as needed".
		if (AS_NEEDED.test(s.written)) this.frequencies.add('prn');
		const meds = findMedications(s.written);
		for (const m of meds) for (const g of m.generics) this.medications.set(g, this.medications.get(g) ?? i);
		for (const dose of findDoses(s.written)) {
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

	/** How the next speaker answered sentence `i`, if it is a question or a clinician's statement. */
	private replyTo(i: number): Reply | null {
		const s = this.sentences[i]!;
		const question = /\?["'”’)]*$/.test(s.content);
		if (!question && s.speaker !== 'clinician') return null;
		// The answer is the first sentence of the next turn, by someone else.
		let j = i + 1;
		while (j < this.sentences.length && this.sentences[j]!.line === s.line) j++;
		const next = this.sentences[j];
		if (!next || !next.turn || next.speaker === s.speaker || (!question && this.sentences[i + 1]?.line === s.line)) return question ? 'unclear' : null;
		const answer = next.content.replace(/’/g, "'").trim();
		if (YES.test(answer)) return 'yes';
		if (NO.test(answer)) return 'no';
		return 'unclear';
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

	/** The sentences that have `token`. */
	mentionsOf(token: string): readonly number[] {
		return this.postings.get(token) ?? [];
	}

	/** Whether any sentence of the session content has `token`. */
	has(token: string): boolean {
		return this.postings.has(token);
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

const AS_NEEDED = /\b(?:from time to time|when (?:i|you|she|he|they) need|if (?:i|you|she|he|they) need|when (?:it|they)(?:'s|’s| is| are| get) (?:bad|worse)|occasionally|on occasion|every now and then|once in a while)\b/i;

/** Indexes session content for `checkGrounding`; index once, check many drafts. */
export function indexSource(source: string): GroundingSource {
	return new GroundingSource(source);
}

function speakerOf(label: string): Speaker {
	const name = label.replace(/^[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*/, '').replace(/[:\s]+$/, '').replace(/\s*\(.*\)$/, '').trim();
	if (CLINICIAN.test(name) || /^(?:dr\.?|doctor)\s/i.test(name)) return 'clinician';
	if (CLIENT.test(name)) return 'client';
	return 'other';
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
