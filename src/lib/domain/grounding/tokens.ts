import { AFTER_NAME, IRREGULAR, NOT_NAMES, NUMBER_WORDS, STOPWORDS, SYNONYMS } from './lexicon';
import { MEDICATIONS } from './medications';
import { findDates, findNumbers } from './facts';
import { conceptIndex, findConcepts, phraseWordsWithCase, type ConceptIndex } from './concepts';

/**
 * Text to tokens for the grounding check: sentences with offsets, content tokens for lexical
 * overlap (with the concepts of lay and clinical phrases), names and quotations. The other
 * checkable facts (dates, doses, numbers, medications) are in facts.ts.
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

/**
 * Suffix stripping, enough to meet "sleeping"/"sleeps" and "worried"/"worries". Not memoised:
 * a module-level cache of stems would keep every word of every session reachable after Lock
 * (the heap test in tests/e2e/disk-and-memory.spec.ts found it); it cost a fifth of the check's time.
 */
export function stem(word: string): string {
	const synonym = SYNONYMS.get(word);
	if (synonym) return synonym;
	// "Nonsmoker" is a smoker negated: the stem is the smoker's (negatedStems sees the "non").
	if (/^non[a-z]{4,}$/.test(word) && !NOT_NON.has(word)) return stem(word.slice(3));
	// An irregular form takes its base form's stem: "driven" and "driving" both become "driv".
	let w = IRREGULAR.get(word) ?? word;
	if (w !== word && SYNONYMS.has(w)) return SYNONYMS.get(w)!;
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

/** Words that start with "non" and are not a negated word. */
const NOT_NON = new Set(['nonetheless', 'nonsense', 'nonprofit', 'noncompliant', 'noncompliance', 'nonadherent', 'nonadherence']);

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

/**
 * The content tokens of a text: stems without stopwords, numbers as digits ("forty-five" is 45),
 * and the concepts its lay or clinical phrases name (`~insomnia` for "can't sleep"). A source
 * keeps a phrase's own words beside its concept; a draft sentence's phrase counts as its concept
 * alone, so "high blood pressure" in a note needs hypertension in the session, not those words.
 */
export function contentTokens(text: string, side: 'source' | 'draft' = 'draft'): string[] {
	const tokens: string[] = [];
	// "76-year-old": the age is the number and its unit; "old" adds nothing to check.
	text = text.replace(/\b(years?|yrs?|months?|weeks?|days?)([- ])old\b/gi, '$1');
	const numbers = findNumbers(text).filter((n) => !/\d/.test(n.text));
	for (const n of numbers) tokens.push(n.key);
	const words = numbers.length ? numbers.reduceRight((t, n) => t.slice(0, n.start) + ' ' + t.slice(n.end), text) : text;
	const { words: phrase, caps } = phraseWordsWithCase(words, stem);
	const concepts = findConcepts(phrase, conceptsIndex(), caps);
	const consumed = new Set<string>();
	for (const c of concepts) {
		tokens.push(c.concept);
		if (side === 'draft') for (const w of phrase.slice(c.from, c.to)) consumed.add(w);
	}
	for (const w of plainWords(words)) {
		if (/^\d/.test(w)) tokens.push(w.replace(/,/g, ''));
		else if (/^(st|nd|rd|th)$/.test(w) && /\d$/.test(tokens[tokens.length - 1] ?? '')) continue;
		else if (w.length > 1 && !STOPWORDS.has(w) && !NUMBER_WORDS.has(w)) {
			const t = stem(w);
			if (!consumed.has(t)) tokens.push(t);
		}
	}
	return tokens;
}

/** Words that open a negated scope (including verbs that say something did not happen), and words that close one. */
const NEGATION_CUE = /^(?:no|not|never|without|none|nor|den(?:y|ies|ied|ying)|negative|non|nothing|neither|unable|unobtainable|miss(?:ed|es|ing)?|avoid(?:s|ed|ing)?|refus(?:e|es|ed|ing)|quit|stopped|lack(?:s|ed|ing)?|absent|free)$|n't$/;
const SCOPE_END = /^(?:but|although|though|however|except|exception|yet|besides|beyond|other|apart|only|instead)$/;
/** After "and", these start a new statement ("denied wanting to die and said she ..."). */
const NEW_STATEMENT = /^(?:i|he|she|they|we|said|says|stated|states|reported|reports|is|was|has|had|will|would)$/;
/** Phrases with "not" or "no" that negate nothing. */
const IDIOMS = /\b(?:believe it or not|whether or not|or not|not only|if not|no matter|no doubt|no problem|no worries)\b/gi;
/** A bare "no" or "yes" that answers a question, before a comma: "No, I stay with my boyfriend." */
const ANSWER = /^\s*(?:no|nope|nah|yes|yeah|yep)\s*,/i;

/**
 * The stems of a text said in a negated clause: after "no", "not", "denies", "without", ...
 * up to the end of the clause ("No fever, chills or cough; has a headache": fever, chill, cough),
 * and every word of a clause that ends in a denial ("Alcohol use, denies.").
 */
export function negatedStems(text: string): Set<string> {
	const out = new Set<string>();
	// A comma before a new subject starts a new clause ("I can't right now, I'm on sick leave").
	for (const raw of text.replace(IDIOMS, ' ').split(/[.;:!?]+|,\s*(?=(?:i|i'm|he|she|they|we|it|it's|there|you)\b)/i)) {
		const clause = raw.replace(ANSWER, ' ');
		const words = [...clause.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)*/g)].map(([w]) => w.toLowerCase().replace(/’/g, "'"));
		const content = words.filter((w) => !STOPWORDS.has(w) || NEGATION_CUE.test(w));
		if (/^(?:den(?:y|ies|ied)|negative|none|unobtainable|unavailable|absent)$/.test(content[content.length - 1] ?? '')) {
			for (const w of content.slice(0, -1)) out.add(stem(w));
			continue;
		}
		let inScope = false;
		words.forEach((w, i) => {
			if (SCOPE_END.test(w) || (w === 'and' && NEW_STATEMENT.test(words[i + 1] ?? ''))) inScope = false;
			else if (NEGATION_CUE.test(w)) inScope = true;
			else if (/^non[a-z]{4,}$/.test(w) && !NOT_NON.has(w)) out.add(stem(w));
			else if (inScope && !STOPWORDS.has(w)) out.add(stem(w));
		});
	}
	return out;
}

