import { NOT_DOCUMENTED } from '../notes/note-formats';
import type { NoteSections } from '../notes/note-schema';
import { checkAssumedNormal, checkFacts, checkQuotations, checkRisk, RISK_WORDS } from './flags';
import { hintsFor } from './hints';
import { GroundingSource, indexSource } from './source';
import { support } from './support';
import { contentTokens, sentenceSpans, type Span } from './tokens';
import type { GroundedSentence, GroundingFlag, GroundingReport } from './types';

export { GroundingSource, indexSource };
export { SUPPORT_THRESHOLD } from './support';
export type * from './types';

/**
 * The grounding check (no AI): every sentence of a drafted note is linked to the sentences of
 * the session content that support it. Two tiers come out of it:
 * - flags, for specific, checkable problems: a number, date, name, medication, dose or dosing
 *   frequency the content does not have, a quotation that is not word for word, a risk
 *   statement it does not back, an assumed-normal finding nobody observed;
 * - hints, quiet and never blocking: no close source, the closest source saying the opposite,
 *   or a client report that only the clinician said.
 * Support understands paraphrase (inflection, spoken numbers, lay and clinical terms,
 * abbreviations), and every sentence carries its best source span as evidence. Lexical and
 * deterministic: it says why it marks a sentence, and it can still miss a reworded fact.
 */

/** A short label before a colon at the start of a sentence: "Family History:", "CHEST:". */
const HEADING = /^\s*(?:[A-Z][A-Za-z/&-]*(?:\s+[A-Za-z/&-]+){0,3}):\s+(?=\S)/;

const DOSING_CONCEPTS: ReadonlySet<string> = new Set(
	contentTokens('once a day, twice a day, three times a day, four times a day, every 4 hours, at bedtime, as needed, by mouth, intravenous, intramuscular, subcutaneous').filter((t) => t.startsWith('~'))
);

/** Checks every sentence of every section of `draft` against the session content. */
export function checkGrounding(source: string | GroundingSource, draft: NoteSections): GroundingReport {
	const index = typeof source === 'string' ? indexSource(source) : source;
	const sentences: GroundedSentence[] = [];
	for (const [section, text] of Object.entries(draft)) {
		for (const span of sentenceSpans(text)) sentences.push(checkSentence(index, section, span));
	}
	const flaggedCount = sentences.filter((s) => s.flags.length > 0).length;
	const hintedCount = sentences.filter((s) => s.flags.length === 0 && s.hints.length > 0).length;
	return { sentences, flaggedCount, hintedCount };
}

function checkSentence(source: GroundingSource, section: string, span: Span): GroundedSentence {
	if (span.text.replace(/\.$/, '').toLowerCase() === NOT_DOCUMENTED.toLowerCase()) {
		return { ...span, section, score: 1, supportedBy: [], evidence: null, flags: [], hints: [] };
	}
	// A heading ("Marital status: married.") labels the claim; only the claim needs a source.
	const claim = span.text.replace(HEADING, '');
	const allTokens = [...new Set(contentTokens(claim))];
	const risk = checkRisk(source, span.text);
	// Risk words the risk check has verified are not asked to match word for word as well.
	// How often and by which route are checked as dose facts, not asked to match word for word as well.
	const verified = allTokens.filter((t) => !DOSING_CONCEPTS.has(t));
	const tokens = risk.topics > 0 && risk.flags.length === 0 ? verified.filter((t) => !RISK_WORDS.has(t)) : verified;
	const found = support(source, tokens);
	const closest = found.supportedBy[0]?.text ?? null;
	const flags: GroundingFlag[] = [
		...checkFacts(source, span.text, allTokens, closest),
		...checkQuotations(source, span.text),
		...risk.flags.map((f) => ({ ...f, closestSource: f.closestSource ?? closest })),
		...checkAssumedNormal(source, span.text, closest)
	];
	const hints = hintsFor(source, claim, tokens, found);
	return { ...span, section, score: found.score, supportedBy: found.supportedBy, evidence: found.supportedBy[0] ?? null, flags, hints };
}
