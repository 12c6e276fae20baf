import { words } from './readability';
import type { Diagnosis } from '../core/records';

/**
 * Client-facing language (no AI): finds diagnostic labels and clinical jargon in text written
 * for a client, a school or an employer, so the clinician can put it in plain words or leave it
 * out. Diagnostic labels (codes, disorder names, substance use treatment) are minimum-necessary
 * information: they are not flagged when the clinician chose to include diagnoses on purpose.
 * Lexical, like the grounding check: it can miss a label spelled in an unusual way. Also here:
 * the deterministic plainer text that "Make it simpler" gives without a model.
 */

export type LanguageFlagKind = 'diagnosis' | 'jargon';

export interface LanguageFlag {
	kind: LanguageFlagKind;
	/** The words as written: text.slice(start, end). */
	text: string;
	start: number;
	end: number;
	/** What to do instead, in plain words, for the clinician. */
	advice: string;
}

interface Term {
	kind: LanguageFlagKind;
	pattern: RegExp;
	advice: string;
}

const LABEL = 'A diagnostic label: leave it out unless this document needs it (then tick “Include diagnoses”).';
const CODE = 'A diagnosis code: leave it out unless this document needs it (then tick “Include diagnoses”).';
const SUBSTANCE = 'Names substance use or its treatment: leave it out unless this document needs it (then tick “Include diagnoses”).';
const plain = (words: string) => `Clinical wording: say “${words}”, or leave it out.`;

// Acronyms are matched in capitals only: "add", "gad" and "hi" are ordinary words.
const TERMS: readonly Term[] = [
	{ kind: 'diagnosis', pattern: /\b[A-Z]\d{2}\.[0-9A-Z]{1,4}\b/g, advice: CODE },
	{ kind: 'diagnosis', pattern: /\bF\d{2}\b/g, advice: CODE },
	{ kind: 'diagnosis', pattern: /\b(?:DSM|ICD)(?:-?\d+|-[IV]+)?(?:-[A-Z]+)?\b/g, advice: CODE },
	{
		kind: 'diagnosis',
		pattern:
			/\b(?:major depressive|generali[sz]ed anxiety|persistent depressive|social anxiety|post-?traumatic stress|obsessive-?compulsive|attention-deficit\/?hyperactivity|borderline personality|bipolar (?:I{1,2} )?|substance use|alcohol use|opioid use|cannabis use|stimulant use|eating|panic|adjustment|personality|anxiety|depressive|mood|conduct|sleep|somatic symptom)\s*disorders?\b/gi,
		advice: LABEL
	},
	{ kind: 'diagnosis', pattern: /\b(?:PTSD|MDD|GAD|OCD|ADHD|ADD|BPD|SUD|AUD|OUD)\b/g, advice: LABEL },
	{
		kind: 'diagnosis',
		pattern:
			/\b(?:bipolar|borderline|psychos[ie]s|psychotic|schizo(?:phreni\w*|affective|typal)|dysthymi\w*|major depression|clinical depression|anorexia(?: nervosa)?|bulimi\w*|autism(?: spectrum)?|dementia|cyclothymi\w*|agoraphobi\w*)\b/gi,
		advice: LABEL
	},
	{
		kind: 'diagnosis',
		pattern:
			/\b(?:substance (?:use|abuse)|alcohol (?:abuse|dependence)|alcoholism|addiction|opioid (?:use|dependence)|methadone|buprenorphine|suboxone|naltrexone|medication-assisted treatment|detox(?:ification)?)\b/gi,
		advice: SUBSTANCE
	},
	{ kind: 'jargon', pattern: /\b(?:SI\/HI|SI|HI)\b/g, advice: plain('thoughts of suicide or of hurting others') },
	{ kind: 'jargon', pattern: /\b(?:suicidal|homicidal)\s+ideation\b/gi, advice: plain('thoughts of …') },
	{ kind: 'jargon', pattern: /\bideation\b/gi, advice: plain('thoughts') },
	{
		kind: 'jargon',
		pattern:
			/\b(?:flat|blunted|restricted|constricted|labile|congruent|incongruent|euthymic|dysphoric|anxious|bright|full|broad|reactive|appropriate|inappropriate|depressed|tearful)\s+affect\b|\baffect\s+(?:was|is|appeared|congruent|incongruent)\b|^\s*affect\b(?=\s*:)/gim,
		advice: plain('how your feelings showed')
	},
	{ kind: 'jargon', pattern: /\beuthymi[ac]\b/gi, advice: plain('steady mood') },
	{ kind: 'jargon', pattern: /\bdysphori[ac]\b/gi, advice: plain('low mood') },
	{ kind: 'jargon', pattern: /\banhedoni[ac]\b/gi, advice: plain('losing interest in things you enjoyed') },
	{ kind: 'jargon', pattern: /\bruminat\w*/gi, advice: plain('going over the same thoughts') },
	{ kind: 'jargon', pattern: /\bcognitive distortions?\b/gi, advice: plain('thinking traps') },
	{ kind: 'jargon', pattern: /\bmaladaptive\b/gi, advice: plain('unhelpful') },
	{ kind: 'jargon', pattern: /\bpsychoeducation\b/gi, advice: plain('learning about') },
	{ kind: 'jargon', pattern: /\bdissociat\w*/gi, advice: plain('feeling far away or cut off') },
	{ kind: 'jargon', pattern: /\bhypervigilan\w*/gi, advice: plain('always on guard') },
	{ kind: 'jargon', pattern: /\b(?:psychomotor|somatic|somati[sz]ation|symptomatology|etiology|comorbid\w*|decompensat\w*)\b/gi, advice: plain('…') },
	{ kind: 'jargon', pattern: /\bprognosis\b/gi, advice: plain('what to expect') },
	{ kind: 'jargon', pattern: /\b(?:interventions?|modalit(?:y|ies)|presenting problem)\b/gi, advice: plain('what we worked on') },
	{ kind: 'jargon', pattern: /\bendors(?:e|es|ed|ing)\b/gi, advice: plain('said') },
	{ kind: 'jargon', pattern: /\bdenie[sd]\b/gi, advice: plain('said no to') },
	{ kind: 'jargon', pattern: /\boriented\s*(?:x|×)\s*\d\b|\bA&O\b/gi, advice: plain('…') },
	{ kind: 'jargon', pattern: /\b(?:[Pp]t|[Hh]x|[Dd]x|[Tt]x|[Rr]x|[Ss]x)\b|\b(?:c\/o|h\/o)\b/g, advice: plain('in full words') }
];

