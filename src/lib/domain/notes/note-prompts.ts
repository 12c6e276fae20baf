import { NOT_DOCUMENTED, type NoteFormat } from './note-formats';

/**
 * The drafting prompt for each format, built from the format's data. The rules are the ones a
 * clinician would insist on: only what the session content says, nothing assumed normal, and
 * "Not documented" where the content is silent.
 */
export function draftSystemPrompt(format: NoteFormat): string {
	const sections = format.sections.map((s) => `- ${s.key} (${s.title}): ${s.guidance}`).join('\n');
	return [
		`You draft a ${format.name} progress note for a mental health clinician from their session content.`,
		'Answer with one JSON object whose keys are exactly these sections:',
		sections,
		'Rules:',
		'- Use only facts stated in the session content. Do not add diagnoses, medications, doses, dates, names, scores or quotations that are not in it.',
		`- If the content says nothing for a section, write exactly "${NOT_DOCUMENTED}".`,
		'- Never assume a normal finding: no default mental status exam, and no "denies SI/HI" unless the content says so.',
		'- Quote the client only word for word from the content.',
		'- Write in plain, professional clinical language, in the past tense, without headings inside sections.'
	].join('\n');
}

export interface PracticeExample {
	sections: Record<string, string>;
}

/** The user turn: the practice's own signed notes as style examples, then the session content. */
export function draftUserPrompt(content: string, examples: readonly PracticeExample[] = []): string {
	const shown = examples.slice(0, 3).map((e, i) => `Example ${i + 1} (style only, not about this client):\n${JSON.stringify(e.sections)}`);
	return [...shown, `Session content:\n${content}`].join('\n\n');
}

/** For a long session, one part at a time: the facts it states, each close to its own words. */
export function factsSystemPrompt(): string {
	return [
		'You read one part of a mental health session transcript or notes and list the clinically relevant facts it states.',
		'Answer with one JSON object: {"facts": ["...", "..."]}.',
		'- One fact per item, in the order they occur, close to the original words; keep speaker attribution (client said / therapist did).',
		'- Keep every number, date, name, medication, dose and risk statement exactly as written.',
		'- Do not infer, interpret or add anything that is not stated.'
	].join('\n');
}

export function factsUserPrompt(part: string, index: number, count: number): string {
	return `Part ${index + 1} of ${count} of the session content:\n${part}`;
}

/** The note drafted from the facts of every part, in order. */
export function composeUserPrompt(facts: readonly string[], examples: readonly PracticeExample[] = []): string {
	return draftUserPrompt(facts.map((f) => `- ${f}`).join('\n'), examples).replace('Session content:', 'Facts from the session, in order:');
}
