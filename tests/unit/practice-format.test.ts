import { describe, expect, it } from 'vitest';
import { practiceFormat } from '$lib/domain/notes/note-formats';
import { newNote, signNote, signatureHolds } from '$lib/domain/notes/note';

describe('a practice’s own note format', () => {
	it('is made from a name and one "Title: guidance" line per section', () => {
		const result = practiceFormat('Group progress', 'Theme: What the group worked on\nParticipation: How each member took part\nPlan');
		expect('format' in result).toBe(true);
		if (!('format' in result)) return;
		expect(result.format.id).toBe('practice:group-progress');
		expect(result.format.sections.map((s) => [s.key, s.title])).toEqual([
			['theme', 'Theme'],
			['participation', 'Participation'],
			['plan', 'Plan']
		]);
		expect(result.format.sections[0]!.guidance).toBe('What the group worked on');
	});

	it('says what is wrong instead of saving a broken format', () => {
		expect(practiceFormat('', 'A: b')).toEqual({ problem: 'Give the format a name.' });
		expect(practiceFormat('X', '')).toEqual({ problem: 'A format needs between 1 and 8 sections, one per line.' });
		expect(practiceFormat('X', 'Plan: a\nplan: b')).toEqual({ problem: 'Two sections have the same title.' });
		expect(practiceFormat('X', ': no title')).toEqual({ problem: 'Every section needs a title before the colon.' });
	});

	it('travels with the note, so a signed note keeps its shape when the practice edits the format', () => {
		const result = practiceFormat('Brief', 'Summary: One paragraph\nNext: Next steps');
		if (!('format' in result)) throw new Error(result.problem);
		const note = signNote({ ...newNote('n', 'c', 's', result.format), sections: { summary: 'Calm week.', next: 'Not documented' } }, 'Dr. A', { date: '2026-11-20', startTime: '', endTime: '', serviceType: 'Individual psychotherapy', participants: '', diagnoses: [] });
		expect(note.format.sections.map((s) => s.key)).toEqual(['summary', 'next']);
		expect(signatureHolds(note)).toBe(true);
	});
});
