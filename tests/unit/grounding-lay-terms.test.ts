import { describe, expect, it } from 'vitest';
import { conceptIndex, findConcepts, phraseWordsWithCase } from '$lib/domain/grounding/concepts';
import { LAY_TERMS } from '$lib/domain/grounding/lay-terms';
import { STOPWORDS } from '$lib/domain/grounding/lexicon';
import { stem } from '$lib/domain/grounding/tokens';

const index = conceptIndex(stem);
/** The concepts a phrase names, as the matcher finds them in running text. */
function conceptsOf(text: string): string[] {
	const { words, caps } = phraseWordsWithCase(text, stem);
	return findConcepts(words, index, caps).map((c) => c.concept);
}
const conceptOf = (group: readonly string[]) => `~${group[0]!.replace(/\s+/g, '-')}`;

describe('the lay and clinical terms', () => {
	it('map every phrase of a group, alone, to that group’s concept and nothing else', () => {
		const wrong = LAY_TERMS.flatMap((group) => group.filter((phrase) => conceptsOf(phrase).join() !== conceptOf(group)).map((p) => `${group[0]}: ${p} -> ${conceptsOf(p)}`));
		expect(wrong).toEqual([]);
	});

	it('never give one phrase to two groups', () => {
		const seen = new Map<string, string>();
		const twice: string[] = [];
		for (const group of LAY_TERMS) {
			for (const phrase of group) {
				const key = phraseWordsWithCase(phrase, stem).words.join(' ');
				if (seen.has(key) && seen.get(key) !== group[0]) twice.push(`${phrase} (${seen.get(key)} and ${group[0]})`);
				seen.set(key, group[0]!);
			}
		}
		expect(twice).toEqual([]);
	});

	it('have no entry that is a lone stopword or a word too common to mean one thing', () => {
		const common = new Set(['down', 'low', 'high', 'sick', 'pain', 'bad', 'cold', 'period', 'broken', 'pot', 'add', 'temperature', 'drunk', 'fits']);
		// Abbreviations in capitals match only in capitals, so "PT" is not the stopword "pt".
		const lone = LAY_TERMS.flat().filter((p) => !/\s/.test(p) && !/^[A-Z0-9]+$/.test(p) && (STOPWORDS.has(p.toLowerCase()) || common.has(p.toLowerCase())));
		expect(lone).toEqual([]);
	});

	it.each([
		["can't sleep", 'insomnia'],
		["couldn't sleep", 'insomnia'],
		['was feeling down', 'depressed mood'],
		['high blood pressure', 'hypertension'],
		['pins and needles', 'tingling'],
		['SI', 'suicidal ideation'],
		['b.i.d.', 'twice a day'],
		['p.r.n.', 'as needed'],
		['threw up', 'vomiting'],
		['throwing up', 'vomiting'],
		['appendix out', 'appendectomy'],
		['car accident', 'motor vehicle accident'],
		['sugar diabetes', 'diabetes'],
		['blood in my urine', 'hematuria'],
		['runny nose', 'rhinorrhea']
	])('reads "%s" as %s, and the clinical term as the same concept', (lay, clinical) => {
		const concept = `~${clinical.replace(/\s+/g, '-')}`;
		expect(conceptsOf(`She said ${lay} again.`)).toEqual([concept]);
		expect(conceptsOf(clinical)).toEqual([concept]);
	});

	it('matches an abbreviation only in capitals: "PT" is physical therapy, "pt" is the patient', () => {
		expect(conceptsOf('Referred to PT twice weekly.')).toEqual(['~physical-therapy']);
		expect(conceptsOf('pt reports feeling better')).toEqual([]);
		expect(conceptsOf('I went to the ER')).toEqual(['~emergency-department']);
	});

	it('keeps a "non" word apart from the word it negates', () => {
		expect(conceptsOf('noncompliant with medication')).toEqual(['~noncompliant']);
		expect(conceptsOf('compliant with medication')).toEqual(['~compliant']);
	});

	it('does not take a broad word for a narrow one', () => {
		expect(conceptsOf('bone disease')).not.toContain('~osteoporosis');
		expect(conceptsOf('heart problem')).not.toContain('~atrial-fibrillation');
		expect(conceptsOf('sad')).not.toContain('~major-depressive-disorder');
	});
});
