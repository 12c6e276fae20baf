import { NEGATION } from './lexicon';
import type { GroundingSource, SourceSentence } from './source';
import { SUPPORT_THRESHOLD, type Support } from './support';
import { contentTokens, negatedStems, plainWords, sidesOf, stem } from './tokens';
import type { GroundingHint } from './types';

/**
 * The hints: quiet signs that a draft sentence may say more than the session did, for the
 * clinician to glance at, never to block on. A sentence with no close source; a sentence whose
 * closest source says the opposite ("No fever." against "I've had a fever"); a report put in
 * the client's mouth that only the clinician said.
 */

/** A sentence that attributes what follows to the client ("She reports ...", "Patient denies ..."). */
const CLIENT_REPORT = /(?:^|\b(?:patient|client|pt|he|she|they|mother|father|parent|family)\s+(?:also\s+)?)(?:reports?|reported|states?|stated|says|said|complains?|complained|endorses?|endorsed|describes?|described|admits?|admitted|feels|felt)\b/i;

/**
 * Details a note adds that a listener would have heard if they were said: a side of the body,
 * a relative, how long-standing or severe, race or handedness. One the session never mentions
 * is worth a hint even when the rest of the sentence is well supported.
 */
const DETAILS: ReadonlySet<string> = new Set(
	contentTokens(
		`mother father mom dad sister brother son daughter grandmother grandfather
		aunt uncle cousin maternal paternal chronic acute mild moderate severe intermittent constant sudden gradual
		white black caucasian african hispanic latino asian handed`,
		'source'
	)
);

export function hintsFor(source: GroundingSource, text: string, tokens: readonly string[], found: Support): GroundingHint[] {
	const hints: GroundingHint[] = [];
	const closest = found.supportedBy[0]?.text ?? null;
	if (tokens.length > 0 && found.score < SUPPORT_THRESHOLD) {
		const words = shown(text, found.missing);
		const reason = found.supportedBy.length
			? `No close source: the session content has nothing for ${words}.`
			: 'No close source: nothing in the session content matches this sentence.';
		hints.push({ kind: 'no-close-source', reason, text, closestSource: closest });
		return hints;
	}
	const unsaid = tokens.filter((t) => DETAILS.has(t) && !source.has(t));
	const sides = [...sidesOf(text)].filter((side) => !source.sides.has(side));
	if (unsaid.length || sides.length) {
		const words = [...sides.map((side) => `"${side}"`), ...(unsaid.length ? [shown(text, unsaid)] : [])].join(', ');
		hints.push({ kind: 'no-close-source', reason: `The session content does not say ${words}.`, text, closestSource: closest });
		return hints;
	}
	const opposite = contradiction(source, text, tokens, found);
	if (opposite) {
		hints.push({ kind: 'contradiction', reason: `The closest session content says the opposite about ${shown(text, opposite)}.`, text, closestSource: closest });
	}
	if (CLIENT_REPORT.test(text) && clinicianOnly(source, found)) {
		hints.push({ kind: 'clinician-only', reason: 'Only the clinician said this in the session; the client did not confirm it.', text, closestSource: closest });
	}
	return hints;
}

/** The draft's own words for some of its tokens, quoted, at most three. */
function shown(text: string, tokens: readonly string[]): string {
	const wanted = new Set(tokens);
	const words: string[] = [];
	for (const w of plainWords(text)) {
		if (wanted.has(stem(w)) && !words.includes(w)) words.push(w);
	}
	for (const t of tokens) if (t.startsWith('~')) words.push(t.slice(1).replace(/-/g, ' '));
	const quoted = words.slice(0, 3).map((w) => `"${w}"`);
	return quoted.length ? quoted.join(', ') : 'most of its words';
}

/** Whether a source sentence says token `t` negated: "no ..." in its clause, or a question answered "no". */
function negatedIn(s: SourceSentence, t: string): boolean | null {
	if (/\?["'”’)]*$/.test(s.content)) {
		// "Besides the pain in your eye, any other problems?" "No.": the pain is not what was denied.
		if (/\b(?:besides|other than|apart from|aside from|except)\b/i.test(s.content)) return null;
		return s.reply === 'no' ? true : s.reply === 'yes' ? false : null;
	}
	return s.negated.has(t);
}

/**
 * The draft's words that every mention in the session content says with the opposite polarity
 * ("No fever." where the client said "I've had a fever"), or null when any mention agrees or
 * cannot tell (a question nobody answered yes or no).
 */
function contradiction(source: GroundingSource, text: string, tokens: readonly string[], found: Support): string[] | null {
	const draftNegated = negatedStems(text);
	// A concept ("fever" for "running a temperature") is negated where its sentence denies anything.
	const conceptNegated = NEGATION.test(text);
	const negatedHere = (t: string) => (t.startsWith('~') ? conceptNegated : draftNegated.has(t));
	const matched = tokens.filter((t) => !/^\d/.test(t) && !found.missing.includes(t));
	if (matched.length === 0) return null;
	for (const t of matched) {
		for (const i of source.mentionsOf(t)) {
			const s = source.sentences[i]!;
			// In a statement, only a question's answer can say a concept was denied.
			const there = t.startsWith('~') && !/\?["'”’)]*$/.test(s.content) ? null : negatedIn(s, t);
			if (there === null || there === negatedHere(t)) return null;
		}
	}
	return matched;
}

/** Whether every supporting sentence is the clinician's, and no answer confirmed it. */
function clinicianOnly(source: GroundingSource, found: Support): boolean {
	if (found.supportedBy.length === 0) return false;
	return found.supportedBy.every((support) => {
		const s = source.sentences[support.index]!;
		// "He reported his itching had improved": a clinician passing on the client's words.
		return s.speaker === 'clinician' && s.reply !== 'yes' && s.reply !== 'no' && !CLIENT_REPORT.test(s.content);
	});
}
