import { describe, expect, it } from 'vitest';
import { checkGrounding, type GroundedSentence } from '$lib/domain/grounding/check';
import { writtenForm } from '$lib/domain/grounding/spoken';
import { negatedStems, stem } from '$lib/domain/grounding/tokens';

/** The checked sentence for a one-sentence draft. */
function check(source: string, sentence: string): GroundedSentence {
	return checkGrounding(source, { plan: sentence }).sentences[0]!;
}
const marks = (s: GroundedSentence) => [...s.flags.map((f) => f.kind), ...s.hints.map((h) => h.kind)];

describe('spoken numbers in the session content', () => {
	it.each([
		['one O two point six degrees', '102.6 degrees'],
		['I quit in nineteen ninety six.', 'I quit in 1996.'],
		['Methocarbamol seven fifty milligrams', 'Methocarbamol 750 milligrams'],
		['January eighteenth two thousand eight', 'January 18th 2008'],
		['Nexium forty M G once a day', 'Nexium 40 mg once 1 day'],
		['twenty six years old', '26 years old'],
		['in her late sixties', 'in her late 60s'],
		['one hundred and one point four', '101.4'],
		['two point five M G', '2.5 mg'],
		['for a couple of days', 'for 2 days'],
		['G C S is fifty', 'GCS is 50']
	])('reads "%s" as "%s"', (said, written) => {
		expect(writtenForm(said).text).toBe(written);
	});

	it('keeps every reading of a pair said aloud ("nineteen eighty three" is 1983, or 19 and 83)', () => {
		expect(writtenForm('nineteen eighty three').values).toEqual([1983, 19, 83]);
		expect(writtenForm('July thirty first O eight').values).toEqual([31, 8, 2008]);
	});

	it('grounds a note’s digits in the numbers a client said', () => {
		const source = 'Doctor: How old are you?\nPatient: I am seventy six.\nDoctor: And your temperature this morning?\nPatient: It was one O two point six.';
		expect(marks(check(source, 'She is 76 years old.'))).toEqual([]);
		expect(marks(check(source, 'Her temperature this morning was 102.6.'))).toEqual([]);
		expect(check(source, 'Her temperature this morning was 101.6.').flags.map((f) => f.kind)).toEqual(['number']);
	});

	it('grounds a date and a dose said aloud, and flags a year or a dose that was not', () => {
		const source = 'Doctor: When was your last chemo?\nPatient: January eighteenth two thousand eight.\nDoctor: Are you taking the Nexium?\nPatient: Yes, forty M G once a day.';
		expect(check(source, 'Last chemotherapy was on 01/18/08.').flags).toEqual([]);
		expect(check(source, 'Last chemotherapy was on 01/18/07.').flags.map((f) => f.kind)).toEqual(['date']);
		expect(check(source, 'She continues Nexium 40 mg daily.').flags).toEqual([]);
		expect(check(source, 'She continues Nexium 20 mg daily.').flags.map((f) => f.kind)).toEqual(['dose']);
	});

	it('counts "a week" as 1 week and "twenty daily" beside a medicine as its dose', () => {
		expect(check('Client: It started about a week ago.', 'Symptoms started 1 week ago.').flags).toEqual([]);
		expect(check('Doctor: Are you taking Benicar?\nPatient: Yes, twenty daily.', 'Benicar 20 mg daily.').flags).toEqual([]);
	});
});

describe('dosing frequencies', () => {
	const source = 'Doctor: How do you take the ibuprofen?\nPatient: Eight hundred milligrams every eight hours, only when it is bad.';

	it('grounds b.i.d., q8h and p.r.n. in the words a client uses for them', () => {
		expect(check(source, 'Ibuprofen 800 mg q8h p.r.n.').flags).toEqual([]);
	});

	it('flags a frequency the session never gave', () => {
		const result = check(source, 'Ibuprofen 800 mg q.i.d.');
		expect(result.flags.map((f) => f.kind)).toEqual(['dose']);
		expect(result.flags[0]!.reason).toMatch(/How often/);
	});
});

describe('lay and clinical words', () => {
	it.each([
		['Client: I just can’t sleep anymore, maybe three hours.', 'Client reports insomnia.'],
		['Client: I have been feeling down most days.', 'Client reports depressed mood most days.'],
		['Patient: My doctor says I have high blood pressure.', 'History of hypertension.'],
		['Patient: I get pins and needles in my feet.', 'She reports tingling in her feet.'],
		['Patient: I got my appendix out a few years ago.', 'Status post appendectomy.'],
		['Patient: I was in a car accident four years ago.', 'Motor vehicle accident 4 years ago.']
	])('takes "%s" as support for "%s"', (source, sentence) => {
		expect(marks(check(source, sentence))).toEqual([]);
	});
});

describe('negation and speaker', () => {
	it('opens a negated scope with "no", "denies" or "non", and closes it at "but"', () => {
		expect([...negatedStems('No fever, chills or cough but has a headache.')]).toEqual([stem('fever'), stem('chills'), stem('cough')]);
		expect(negatedStems('Alcohol use, denies.').has(stem('alcohol'))).toBe(true);
		expect(negatedStems('He is a nonsmoker.').has(stem('smoker'))).toBe(true);
		expect(negatedStems('No, I stay with my boyfriend.').size).toBe(0);
	});

	it('supports a denial by a question answered "no"', () => {
		const source = 'Doctor: Any fever or chills?\nPatient: No.';
		expect(marks(check(source, 'She denies fever or chills.'))).toEqual([]);
		expect(marks(check(source, 'No fever or chills.'))).toEqual([]);
	});

	it('hints when the session says the opposite of the sentence', () => {
		const source = 'Doctor: Any fever or chills?\nPatient: No.';
		const result = check(source, 'She has had fever and chills.');
		expect(result.flags).toEqual([]);
		expect(result.hints.map((h) => h.kind)).toEqual(['contradiction']);
	});

	it('hints when a client report is only something the clinician said', () => {
		const source = 'Doctor: You seem tired today, and your hands are shaking.\nPatient: Can we talk about my son instead?';
		expect(check(source, 'Patient reports her hands are shaking.').hints.map((h) => h.kind)).toEqual(['clinician-only']);
		// Confirmed by the client, it is the client's report.
		const confirmed = 'Doctor: Your hands are shaking today.\nPatient: Yes, they have been all week.';
		expect(marks(check(confirmed, 'Patient reports her hands are shaking.'))).toEqual([]);
	});
});
