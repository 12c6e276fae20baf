import { describe, expect, it } from 'vitest';
import { NOTE_FORMATS, NOT_DOCUMENTED, type NoteFormatId } from '$lib/domain/notes/note-formats';
import { outlineNote, splitSentences } from '$lib/domain/notes/outline';
import { noteSchema } from '$lib/domain/notes/note-schema';

const SESSION = [
	'Client: I have been sleeping about four hours a night. Work has been overwhelming.',
	'Therapist: We explored the thoughts that come up at bedtime.',
	'Client appeared tired and tearful, with flat affect. PHQ-9 score was 14.',
	'Practiced diaphragmatic breathing with the client in session.',
	'Client responded well and was able to name two cognitive distortions.',
	'Homework: keep a thought record each evening. Next session in one week.',
	'Progress toward the sleep goal is slow but steady.'
].join('\n');

const FORMATS = Object.keys(NOTE_FORMATS) as NoteFormatId[];

/** The sentences of every documented section, re-split: what the outline placed, as text. */
function placedSentences(note: Record<string, string>): string[] {
	return Object.values(note)
		.filter((text) => text !== NOT_DOCUMENTED)
		.flatMap((text) => splitSentences(text).map((s) => s.text));
}

describe('sentence splitting', () => {
	it('splits at sentence ends and line breaks, keeping each sentence exactly as written', () => {
		const texts = splitSentences('Client: I feel low.  I can\'t sleep!\n\nDr.  Lee saw her on 3.5 mg. She is "fine."').map((s) => s.text);
		expect(texts).toEqual(['Client: I feel low.', "I can't sleep!", 'Dr.  Lee saw her on 3.5 mg.', 'She is "fine."']);
	});

	it('knows who is speaking on a labelled line', () => {
		const [client, therapist, plain] = splitSentences('Client: Hi.\nTherapist: Hello.\nNo label.');
		expect([client!.speaker, therapist!.speaker, plain!.speaker]).toEqual(['client', 'clinician', null]);
	});
});

describe('the outline (no AI)', () => {
	it.each(FORMATS)('places every sentence in exactly one %s section, verbatim', (id) => {
		const note = outlineNote(SESSION, NOTE_FORMATS[id]);
		const original = splitSentences(SESSION).map((s) => s.text);
		expect(placedSentences(note).sort()).toEqual([...original].sort());
		for (const sentence of original) {
			const holders = Object.values(note).filter((text) => text.includes(sentence));
			expect(holders).toHaveLength(1);
		}
	});

	it.each(FORMATS)('returns exactly the %s section keys, valid against its schema', (id) => {
		const format = NOTE_FORMATS[id];
		const note = outlineNote(SESSION, format);
		expect(Object.keys(note)).toEqual(format.sections.map((s) => s.key));
		expect(noteSchema(format).validate(note)).toEqual(note);
	});

	it('says "Not documented" for sections nothing in the content supports', () => {
		const note = outlineNote('Client: I had a hard week.', NOTE_FORMATS.SOAP);
		expect(note).toEqual({
			subjective: 'Client: I had a hard week.',
			objective: NOT_DOCUMENTED,
			assessment: NOT_DOCUMENTED,
			plan: NOT_DOCUMENTED
		});
		expect(Object.values(outlineNote('   \n ', NOTE_FORMATS.DAP))).toEqual([NOT_DOCUMENTED, NOT_DOCUMENTED, NOT_DOCUMENTED]);
	});

	it('keeps speaker labels and rejoins the sentences of one line with a space', () => {
		const note = outlineNote('Client: I have been anxious. I worry about work.', NOTE_FORMATS.BIRP);
		expect(note.behavior).toBe('Client: I have been anxious. I worry about work.');
	});

	it('routes sentences by their words: observations, interventions, responses and plans', () => {
		const soap = outlineNote(SESSION, NOTE_FORMATS.SOAP);
		expect(soap.subjective).toContain('Client: I have been sleeping about four hours a night.');
		expect(soap.objective).toContain('PHQ-9 score was 14.');
		expect(soap.objective).toContain('Client appeared tired and tearful, with flat affect.');
		expect(soap.plan).toContain('Homework: keep a thought record each evening.');
		expect(soap.plan).toContain('Next session in one week.');

		const birp = outlineNote(SESSION, NOTE_FORMATS.BIRP);
		expect(birp.intervention).toContain('Therapist: We explored the thoughts that come up at bedtime.');
		expect(birp.intervention).toContain('Practiced diaphragmatic breathing with the client in session.');
		expect(birp.response).toContain('Client responded well and was able to name two cognitive distortions.');

		const pie = outlineNote(SESSION, NOTE_FORMATS.PIE);
		expect(pie.evaluation).toContain('Homework: keep a thought record each evening.');
		expect(outlineNote(SESSION, NOTE_FORMATS.GIRP).goals).toContain('Progress toward the sleep goal is slow but steady.');
	});

	it('adds no assumed-normal findings: content that never mentions risk never yields "denies SI"', () => {
		const content = 'Client: Work has been stressful. Therapist: We reviewed coping skills.';
		for (const id of FORMATS) {
			const text = Object.values(outlineNote(content, NOTE_FORMATS[id])).join('\n');
			expect(text).not.toMatch(/\b(SI|HI|suicid\w*|homicid\w*|denies|within normal limits|WNL|oriented x ?\d|no risk)\b/i);
			const placed = placedSentences(outlineNote(content, NOTE_FORMATS[id]));
			expect(placed.sort()).toEqual(splitSentences(content).map((s) => s.text).sort());
		}
	});

	it('treats a mention of "act" or "mi" in ordinary words as no modality', () => {
		const note = outlineNote('Client: I act like everything is fine.', NOTE_FORMATS.BIRP);
		expect(note.behavior).toBe('Client: I act like everything is fine.');
		expect(note.intervention).toBe(NOT_DOCUMENTED);
	});
});
