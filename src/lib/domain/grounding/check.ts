import { NOT_DOCUMENTED } from '../notes/note-formats';
import type { NoteSections } from '../notes/note-schema';
import { ASSUMED_NORMAL, ENDORSEMENT, NEGATION, NOT_NAMES, RISK_PATTERNS, RISK_TOPIC_LABEL, type RiskTopic } from './lexicon';
import { clauseBefore, GroundingSource, indexSource, nearest } from './source';
import {
	contentTokens,
	findDates,
	findDoses,
	findMedications,
	findNames,
	findNumbers,
	findQuotations,
	normaliseWords,
	plainWords,
	sentenceSpans,
	type Fact,
	type Span
} from './tokens';

export { GroundingSource, indexSource };

/**
 * The grounding check (no AI): every sentence of a drafted note is linked to the sentences of
 * the session content that support it, and what the content does not say is flagged: numbers,
 * dates, names, medications, doses and quotations that are not in it, risk statements it does
 * not back, assumed-normal findings nobody observed, and sentences with little support at all.
 * Lexical and deterministic: it can miss a fact that was reworded, and it says why it flags.
 */

export type GroundingFlagKind =
	| 'number'
	| 'date'
	| 'name'
	| 'medication'
	| 'dose'
	| 'quotation'
	| 'risk'
	| 'assumed-normal'
	| 'unsupported';

export interface GroundingFlag {
	kind: GroundingFlagKind;
	/** Plain English, for the clinician. */
	reason: string;
	/** The part of the draft sentence the flag is about. */
	text: string;
	/** The source sentence nearest to what was flagged, if there is one. */
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
	flags: GroundingFlag[];
}

export interface GroundingReport {
	sentences: GroundedSentence[];
	flaggedCount: number;
}

/** Below this share of supported words a sentence counts as unsupported. */
export const SUPPORT_THRESHOLD = 0.5;
const MAX_SUPPORTS = 4;

/** Checks every sentence of every section of `draft` against the session content. */
export function checkGrounding(source: string | GroundingSource, draft: NoteSections): GroundingReport {
	const index = typeof source === 'string' ? indexSource(source) : source;
	const sentences: GroundedSentence[] = [];
	for (const [section, text] of Object.entries(draft)) {
		for (const span of sentenceSpans(text)) sentences.push(checkSentence(index, section, span));
	}
	return { sentences, flaggedCount: sentences.filter((s) => s.flags.length > 0).length };
}

function checkSentence(source: GroundingSource, section: string, span: Span): GroundedSentence {
	if (span.text.replace(/\.$/, '').toLowerCase() === NOT_DOCUMENTED.toLowerCase()) {
		return { ...span, section, score: 1, supportedBy: [], flags: [] };
	}
	const allTokens = [...new Set(contentTokens(span.text))];
	const risk = checkRisk(source, span.text);
	// Risk words the risk check has verified are not asked to match word for word as well.
	const tokens = risk.topics > 0 && risk.flags.length === 0 ? allTokens.filter((t) => !RISK_WORDS.has(t)) : allTokens;
	const { score, supportedBy } = support(source, tokens);
	const closest = supportedBy[0]?.text ?? null;
	const flags: GroundingFlag[] = [
		...checkFacts(source, span.text, allTokens, closest),
		...checkQuotations(source, span.text),
		...risk.flags.map((f) => ({ ...f, closestSource: f.closestSource ?? closest })),
		...checkAssumedNormal(source, span.text, closest)
	];
	if (tokens.length > 0 && score < SUPPORT_THRESHOLD) {
		const reason = supportedBy.length
			? `Only ${Math.round(score * 100)}% of this sentence's words are in the session content.`
			: 'Nothing in the session content matches this sentence.';
		flags.push({ kind: 'unsupported', reason, text: span.text, closestSource: closest });
	}
	return { ...span, section, score, supportedBy, flags };
}

/** Greedy cover: the best source sentence, then up to three more that add words the others lack. */
function support(source: GroundingSource, tokens: readonly string[]): { score: number; supportedBy: SourceSupport[] } {
	const weights = new Map(tokens.map((t) => [t, source.weight(t)]));
	const total = [...weights.values()].reduce((a, b) => a + b, 0);
	if (total === 0) return { score: 0, supportedBy: [] };
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
	return { score: coveredWeight / total, supportedBy };
}

function checkFacts(source: GroundingSource, text: string, tokens: readonly string[], closest: string | null): GroundingFlag[] {
	const flags: GroundingFlag[] = [];
	const flag = (kind: GroundingFlagKind, fact: Span, reason: string, near: string | null = closest) =>
		flags.push({ kind, reason, text: fact.text, closestSource: near });
	const dates = findDates(text);
	for (const date of dates) {
		// "at 2 p.m." is grounded by "at 2": a clock time without minutes may appear as a bare hour.
		const hour = /^t\d+:00$/.test(date.key) ? String(parseInt(date.text, 10)) : null;
		if (!source.dates.has(date.key) && !(hour && source.numbers.has(hour))) {
			flag('date', date, `The date or time "${date.text}" is not in the session content.`);
		}
	}
	const meds = findMedications(text);
	for (const med of meds) {
		if (!med.generics.some((g) => source.medications.has(g))) {
			flag('medication', med, `The medication "${med.text}" is not mentioned in the session content.`);
		}
	}
	const doses = findDoses(text);
	for (const dose of doses) checkDose(source, dose, nearest(meds, dose), flag);
	for (const n of findNumbers(text, [...dates, ...doses])) {
		const where = source.numbers.get(n.key) ?? [];
		// A score ("GAD-7 of 15") must be a score in the source too, not fifteen minutes.
		const score = SCORE_CUE.test(text.slice(Math.max(0, n.start - 30), n.start));
		const grounded = where.filter((i) => !score || SCORE_WORD.test(source.sentences[i]!.content));
		if (where.length === 0) flag('number', n, `The number "${n.text}" is not in the session content.`);
		else if (!grounded.some((i) => sharesWords(source, i, tokens, n.key))) {
			const near = source.sentences[where[0]!]!.text;
			flag('number', n, `The session content has the number in "${n.text}", but not about what this sentence describes.`, near);
		}
	}
	for (const name of findNames(text)) {
		const missing = plainWords(name.text).filter((w) => !NOT_NAMES.has(w) && !source.words.has(w));
		if (missing.length) flag('name', name, `The name "${name.text}" is not in the session content.`);
	}
	return flags;
}

