import { NUMBER_WORDS } from './lexicon';
import { MEDICATIONS } from './medications';
import type { Span } from './tokens';

/**
 * The checkable facts of a text for the grounding check: dates, times, doses, dosing
 * frequencies, counts and medication names, each keyed the same way in the session content and
 * in a draft, so "Nov 3" meets "November 3rd", "b.i.d." meets "twice a day" and "Zoloft" meets
 * "sertraline".
 */

export interface Fact extends Span {
	/** Normalised value, comparable between source and draft. */
	key: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?\b/g;
const DATE_PATTERNS: readonly [RegExp, (m: RegExpMatchArray) => string | null][] = [
	[new RegExp(String.raw`\b${MONTH}\.?\s+${DAY}\b(?!:)`, 'g'), (m) => monthDay(m[1]!, m[2]!)],
	[new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH}\b`, 'g'), (m) => monthDay(m[2]!, m[1]!)],
	[/\b(19\d\d|20\d\d)-(\d\d)-(\d\d)\b/g, (m) => `m${Number(m[2])}-d${Number(m[3])}`],
	[NUMERIC_DATE, (m) => numericDate(m)],
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
			if (!key) continue;
			found.push({ text: m[0], start, end, key });
			// "1/7/91" says the year too, and the year must be in the source as well.
			const year = pattern === NUMERIC_DATE ? m[3] : undefined;
			if (year) found.push({ text: m[0], start, end, key: `y${year.length === 2 ? (Number(year) > 30 ? '19' : '20') + year : year}` });
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
	// "Low-dose aspirin" states a dose without a number.
	for (const m of text.matchAll(/\blow[- ]dose\b/gi)) doses.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, key: 'low-dose' });
	return doses.sort((a, b) => a.start - b.start);
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
	// "A couple of days" is two.
	for (const m of text.matchAll(/\ba\s+couple\b/gi)) {
		const start = m.index!;
		if (!skip.some((s) => start < s.end && start + m[0].length > s.start)) numbers.push({ text: m[0], start, end: start + m[0].length, key: '2' });
	}
	numbers.sort((a, b) => a.start - b.start);
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

const PER_DAY = String.raw`(?:a|per|1|each|every)\s+day`;
/** Dosing frequencies, most specific first, each keyed by how often (`x2/d`) or when (`prn`, `qhs`). */
const FREQUENCIES: readonly [RegExp, string][] = [
	[new RegExp(String.raw`\b(?:q\.?\s?i\.?\s?d\b\.?|QID\b|(?:4|four)\s+times\s+${PER_DAY}|(?:every|q)\s?6\s?(?:hours|hrs?|h)\b)`, 'gi'), 'x4/d'],
	[new RegExp(String.raw`\b(?:t\.?\s?i\.?\s?d\b\.?|TID\b|(?:3|three)\s+times\s+${PER_DAY}|(?:every|q)\s?8\s?(?:hours|hrs?|h)\b)`, 'gi'), 'x3/d'],
	[new RegExp(String.raw`\b(?:b\.?\s?i\.?\s?d\b\.?|BID\b|twice\s+(?:${PER_DAY}|daily)|(?:2|two)\s+times\s+${PER_DAY}|(?:every|q)\s?12\s?(?:hours|hrs?|h)\b)`, 'gi'), 'x2/d'],
	[/\b(?:every|q)\s?4\s?(?:hours|hrs?|h)\b/gi, 'x6/d'],
	[/\b(?:p\.?\s?r\.?\s?n\b\.?|PRN\b|as\s+needed|when\s+needed|as\s+necessary|if\s+needed)/gi, 'prn'],
	[/\b(?:q\.?\s?h\.?\s?s\b\.?|QHS\b|at\s+bedtime|before\s+bed(?:time)?)/gi, 'qhs'],
	[new RegExp(String.raw`\b(?:q\.?\s?d\b\.?|QD\b|QAM\b|daily|once\s+(?:${PER_DAY}|daily)|(?:1|one)\s+times?\s+${PER_DAY}|every\s+(?:day|morning|night|evening)|each\s+(?:day|morning|night)|nightly|${PER_DAY})`, 'gi'), 'x1/d'],
	[/\b(?:weekly|once\s+(?:a|per|1)\s+week|every\s+week)\b/gi, 'x1/w']
];

/** How often a medicine is taken: "b.i.d.", "twice a day", "every 6 hours", "as needed". */
export function findFrequencies(text: string): Fact[] {
	const found: Fact[] = [];
	for (const [pattern, key] of FREQUENCIES) {
		for (const m of text.matchAll(pattern)) {
			const start = m.index!;
			const end = start + m[0].length;
			if (!found.some((f) => start < f.end && end > f.start)) found.push({ text: m[0], start, end, key });
		}
	}
	return found.sort((a, b) => a.start - b.start);
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