export interface LanguageOptions {
	/** The clinician chose to include diagnoses: labels are on purpose and not flagged. */
	includeDiagnoses: boolean;
	/** The client's own diagnoses: their codes and names are labels too. */
	diagnoses?: readonly Diagnosis[];
}

export function clientLanguageFlags(text: string, options: LanguageOptions): LanguageFlag[] {
	const found: LanguageFlag[] = [];
	const terms = [...TERMS, ...ownDiagnosisTerms(options.diagnoses ?? [])];
	for (const term of terms) {
		if (term.kind === 'diagnosis' && options.includeDiagnoses) continue;
		for (const m of text.matchAll(term.pattern)) {
			const start = m.index + (m[0].length - m[0].trimStart().length);
			const end = m.index + m[0].trimEnd().length;
			found.push({ kind: term.kind, text: text.slice(start, end), start, end, advice: term.advice });
		}
	}
	return withoutOverlaps(found);
}

/** The diagnostic labels only: what a letter must not carry unless diagnoses are included. */
export function diagnosisFlags(text: string, diagnoses: readonly Diagnosis[] = []): LanguageFlag[] {
	return clientLanguageFlags(text, { includeDiagnoses: false, diagnoses }).filter((f) => f.kind === 'diagnosis');
}

/** The client's codes, and each name up to its first comma ("Major depressive disorder, single episode"). */
function ownDiagnosisTerms(diagnoses: readonly Diagnosis[]): Term[] {
	const phrases = diagnoses.flatMap((d) => [d.code, d.description, d.description.split(',')[0] ?? '']);
	const unique = [...new Set(phrases.map((p) => p.trim()).filter((p) => p.length >= 3))];
	return unique.map((phrase) => ({ kind: 'diagnosis', pattern: new RegExp(`(?<![\\w.])${escape(phrase)}(?![\\w])`, 'gi'), advice: LABEL }));
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One flag per stretch of text: the earliest, then the longest, wins; diagnosis before jargon. */
function withoutOverlaps(flags: LanguageFlag[]): LanguageFlag[] {
	const rank = (f: LanguageFlag) => (f.kind === 'diagnosis' ? 0 : 1);
	const sorted = [...flags].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || rank(a) - rank(b));
	const kept: LanguageFlag[] = [];
	for (const flag of sorted) {
		const last = kept.at(-1);
		if (last && flag.start < last.end) {
			// A longer diagnosis over jargon it contains ("suicidal ideation" inside a code line) keeps the label.
			if (flag.kind === 'diagnosis' && last.kind === 'jargon' && flag.end >= last.end) kept[kept.length - 1] = flag;
			continue;
		}
		kept.push(flag);
	}
	return kept;
}

