import { describe, expect, it } from 'vitest';
import { gradeLabel, isAboveTarget, readingLevel, sentences, syllables, words } from '$lib/domain/client-documents/readability';

/** Flesch-Kincaid grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59. */
const fk = (w: number, s: number, syl: number) => 0.39 * (w / s) + 11.8 * (syl / w) - 15.59;

describe('Flesch-Kincaid grade level on texts counted by hand', () => {
	it('scores "The cat sat on the mat." at −1.45: 6 words, 1 sentence, 6 syllables', () => {
		// The(1) cat(1) sat(1) on(1) the(1) mat(1).
		const level = readingLevel('The cat sat on the mat.');
		expect(level).toMatchObject({ words: 6, sentences: 1, syllables: 6 });
		expect(level.grade).toBeCloseTo(-1.45, 2);
	});

	it('scores two short worksheet sentences: 11 words, 2 sentences, 12 syllables', () => {
		// No-tice(2) 5(1) things(1) you(1) can(1) see(1). Take(1) one(1) more(1) slow(1) breath(1).
		const level = readingLevel('Notice 5 things you can see. Take one more slow breath.');
		expect(level).toMatchObject({ words: 11, sentences: 2, syllables: 12 });
		expect(level.grade).toBeCloseTo(fk(11, 2, 12), 6);
		expect(level.grade).toBeCloseTo(-0.57, 2);
	});

	it('scores a sentence of long words far above grade 8: 7 words, 1 sentence, 19 syllables', () => {
		// The(1) com-mit-tee(3) will(1) re-con-sid-er(4) the(1) ap-pli-ca-tion(4) im-me-di-ate-ly(5).
		const level = readingLevel('The committee will reconsider the application immediately.');
		expect(level).toMatchObject({ words: 7, sentences: 1, syllables: 19 });
		expect(level.grade).toBeCloseTo(19.17, 2);
		expect(isAboveTarget(level)).toBe(true);
	});

	it('gives text without words no grade and no warning', () => {
		expect(readingLevel('')).toEqual({ words: 0, sentences: 0, syllables: 0, grade: 0 });
		expect(readingLevel('______\n\n— ...').words).toBe(0);
		expect(isAboveTarget(readingLevel(''))).toBe(false);
	});
});

describe('the counting heuristics', () => {
	it('counts vowel groups, without a silent final e, -es or -ed, but keeps -le, -ted and -xes', () => {
		const counted = Object.fromEntries(
			['make', 'table', 'whole', 'notes', 'boxes', 'changes', 'jumped', 'wanted', 'played', 'ready', 'breath', 'the', 'check-in'].map((w) => [w, syllables(w)])
		);
		expect(counted).toEqual({
			make: 1,
			table: 2,
			whole: 1,
			notes: 1,
			boxes: 2,
			changes: 2,
			jumped: 1,
			wanted: 2,
			played: 1,
			ready: 2,
			breath: 1,
			the: 1,
			'check-in': 2
		});
	});

	it('counts words with inner apostrophes and hyphens as one, and write-in lines as none', () => {
		expect(words("Don't skip the 5-4-3-2-1 check-in: ______")).toEqual(["Don't", 'skip', 'the', '5-4-3-2-1', 'check-in']);
	});

	it('ends a sentence at . ! ? and at every line break, but not after "Dr." or at a write-in line', () => {
		expect(sentences('Dr. Lee said hi. Then we left!\nMonday: ______\n______\nHow do you feel now')).toEqual([
			'Dr. Lee said hi.',
			'Then we left!',
			'Monday: ______',
			'How do you feel now'
		]);
	});
});

describe('the label a clinician reads', () => {
	it('shows one decimal and never a grade below 0', () => {
		expect(gradeLabel(5.26)).toBe('grade 5.3');
		expect(gradeLabel(8)).toBe('grade 8.0');
		expect(gradeLabel(-1.45)).toBe('grade 0.0');
	});

	it('warns only above grade 8', () => {
		expect(isAboveTarget({ words: 10, sentences: 1, syllables: 12, grade: 8 })).toBe(false);
		expect(isAboveTarget({ words: 10, sentences: 1, syllables: 12, grade: 8.01 })).toBe(true);
	});
});