function checkDose(
	source: GroundingSource,
	dose: Fact,
	med: { text: string; generics: readonly string[] } | undefined,
	flag: (kind: GroundingFlagKind, fact: Span, reason: string, near?: string | null) => void
): void {
	const medSentence = med?.generics.map((g) => source.medications.get(g)).find((i) => i !== undefined);
	const near = medSentence === undefined ? undefined : source.sentences[medSentence]!.text;
	if (!source.doses.has(dose.key)) {
		flag('dose', dose, `The dose "${dose.text}" is not in the session content.`, near);
		return;
	}
	// The dose is somewhere in the source; for a known medication it must be that medication's dose.
	const known = (med?.generics ?? []).map((g) => source.dosesByMedication.get(g)).filter((d) => d !== undefined);
	if (med && known.length > 0 && !known.some((d) => d.has(dose.key))) {
		const listed = [...new Set(known.flatMap((d) => [...d]))].join(', ');
		flag('dose', dose, `The session content gives ${med.text} as ${listed}, not ${dose.text}.`, near);
	}
}

/** Just before a number: an instrument or the word score, so the number is a score. */
const SCORE_CUE = /(\b[A-Z]{2,}[A-Z0-9-]*\b|\bscor\w*|\btotal)\W+(\w+\W+){0,3}$/;
const SCORE_WORD = /\b[A-Z]{2,}[A-Z0-9-]*\b|\bscor\w*|\btotal|\brat(ed|ing)\b/;

/** A number is grounded where it sits next to at least one of the sentence's other words. */
function sharesWords(source: GroundingSource, at: number, tokens: readonly string[], number: string): boolean {
	const words = tokens.filter((t) => t !== number && !/^\d/.test(t));
	return source.context(at).some((i) => words.some((t) => source.sentences[i]!.tokens.has(t)));
}

function checkQuotations(source: GroundingSource, text: string): GroundingFlag[] {
	const flags: GroundingFlag[] = [];
	for (const quote of findQuotations(text)) {
		const fragments = quote.text.split(/\.\.\.|…/).map(normaliseWords).filter(Boolean);
		if (fragments.every((f) => source.quotable.includes(` ${f} `))) continue;
		const { score, supportedBy } = support(source, [...new Set(contentTokens(quote.text))]);
		const closest = score >= 0.5 ? (supportedBy[0]?.text ?? null) : null;
		const reason = closest
			? 'This quotation is not word for word what the session content says.'
			: 'This quotation is not in the session content.';
		flags.push({ kind: 'quotation', reason, text: quote.text, closestSource: closest });
	}
	return flags;
}

const RISK_WORDS: ReadonlySet<string> = new Set(
	contentTokens('suicidal homicidal ideation thoughts urges intent plan self harm hurt kill denied denies deny endorsed risk safety contract screening')
);

function checkRisk(source: GroundingSource, text: string): { topics: number; flags: GroundingFlag[] } {
	const flags: GroundingFlag[] = [];
	const seen = new Set<RiskTopic>();
	for (const [topic, pattern] of RISK_PATTERNS) {
		const match = pattern.exec(text);
		if (!match || seen.has(topic)) continue;
		seen.add(topic);
		const mentions = source.risk.get(topic) ?? [];
		// Any question about suicide, self-harm or violence counts as a screening having happened.
		const asked = (['suicide', 'homicide', 'self-harm'] as const).some((t) => source.risk.has(t));
		const present = mentions.length > 0 || (topic === 'screening' && asked);
		const label = RISK_TOPIC_LABEL[topic];
		const near = mentions.length ? source.sentences[mentions[0]!.index]!.text : null;
		const clause = clauseBefore(text, match.index);
		let reason: string | null = null;
		if (!present) reason = `The session content does not mention ${label}.`;
		else if (NEGATION.test(clause) && !mentions.some((m) => m.polarity === 'denied')) {
			reason = `The session content does not record a denial of ${label}.`;
		} else if (!NEGATION.test(clause) && ENDORSEMENT.test(clause) && !mentions.some((m) => m.polarity === 'endorsed')) {
			reason = `The session content does not record ${label} being reported.`;
		}
		if (reason) flags.push({ kind: 'risk', reason, text: match[0], closestSource: near });
	}
	return { topics: seen.size, flags };
}

function checkAssumedNormal(source: GroundingSource, text: string, closest: string | null): GroundingFlag[] {
	const flags: GroundingFlag[] = [];
	for (const [phrase, cue] of ASSUMED_NORMAL) {
		const match = phrase.exec(text);
		if (match && !source.mentions(cue)) {
			const reason = `"${match[0]}" is a finding the session content does not record; write "${NOT_DOCUMENTED}" rather than assume it.`;
			flags.push({ kind: 'assumed-normal', reason, text: match[0], closestSource: closest });
		}
	}
	return flags;
}
