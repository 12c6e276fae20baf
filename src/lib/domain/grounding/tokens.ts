import { AFTER_NAME, IRREGULAR, MEDICATIONS, NOT_NAMES, NUMBER_WORDS, STOPWORDS, SYNONYMS } from './lexicon';

/**
 * Text to facts for the grounding check: sentences with offsets, content tokens for lexical
 * overlap, and the checkable facts of a sentence (numbers, dates, doses, medications, names,
 * quotations), each normalised so "Nov 3" meets "November 3rd" and "Zoloft" meets "sertraline".
 */

export interface Span {
	text: string;
	start: number;
	end: number;
}

export interface SentenceSpan extends Span {
	/** Index of the line it is on; a transcript turn is usually one line. */
	line: number;
	/** Whether it starts its line (where a speaker label would be). */
	lineStart: boolean;
}

/** Abbreviations whose period never ends a sentence ("Dr. Lee", "R.T."). */
const ABBREVIATION = /(\b(dr|mr|mrs|ms|mx|st|vs|approx|e\.g|i\.e|[a-z])\.|^\s*\d{1,2}[.)])$/i;
/** These end a sentence only when a capital letter follows ("at 2 p.m. Next ..."). */
const SOFT_ABBREVIATION = /\b(a\.m|p\.m|etc)\.$/i;
const LIST_MARKER = /^\s*(?:[-*•·]\s+|\d{1,2}[.)]\s+)?/;

