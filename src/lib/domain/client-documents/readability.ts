/**
 * Reading level of client-facing text: the Flesch-Kincaid grade level (Kincaid et al., 1975),
 *
 *   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *
 * Deterministic and local. Word, sentence and syllable counts are heuristics (documented on each
 * function below), so a grade is an estimate to within about a grade, like every tool's.
 */

/** Worksheets and summaries for clients are written at or below this grade. */
export const READING_LEVEL_TARGET = 8;
/** What "Make it simpler" asks for. */
export const SIMPLER_TARGET = 6;

export interface ReadingLevel {
	words: number;
	sentences: number;
	syllables: number;
	/** Unrounded; 0 for text without words. Very short, plain text can score below 0. */
	grade: number;
}

/**
 * A word is a run of letters or digits, with inner apostrophes and hyphens ("don't",
 * "well-being", "5-4-3-2-1" are one word each). Underscores and punctuation are not words, so
 * the write-in lines of a worksheet ("______") are not counted.
 */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
	return text.match(WORD) ?? [];
}

/**
 * Syllables of one word, by a common heuristic:
 * - each run of vowels (a, e, i, o, u, y) is one syllable ("boat" 1, "ready" 2);
 * - a final silent "e" after a consonant does not count ("make" 1), except "-le" after a
 *   consonant ("table" 2);
 * - "-es" and "-ed" after a consonant do not count ("notes" 1, "jumped" 1), except "-es"
 *   after s, x, z, c, g, sh, ch ("boxes" 2) and "-ed" after t or d ("wanted" 2);
 * - words of three letters or fewer, numbers and every word's minimum count 1;
 * - the parts of a hyphenated word are counted separately and added ("check-in" 2).
 */
export function syllables(word: string): number {
	const parts = word.split(/-/).filter(Boolean);
	if (parts.length > 1) return parts.reduce((sum, part) => sum + syllables(part), 0);
	const w = word.toLowerCase().replace(/[^a-z]/g, '');
	if (w.length <= 3) return 1;
	let count = (w.match(/[aeiouy]+/g) ?? []).length;
	if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) count--;
	else if (/[^aeiouysxzcg]es$/.test(w) && !/(?:sh|ch)es$/.test(w)) count--;
	else if (/[^aeiouytd]ed$/.test(w)) count--;
	return Math.max(1, count);
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /\b(?:dr|mr|mrs|ms|st|vs|etc|e\.g|i\.e|a\.m|p\.m)\.$/i;

/**
 * Sentences: text ending in ".", "!" or "?" (followed by a space or the end), and every line
 * break, because the lines of a worksheet (headings, list items, "Monday: ____") stand alone
 * whether or not they end with a full stop. A piece with no words is not a sentence.
 */
export function sentences(text: string): string[] {
	const found: string[] = [];
	for (const line of text.split(/\r?\n/)) {
		let start = 0;
		for (const end of line.matchAll(/[.!?]+["'”’)\]]*(?=\s|$)/g)) {
			const stop = end.index + end[0].length;
			if (ABBREVIATION.test(line.slice(start, stop))) continue;
			found.push(line.slice(start, stop));
			start = stop;
		}
		found.push(line.slice(start));
	}
	return found.map((s) => s.trim()).filter((s) => words(s).length > 0);
}

export function readingLevel(text: string): ReadingLevel {
	const all = words(text);
	const sentenceCount = sentences(text).length;
	const syllableCount = all.reduce((sum, w) => sum + syllables(w), 0);
	if (all.length === 0 || sentenceCount === 0) return { words: 0, sentences: 0, syllables: 0, grade: 0 };
	const grade = 0.39 * (all.length / sentenceCount) + 11.8 * (syllableCount / all.length) - 15.59;
	return { words: all.length, sentences: sentenceCount, syllables: syllableCount, grade };
}

/** "grade 5.2": one decimal, and never below 0 (a grade below the first has no meaning to a reader). */
export function gradeLabel(grade: number): string {
	return `grade ${Math.max(0, Math.round(grade * 10) / 10).toFixed(1)}`;
}

export function isAboveTarget(level: ReadingLevel, target = READING_LEVEL_TARGET): boolean {
	return level.words > 0 && level.grade > target;
}
