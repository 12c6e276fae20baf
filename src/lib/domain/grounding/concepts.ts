import { LAY_TERMS } from './lay-terms';

/**
 * Lay and clinical words for the same thing ("can't sleep" and insomnia, "high blood pressure"
 * and hypertension, b.i.d. and twice a day) found in a text as concepts, so support matching
 * meets a note's clinical term in the words a client used, and the other way round.
 */

/** How a phrase is compared: lower case, periods inside abbreviations dropped, contractions opened, words stemmed. */
export function phraseWords(text: string, stem: (word: string) => string): string[] {
	return phraseParts(text).map((w) => stem(w.toLowerCase()));
}

/** A word in capitals ("PT", "SI", "ER"): an abbreviation, which matches only in capitals ("pt" is a patient). */
const CAPS = /^[A-Z][A-Z0-9]+$/;

/** The words of a text as written (case kept), after the same clean-up as `phraseWords`. */
function phraseParts(text: string): string[] {
	return text
		.replace(/[’']/g, "'")
		.replace(/\b([A-Za-z])\.(?=[A-Za-z]\.)/g, '$1')
		.replace(/\b([A-Za-z]{1,2})\.(?![A-Za-z])/g, '$1')
		.replace(/\b[Cc]an't\b/g, 'can not')
		.replace(/\b[Ww]on't\b/g, 'will not')
		.replace(/n't\b/g, ' not')
		.replace(/'(s|re|ve|ll|d|m)\b/g, '')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean);
}

/** Stemmed words plus which of them were written in capitals, for matching abbreviations. */
export function phraseWordsWithCase(text: string, stem: (word: string) => string): { words: string[]; caps: boolean[] } {
	const parts = phraseParts(text);
	return { words: parts.map((w) => stem(w.toLowerCase())), caps: parts.map((w) => CAPS.test(w)) };
}

export interface ConceptIndex {
	/** First stemmed word of a phrase -> the phrases starting with it (longest first) and their concept. */
	byFirst: Map<string, { words: string[]; caps: boolean[]; concept: string }[]>;
}

/** Builds the phrase index once per stemmer. */
export function conceptIndex(stem: (word: string) => string): ConceptIndex {
	const byFirst = new Map<string, { words: string[]; caps: boolean[]; concept: string }[]>();
	for (const group of LAY_TERMS) {
		const concept = `~${group[0]!.replace(/\s+/g, '-')}`;
		for (const phrase of group) {
			const { words, caps } = phraseWordsWithCase(phrase, stem);
			if (words.length === 0) continue;
			const list = byFirst.get(words[0]!) ?? [];
			list.push({ words, caps, concept });
			byFirst.set(words[0]!, list);
		}
	}
	for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
	return { byFirst };
}

export interface ConceptMatch {
	concept: string;
	/** Index of the first and one past the last matched word in the phrase words. */
	from: number;
	to: number;
}

/** The concepts in a list of phrase words, longest phrase first, matches not overlapping; `caps` says which words were in capitals. */
export function findConcepts(words: readonly string[], index: ConceptIndex, caps: readonly boolean[] = []): ConceptMatch[] {
	const found: ConceptMatch[] = [];
	for (let i = 0; i < words.length; ) {
		const match = index.byFirst.get(words[i]!)?.find((p) => p.words.every((w, k) => words[i + k] === w && (!p.caps[k] || caps[i + k] === true)));
		if (match) {
			found.push({ concept: match.concept, from: i, to: i + match.words.length });
			i += match.words.length;
		} else i++;
	}
	return found;
}
