import { describe, expect, it } from 'vitest';
import { AppError } from '$lib/domain/core/app-error';
import { NOTE_FORMATS, type NoteFormatId } from '$lib/domain/notes/note-formats';
import { noteSchema } from '$lib/domain/notes/note-schema';

const soap = noteSchema(NOTE_FORMATS.SOAP);
const complete = { subjective: 'S', objective: 'O', assessment: 'A', plan: 'P' };

function failureOf(value: unknown): { code: string; details: Record<string, unknown> } | 'accepted' {
	try {
		soap.validate(value);
		return 'accepted';
	} catch (e) {
		if (!(e instanceof AppError)) throw e;
		return e.toJSON();
	}
}

describe('note schema', () => {
	it('accepts a complete note and returns it', () => {
		expect(soap.validate(complete)).toEqual(complete);
		expect(soap.validate({ ...complete, plan: '' })).toEqual({ ...complete, plan: '' });
	});

	it('rejects a note missing a section, naming the section but not any value', () => {
		const { plan: _plan, ...missing } = complete;
		expect(failureOf(missing)).toEqual({ code: 'inference/invalid-output', details: { format: 'SOAP', issues: 1, key: 'plan' } });
	});

	it('rejects a section that is not a string', () => {
		expect(failureOf({ ...complete, objective: 42 })).toMatchObject({ code: 'inference/invalid-output', details: { key: 'objective' } });
		expect(failureOf({ ...complete, objective: null })).toMatchObject({ code: 'inference/invalid-output' });
		expect(failureOf({ ...complete, objective: ['a'] })).toMatchObject({ code: 'inference/invalid-output' });
	});

	it('rejects extra keys without echoing their (model-chosen) names', () => {
		const result = failureOf({ ...complete, 'Jane Doe diagnosis': 'x' });
		expect(result).toMatchObject({ code: 'inference/invalid-output' });
		expect(JSON.stringify(result)).not.toContain('Jane');
	});

	it('rejects values that are not objects at all', () => {
		for (const value of [null, 'text', 1, [], undefined]) {
			expect(failureOf(value)).toMatchObject({ code: 'inference/invalid-output' });
		}
	});

	it.each(Object.keys(NOTE_FORMATS) as NoteFormatId[])('describes every %s section as a required string and nothing else', (id) => {
		const format = NOTE_FORMATS[id];
		const { jsonSchema } = noteSchema(format);
		const keys = format.sections.map((s) => s.key);
		expect(jsonSchema).toMatchObject({ type: 'object', required: keys, additionalProperties: false });
		expect(Object.keys(jsonSchema.properties as object)).toEqual(keys);
		for (const key of keys) expect((jsonSchema.properties as Record<string, { type: string }>)[key]!.type).toBe('string');
	});
});