const BODY = String.raw`(?:side|sided|arm|leg|hand|foot|feet|knee|hip|eye|ear|breast|shoulder|elbow|wrist|ankle|lung|kidney|flank|upper|lower|naris|nostril|temple|chest|thumb|finger|toe|heel|thigh|calf|buttock|back|neck|face|cheek|jaw|lobe|ventricle|atrium|groin|testicle|ovary|extremity|extremities|abdomen|quadrant)`;
const LATERAL = new RegExp(String.raw`\b(left|right)(?:[- ](?:sided|side))?\s+(?:\w+\s+)?${BODY}\b|\b(?:on|to|in|of)\s+(?:the|my|your|his|her|their)\s+(left|right)\b|\b(left|right)[- ]sided\b|\b${BODY}\W+(?:on\s+the\s+)?(left|right)\b`, 'gi');

/** The sides of the body a text speaks of ("right knee", "on my left", "left-sided"), not "right now" or "I left". */
export function sidesOf(text: string): Set<'left' | 'right'> {
	const sides = new Set<'left' | 'right'>();
	for (const m of text.matchAll(LATERAL)) sides.add((m[1] ?? m[2] ?? m[3] ?? m[4])!.toLowerCase() as 'left' | 'right');
	return sides;
}

let conceptIndexCache: ConceptIndex | undefined;
/** Built on first use: the index needs the stemmer. */
function conceptsIndex(): ConceptIndex {
	return (conceptIndexCache ??= conceptIndex(stem));
}

const CAPITALISED = /\b[A-Z][a-z]+(?:['’]s)?\b/g;
const TITLED = /\b(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse)\.?\s+([A-Z][A-Za-z'’-]*)/g;
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
	// "Dr. XYZ", "Doctor Kim": whatever follows a title is a name, even in capitals.
	for (const m of text.matchAll(TITLED)) {
		const start = m.index! + m[0].length - m[1]!.length;
		if (!NOT_NAMES.has(m[1]!.toLowerCase())) names.push({ text: m[1]!, start, end: start + m[1]!.length });
	}
	for (const run of runs) {
		// "Family Medical History:" is a heading, not a name.
		const tail = run[run.length - 1]!;
		if (/^\s*:/.test(text.slice(tail.index! + tail[0].length))) continue;
		if (names.some((n) => run[0]!.index! < n.end && tail.index! + tail[0].length > n.start)) continue;
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
	return names.sort((a, b) => a.start - b.start);
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
