import { NOT_DOCUMENTED } from '../notes/note-formats';
import { ASSUMED_NORMAL, ENDORSEMENT, NEGATION, NOT_NAMES, RISK_PATTERNS, RISK_TOPIC_LABEL, type RiskTopic } from './lexicon';
import { clauseBefore, nearest, type GroundingSource } from './source';
import { support } from './support';
import { contentTokens, findNames, findQuotations, normaliseWords, plainWords, type Span } from './tokens';
import { findDates, findDoses, findFrequencies, findMedications, findNumbers, type Fact } from './facts';
import type { GroundingFlag, GroundingFlagKind } from './types';

/**
 * The flags: specific, checkable problems in a draft sentence. A number, date, name, medication,
 * dose or dosing frequency the session content does not have; a quotation that is not word for
 * word; a risk statement the content does not back; an assumed-normal finding nobody observed.
 */

export function checkFacts(source: GroundingSource, text: string, tokens: readonly string[], closest: string | null): GroundingFlag[] {
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
	for (const dose of doses) checkDose(source, dose, medicationOf(meds, dose), flag);
	// How often is part of a dose ("b.i.d."), checked where the sentence is about a medicine.
	if (meds.length > 0 || doses.length > 0 || MEDICINE_WORD.test(text)) {
		for (const f of findFrequencies(text)) {
			if (source.frequencies.has(f.key) || (f.key === 'x1/d' && source.frequencies.has('qhs'))) continue;
			const med = medicationOf(meds, f);
			const at = med?.generics.map((g) => source.medications.get(g)).find((i) => i !== undefined);
			flag('dose', f, `How often, "${f.text}", is not in the session content.`, at === undefined ? closest : source.sentences[at]!.text);
		}
	}
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
		// "Are you taking Benicar?" "Yes, twenty daily.": the amount said beside the medicine, without its unit.
		const value = dose.key.split(' ')[0]!;
		const beside = medSentence !== undefined && (source.numbers.get(value) ?? []).some((i) => source.context(medSentence).includes(i));
		if (!beside) flag('dose', dose, `The dose "${dose.text}" is not in the session content.`, near);
		return;
	}
	// The dose is somewhere in the source; for a known medication it must be that medication's dose.
	const known = (med?.generics ?? []).map((g) => source.dosesByMedication.get(g)).filter((d) => d !== undefined);
	if (med && known.length > 0 && !known.some((d) => d.has(dose.key))) {
		const listed = [...new Set(known.flatMap((d) => [...d]))].join(', ');
		flag('dose', dose, `The session content gives ${med.text} as ${listed}, not ${dose.text}.`, near);
	}
}

const MEDICINE_WORD = /\b(?:medications?|medicines?|meds|pills?|tablets?|capsules?|inhalers?|drops|ointment|cream|injections?|shots?|doses?|prescri\w+)\b/i;

/** The medicine a dose or frequency belongs to: the last one named before it, else the nearest. */
function medicationOf<T extends Span>(meds: readonly T[], fact: Span): T | undefined {
	const before = meds.filter((m) => m.end <= fact.start);
	return before[before.length - 1] ?? nearest(meds, fact);
}

/** Just before a number: an instrument or the word score, so the number is a score. */
const INSTRUMENT = String.raw`\b(?:[A-Z]{2,}[A-Z0-9]*-\d+[A-Z]?|AUDIT(?:-C)?|C-?SSRS|MMSE|MoCA|BDI(?:-II)?|BAI|Y-?BOCS|CAGE|EPDS|PHQ|GAD)\b`;
const SCORE_CUE = new RegExp(String.raw`(${INSTRUMENT}|\bscor\w*|\btotal)\W+(\w+\W+){0,3}$`);
const SCORE_WORD = new RegExp(String.raw`${INSTRUMENT}|\bscor\w*|\btotal|\brat(ed|ing)\b`);

const UNIT_STEMS: ReadonlySet<string> = new Set(contentTokens('year years month months week weeks day days hour hours minute minutes time times'));

/** A number is grounded where it sits next to at least one of the sentence's other words. */
function sharesWords(source: GroundingSource, at: number, tokens: readonly string[], number: string): boolean {
	const words = tokens.filter((t) => t !== number && !/^\d/.test(t));
	// "He is in his 80s.", "She is 76 years old.": nothing but a unit to compare, so the number being there is all it can show.
	if (words.every((t) => UNIT_STEMS.has(t))) return true;
	return source.context(at).some((i) => words.some((t) => source.sentences[i]!.tokens.has(t)));
}

export function checkQuotations(source: GroundingSource, text: string): GroundingFlag[] {
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

export const RISK_WORDS: ReadonlySet<string> = new Set(
	contentTokens('suicidal homicidal ideation thoughts urges intent plan self harm hurt kill denied denies deny endorsed risk safety contract screening')
);

export function checkRisk(source: GroundingSource, text: string): { topics: number; flags: GroundingFlag[] } {
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

export function checkAssumedNormal(source: GroundingSource, text: string, closest: string | null): GroundingFlag[] {
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
