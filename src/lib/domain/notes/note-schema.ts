import * as v from 'valibot';
import { AppError } from '../core/app-error';
import type { NoteFormat } from './note-formats';

/** A drafted note: one plain-text value per section key of its format. */
export type NoteSections = Record<string, string>;

export interface NoteSchema {
	/** Handed to WebLLM's structured output, which constrains generation to it. */
	jsonSchema: Record<string, unknown>;
	/** Model output is untrusted: the constraint is checked again, here, before anything uses it. */
	validate: (value: unknown) => NoteSections;
}

/** Every section of the format, required, each a string, and nothing else. */
export function noteSchema(format: NoteFormat): NoteSchema {
	const keys = format.sections.map((s) => s.key);
	const jsonSchema = {
		type: 'object',
		properties: Object.fromEntries(format.sections.map((s) => [s.key, { type: 'string', description: s.title }])),
		required: keys,
		additionalProperties: false
	};
	const schema = v.strictObject(Object.fromEntries(keys.map((key) => [key, v.string()])));
	const validate = (value: unknown): NoteSections => {
		const result = v.safeParse(schema, value);
		if (!result.success) {
			// Keys and counts only: the values are model output and may hold PHI.
			const key = v.getDotPath(result.issues[0]!);
			throw new AppError('inference/invalid-output', {
				format: format.id,
				issues: result.issues.length,
				...(key && keys.includes(key) ? { key } : {})
			});
		}
		return result.output;
	};
	return { jsonSchema, validate };
}