// ---- Plainer text, without a model ----------------------------------------------------

/**
 * The outline's "Make it simpler" keeps every fact, because it removes nothing but a joining
 * "and": hard words from a short list become common ones, a semicolon ends a sentence, and a
 * sentence of more than 15 words is split where two clauses join (", and", ", but", ", so").
 */
const PLAIN_WORDS: readonly (readonly [RegExp, string])[] = [
	[/\butili[sz]e\b/gi, 'use'],
	[/\bapproximately\b/gi, 'about'],
	[/\bassist(?:ance)?\b/gi, 'help'],
	[/\bfacilitate\b/gi, 'help'],
	[/\bdemonstrate\b/gi, 'show'],
	[/\badditional\b/gi, 'more'],
	[/\bregarding\b/gi, 'about'],
	[/\bcommence\b/gi, 'start'],
	[/\bsubsequently\b/gi, 'later'],
	[/\b(?:therefore|consequently),?/gi, 'so'],
	[/\bhowever,?/gi, 'but'],
	[/\bsufficient\b/gi, 'enough'],
	[/\bobtain\b/gi, 'get'],
	[/\brequire\b/gi, 'need'],
	[/\bparticipate\b/gi, 'take part'],
	[/\bfrequently\b/gi, 'often'],
	[/\bnumerous\b/gi, 'many'],
	[/\bprior to\b/gi, 'before'],
	[/\bin order to\b/gi, 'to'],
	[/\banticipate\b/gi, 'expect'],
	[/\bimmediately\b/gi, 'right away'],
	[/\bcurrently\b/gi, 'now'],
	[/\bdifficult\b/gi, 'hard'],
	[/\bbeneficial\b/gi, 'helpful'],
	[/\bpurchase\b/gi, 'buy'],
	[/\bphysician\b/gi, 'doctor']
];
const LONG_SENTENCE = 15;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function plainerWords(text: string): string {
	return PLAIN_WORDS.reduce(
		(out, [pattern, word]) => out.replace(pattern, (m) => (m[0] === m[0]!.toUpperCase() ? capitalise(word) : word)),
		text
	);
}

function splitLong(sentence: string): string {
	// A semicolon always joins two sentences; a comma with "and", "but" or "so" only splits a long one.
	const semicolon = /;\s+(?=\S)/.exec(sentence);
	if (semicolon) return `${splitLong(sentence.slice(0, semicolon.index))}. ${splitLong(capitalise(sentence.slice(semicolon.index + semicolon[0].length)))}`;
	if (words(sentence).length <= LONG_SENTENCE) return sentence;
	for (const m of sentence.matchAll(/,\s+(and|but|so)\s+/gi)) {
		const left = sentence.slice(0, m.index);
		const right = sentence.slice(m.index + m[0].length);
		if (words(left).length < 4 || words(right).length < 4) continue;
		const joining = m[1] && m[1].toLowerCase() !== 'and' ? `${capitalise(m[1].toLowerCase())} ` : '';
		return `${left}. ${splitLong(capitalise(joining + right))}`;
	}
	return sentence;
}

export function simplifyText(text: string): string {
	return text
		.split('\n')
		.map((line) => plainerWords(line).split(/(?<=[.!?])\s+/).map(splitLong).join(' '))
		.join('\n');
}
