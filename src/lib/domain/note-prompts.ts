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
