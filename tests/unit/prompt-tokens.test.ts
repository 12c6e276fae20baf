import { describe, expect, it } from 'vitest';
import llama3Tokenizer from 'llama3-tokenizer-js';
import { NOTE_FORMATS } from '$lib/domain/notes/note-formats';
import { draftSystemPrompt, factsSystemPrompt } from '$lib/domain/notes/note-prompts';
import { noteSchema } from '$lib/domain/notes/note-schema';

// Measured with the Llama 3 tokenizer: the default catalog models (Llama 3.2 / 3.1) share it.
const tokens = (text: string) => llama3Tokenizer.encode(text, { bos: false, eos: false }).length;

describe('prompt size', () => {
	it('keeps each format’s instructions and schema under 500 tokens, before content and examples', () => {
		for (const format of Object.values(NOTE_FORMATS)) {
			const fixed = tokens(draftSystemPrompt(format)) + tokens(JSON.stringify(noteSchema(format).jsonSchema));
			expect(fixed, format.id).toBeLessThan(500);
		}
		expect(tokens(factsSystemPrompt())).toBeLessThan(500);
	});
});
