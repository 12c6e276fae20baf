import llama3Tokenizer from 'llama3-tokenizer-js';
import { NOTE_FORMATS } from '$lib/domain/notes/note-formats';
import { draftSystemPrompt, factsSystemPrompt } from '$lib/domain/notes/note-prompts';
import { noteSchema } from '$lib/domain/notes/note-schema';

/** Fixed prompt tokens per format (instructions and schema, not content or examples), Llama 3 tokenizer. */
export const PROMPT_TOKEN_BUDGET = 500;

export function benchPromptTokens(log: (message: string) => void) {
	const count = (text: string) => llama3Tokenizer.encode(text, { bos: false, eos: false }).length;
	const perFormat = Object.fromEntries(
		Object.values(NOTE_FORMATS).map((f) => [f.id, count(draftSystemPrompt(f)) + count(JSON.stringify(noteSchema(f).jsonSchema))])
	);
	const facts = count(factsSystemPrompt());
	const max = Math.max(facts, ...Object.values(perFormat));
	log(`Prompt tokens (Llama 3 tokenizer): ${JSON.stringify(perFormat)}, facts ${facts}`);
	return { tokenizer: 'llama3-tokenizer-js (Llama 3 / 3.1 / 3.2 vocabulary)', perFormat, factsPrompt: facts, max };
}