/** Sentences of `text`, split at line breaks and sentence ends, with offsets into `text`. */
export function sentenceSpans(text: string): SentenceSpan[] {
	const spans: SentenceSpan[] = [];
	let line = 0;
	const push = (piece: string, offset: number, lineStart: boolean) => {
		const lead = LIST_MARKER.exec(piece)![0].length;
		const body = piece.slice(lead).trimEnd();
		if (body) spans.push({ text: body, start: offset + lead, end: offset + lead + body.length, line, lineStart });
	};
	for (const match of text.matchAll(/[^\r\n]+/g)) {
		let start = 0;
		for (const boundary of match[0].matchAll(/(?<=[.!?]["'”’)\]]*)\s+/g)) {
			const piece = match[0].slice(start, boundary.index);
			const next = match[0][boundary.index + boundary[0].length] ?? '';
			if (SOFT_ABBREVIATION.test(piece) ? !/[A-Z]/.test(next) : ABBREVIATION.test(piece)) continue;
			push(piece, match.index + start, start === 0);
			start = boundary.index + boundary[0].length;
		}
		push(match[0].slice(start), match.index + start, start === 0);
		line++;
	}
	return spans;
}

/**
 * A transcript line's "[00:01:02] Speaker:" prefix. A speaker is one word, or up to three
 * capitalised ones ("Partner A (Dev)", "Dr. Lee"), so "We went through a safety plan:" is not.
 */
const SPEAKER_LABEL = /^(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*)?(?:(?:[A-Za-z][\w.'’-]*|[A-Z][\w.'’-]*(?:\s+(?:[A-Z0-9][\w.'’-]*|\([^)]{1,20}\))){1,2}):\s+)?/;

/** Splits a line-initial sentence into its speaker label (if any) and what was said. */
export function splitSpeaker(sentence: string): { label: string; content: string } {
	const label = SPEAKER_LABEL.exec(sentence)![0];
	return { label, content: sentence.slice(label.length) };
}

/* ------------------------------------------------------------------ tokens */

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*/g;

const STEMS = new Map<string, string>();

/** Suffix stripping, enough to meet "sleeping"/"sleeps" and "worried"/"worries" (memoised: words repeat). */
export function stem(word: string): string {
	let stemmed = STEMS.get(word);
	if (stemmed === undefined) STEMS.set(word, (stemmed = stemUncached(word)));
	return stemmed;
}

function stemUncached(word: string): string {
	const synonym = SYNONYMS.get(word);
	if (synonym) return synonym;
	// An irregular form takes its base form's stem: "driven" and "driving" both become "driv".
	let w = IRREGULAR.get(word) ?? word;
	if (w.length <= 3) return w;
	// Plural first, then verb endings, so "mornings" and "morning" meet.
	if (/(ies|ied)$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
	else if (/(x|ch|sh|ss|z)es$/.test(w)) w = w.slice(0, -2);
	else if (/[^su]s$/.test(w)) w = w.slice(0, -1);
	if (/ing$/.test(w) && w.length > 5) w = undouble(w.slice(0, -3));
	else if (/ed$/.test(w) && w.length > 4) w = undouble(w.slice(0, -2));
	if (/ness$/.test(w) && w.length > 6) w = w.slice(0, -4);
	else if (/ly$/.test(w) && w.length > 5) w = w.slice(0, -2);
	else if (/ion$/.test(w) && w.length > 6) w = w.slice(0, -3);
	if (/e$/.test(w) && w.length > 3) w = w.slice(0, -1);
	return SYNONYMS.get(w) ?? w;
}

function undouble(w: string): string {
	return /([^aeiouls])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** Lower-case words with possessives dropped; contractions are left out (they are function words). */
export function plainWords(text: string): string[] {
	const words: string[] = [];
	for (const [raw] of text.matchAll(WORD)) {
		const w = raw.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
		if (!w.includes("'")) words.push(w);
	}
	return words;
}

/** The content tokens of a text: stems without stopwords, numbers as digits ("forty-five" is 45). */
export function contentTokens(text: string): string[] {
	const tokens: string[] = [];
	const numbers = findNumbers(text).filter((n) => !/\d/.test(n.text));
	for (const n of numbers) tokens.push(n.key);
	const words = numbers.length ? numbers.reduceRight((t, n) => t.slice(0, n.start) + ' ' + t.slice(n.end), text) : text;
	for (const w of plainWords(words)) {
		if (/^\d/.test(w)) tokens.push(w.replace(/,/g, ''));
		else if (/^(st|nd|rd|th)$/.test(w) && /\d$/.test(tokens[tokens.length - 1] ?? '')) continue;
		else if (w.length > 1 && !STOPWORDS.has(w) && !NUMBER_WORDS.has(w)) tokens.push(stem(w));
	}
	return tokens;
}

/* ------------------------------------------------------------------ facts */

export interface Fact extends Span {
	/** Normalised value, comparable between source and draft. */
	key: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const DATE_PATTERNS: readonly [RegExp, (m: RegExpMatchArray) => string | null][] = [
	[new RegExp(String.raw`\b${MONTH}\.?\s+${DAY}\b(?!:)`, 'g'), (m) => monthDay(m[1]!, m[2]!)],
	[new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH}\b`, 'g'), (m) => monthDay(m[2]!, m[1]!)],
	[/\b(19\d\d|20\d\d)-(\d\d)-(\d\d)\b/g, (m) => `m${Number(m[2])}-d${Number(m[3])}`],
	[/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/g, (m) => numericDate(m)],
	[/\b(January|February|March|April|June|July|August|September|October|November|December)\b/g, (m) => `m${monthIndex(m[1]!)}`],
	[/\b(?:in|of|since|until|early|late|mid)[- ]May\b/g, () => 'm5'],
	[/\b(?:(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|(Tues|Thurs))\b/g, (m) => `w${(m[1] ?? m[2])!.slice(0, 3).toLowerCase()}`],
	[/\b(?:19|20)\d\d\b/g, (m) => `y${m[0]}`],
	[/\b(\d{1,2})(?::(\d\d))?\s*([ap])(?:\.m\.|m\b)/gi, (m) => `t${Number(m[1]) % 12}:${m[2] ?? '00'}`],
	[/\b(\d{1,2}):(\d\d)\b/g, (m) => `t${Number(m[1]) % 12}:${m[2]}`]
];

function monthIndex(name: string): number {
	return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function monthDay(month: string, day: string): string | null {
	const d = Number(day);
	return d >= 1 && d <= 31 ? `m${monthIndex(month)}-d${d}` : null;
}

function numericDate(m: RegExpMatchArray): string | null {
	const [month, day] = [Number(m[1]), Number(m[2])];
	// "7/10" is a rating, and "24/7" is not a date either.
	if (!m[3] && (day === 10 || day === 100)) return null;
	return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `m${month}-d${day}` : null;
}

/** Dates, weekdays, years and clock times, earliest pattern first; overlapping matches are dropped. */
export function findDates(text: string): Fact[] {
	const found: Fact[] = [];
	for (const [pattern, keyOf] of DATE_PATTERNS) {
		for (const m of text.matchAll(pattern)) {
			const start = m.index!;
			const end = start + m[0].length;
			if (found.some((f) => start < f.end && end > f.start)) continue;
			const key = keyOf(m);
			if (key) found.push({ text: m[0], start, end, key });
		}
	}
	return found.sort((a, b) => a.start - b.start);
}

const DOSE_NUMBER = String.raw`(\d+(?:\.\d+)?|half(?:\s+an?)?|one|two|three|four|five|six|seven|eight|nine|ten)`;
const DOSE = new RegExp(
	String.raw`\b${DOSE_NUMBER}(?:\s*(?:-|to)\s*(\d+(?:\.\d+)?))?\s*(mg|mcg|µg|ug|milligrams?|micrograms?|grams?|g|ml|cc|units?|iu|tablets?|tabs?|pills?|capsules?|caps?|puffs?|drops?|patch(?:es)?|films?|sprays?)\b`,
	'gi'
);
const UNIT_CLASS: readonly [RegExp, string][] = [
	[/^(mg|milligrams?)$/, 'mg'],
	[/^(mcg|µg|ug|micrograms?)$/, 'mcg'],
	[/^(g|grams?)$/, 'g'],
	[/^(ml|cc)$/, 'ml'],
	[/^(units?|iu)$/, 'unit'],
	[/^(tablets?|tabs?|pills?|capsules?|caps?)$/, 'tablet']
];

/** Doses ("50 mg", "0.5mg", "two tablets", "50-100 mg"), keyed by value and unit. */
export function findDoses(text: string): Fact[] {
	const doses: Fact[] = [];
	for (const m of text.matchAll(DOSE)) {
		const unitWord = m[3]!.toLowerCase();
		const unit = UNIT_CLASS.find(([re]) => re.test(unitWord))?.[1] ?? unitWord.replace(/(es|s)$/, '');
		const start = m.index!;
		for (const value of [m[1]!, m[2]].filter((v): v is string => !!v)) {
			doses.push({ text: m[0], start, end: start + m[0].length, key: `${numberValue(value)} ${unit}` });
		}
	}
	return doses;
}

function numberValue(word: string): number {
	const w = word.toLowerCase();
	return w.startsWith('half') ? 0.5 : (NUMBER_WORDS.get(w) ?? Number(w.replace(/,/g, '')));
}

/** Instrument names ("PHQ-9", "A1c"), orientation ("x3") and rating scales ("/10") hold no count. */
const NOT_A_COUNT = /\b[A-Z]{1,6}-?\d{1,2}[a-z]?\b|\bx\s?\d\b|\/\s?100?\b|\bout of (?:10|ten|100|a hundred|one hundred)\b|\b24\/7\b/g;
const NUMBER_WORD = [...NUMBER_WORDS.keys()].join('|');
const NUMBER = new RegExp(String.raw`\$?\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th)?|\b(?:${NUMBER_WORD})(?:[- ](?:${NUMBER_WORD}))*\b|\bonce\b`, 'gi');
/** "one" and "once" are only counts next to something countable ("one week", "once a day"). */
const COUNTABLE = /^[- ]*(minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|times?|sessions?|drinks?|beers?|glass(es)?|doses?|cigarettes?|episodes?|attacks?|occasions?|cups?|servings?)\b/i;
const ONCE_COUNT = /^\s+(a|per|every|daily|weekly|monthly|nightly)\b/i;

/** Counts and quantities outside dates and doses, each keyed by its numeric value. */
export function findNumbers(text: string, masked: readonly Span[] = []): Fact[] {
	const skip = [...masked, ...[...text.matchAll(NOT_A_COUNT)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }))];
	const numbers: Fact[] = [];
	for (const m of text.matchAll(NUMBER)) {
		const start = m.index!;
		const end = start + m[0].length;
		if (skip.some((s) => start < s.end && end > s.start)) continue;
		const word = m[0].toLowerCase();
		const after = text.slice(end);
		if (word === 'once' && !ONCE_COUNT.test(after)) continue;
		if (word === 'one' && !COUNTABLE.test(after)) continue;
		const value = /\d/.test(word) ? Number(word.replace(/[$,]|st|nd|rd|th/g, '')) : wordsValue(word);
		if (Number.isFinite(value)) numbers.push({ text: m[0], start, end, key: String(value) });
	}
	return numbers;
}

/** "twenty-four" is 24, "two hundred" 200, "once" 1. */
function wordsValue(words: string): number {
	if (words === 'once') return 1;
	let total = 0;
	for (const w of words.split(/[- ]/)) {
		const v = NUMBER_WORDS.get(w) ?? 0;
		total = v === 100 || v === 1000 ? Math.max(total, 1) * v : total + v;
	}
	return total;
}

/** Medication names, each with the generic name(s) it stands for. */
export function findMedications(text: string): (Span & { generics: readonly string[] })[] {
	const meds: (Span & { generics: readonly string[] })[] = [];
	for (const m of text.matchAll(/[A-Za-z]+/g)) {
		const generics = MEDICATIONS.get(m[0].toLowerCase());
		if (generics) meds.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, generics });
	}
	return meds;
}

const CAPITALISED = /\b[A-Z][a-z]+(?:['’]s)?\b/g;
/** Words a name never ends with, for the first word of a sentence ("Improvement is ..."). */
const COMMON_SUFFIX = /^.{3,}(ing|ed|ly|tion|sion|ment|ness|ity)$/;

/** Capitalised words that look like people's names; consecutive ones ("Trevor Project") are one name. */
export function findNames(text: string): Span[] {
	const runs: RegExpMatchArray[][] = [];
	for (const m of text.matchAll(CAPITALISED)) {
		const run = runs[runs.length - 1];
		const last = run?.[run.length - 1];
		if (last && /^\s+$/.test(text.slice(last.index! + last[0].length, m.index))) run!.push(m);
		else runs.push([m]);
	}
	const dates = findDates(text);
	const names: Span[] = [];
	for (const run of runs) {
		const kept = run.filter((m) => {
			const lower = m[0].replace(/['’]s$/, '').toLowerCase();
			const inDate = dates.some((d) => m.index! >= d.start && m.index! < d.end);
			return !NOT_NAMES.has(lower) && !MEDICATIONS.has(lower) && !inDate && findDates(m[0]).length === 0;
		});
		if (kept.length === 0) continue;
		const first = kept[0]!;
		const word = first[0].replace(/['’]s$/, '');
		// The first word of a sentence, quotation or clause is a name only before "reported", "is", ...
		const initial = /(^|[:;("“]\s*)$/.test(text.slice(0, first.index));
		const after = text.slice(first.index! + word.length).trimStart();
		if (kept.length === 1 && initial && (COMMON_SUFFIX.test(word.toLowerCase()) || !AFTER_NAME.test(after))) continue;
		const last = kept[kept.length - 1]!;
		const end = last.index! + last[0].replace(/['’]s$/, '').length;
		names.push({ text: text.slice(first.index, end), start: first.index!, end });
	}
	return names;
}

/** Quoted passages, inside straight or curly double quotes, or single quotes around words. */
export function findQuotations(text: string): Span[] {
	const quotes: Span[] = [];
	for (const m of text.matchAll(/["“”„]([^"“”„]+)["“”„]|‘([^‘’]+)’(?![a-z])|(?<![\w'])'((?:[^']|(?<=\w)'(?=\w))+)'(?!\w)/g)) {
		const inner = m[1] ?? m[2] ?? m[3]!;
		const start = m.index! + m[0].indexOf(inner);
		quotes.push({ text: inner, start, end: start + inner.length });
	}
	return quotes;
}

/** Words only, lower case, one space apart: how quotations are compared ("verbatim" means the words). */
export function normaliseWords(text: string): string {
	return text
		.toLowerCase()
		.replace(/[‘’ʼ`´]/g, "'")
		.replace(/[^a-z0-9' ]+/g, ' ')
		.replace(/(^|\s)'|'(?=\s|$)/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
