import * as v from 'valibot';
import { AppError } from '../core/app-error';
import { CRISIS_STEP_LABELS, CRISIS_STEPS, formatStamp, TRIGGER_LABELS, type CrisisProtocol } from './crisis-protocol';
import { checkGrounding, type GroundingReport } from '../grounding/check';

/**
 * The risk assessment note of a crisis protocol. The outline is built in code from what the
 * clinician recorded, one fact a line, and says "Not documented" for anything missing: it never
 * invents a finding. A model may only reword it, and its wording is checked against the outline.
 */

export const NOT_DOCUMENTED = 'Not documented';

/** A note's lines folded into one, so each step stays on one line of the outline. */
const oneLine = (text: string) =>
	text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => (/[.!?)]$/.test(line) ? line : `${line}.`))
		.join(' ');

/**
 * The deterministic note: trigger, each step with its time and note, completion. Lines start
 * with a step label, never "Word:", which the grounding check would read as a speaker.
 */
export function riskNoteOutline(protocol: CrisisProtocol): string {
	const lines = [
		`Crisis protocol opened on ${formatStamp(protocol.openedAt)}.`,
		`Reason for the protocol: ${TRIGGER_LABELS[protocol.trigger.source]}. ${oneLine(protocol.trigger.summary)}`.trim()
	];
	for (const step of CRISIS_STEPS) {
		const record = protocol.steps[step];
		const label = CRISIS_STEP_LABELS[step];
		if (!record.doneAt) {
			lines.push(`${label}: ${NOT_DOCUMENTED}.`);
			continue;
		}
		const note = oneLine(record.note);
		lines.push(`${label} (recorded ${formatStamp(record.doneAt)}).${note ? ` ${note}` : ' No note was recorded.'}`);
	}
	lines.push(
		protocol.completedAt ? `Crisis protocol completed on ${formatStamp(protocol.completedAt)}.` : 'The crisis protocol is not completed yet.'
	);
	return lines.join('\n');
}

/** The model's instructions: rewording of the recorded facts only; no new findings, numbers or risk claims. */
export function crisisNoteSystemPrompt(): string {
	return [
		"You write a risk assessment note for a mental health clinician's record, from the facts the clinician recorded during a crisis protocol.",
		'Answer with one JSON object: {"note": "..."}.',
		'Rules:',
		'- Use only the facts given. Do not add findings, risk levels, plans, names, numbers or times that are not in them.',
		`- Where a fact says "${NOT_DOCUMENTED}", write that it was not documented. Never fill it in.`,
		'- Keep every date and time exactly as written.',
		'- Plain, professional clinical language, in short paragraphs; no headings, no lists.',
		'- The clinician reviews and edits this before it enters the record.'
	].join('\n');
}

export function crisisNoteUserPrompt(outline: string): string {
	return `Recorded facts:\n${outline}`;
}

export const crisisNoteJsonSchema: Record<string, unknown> = {
	type: 'object',
	properties: { note: { type: 'string' } },
	required: ['note'],
	additionalProperties: false
};

const noteShape = v.strictObject({ note: v.pipe(v.string(), v.trim(), v.minLength(1)) });

/** Model output is untrusted: one non-empty string and nothing else, or `inference/invalid-output`. */
export function validateCrisisNote(value: unknown): { note: string } {
	const parsed = v.safeParse(noteShape, value);
	// Counts only: the value is model output and may hold PHI.
	if (!parsed.success) throw new AppError('inference/invalid-output', { issues: parsed.issues.length });
	return parsed.output;
}

/** Without a model, the outline is the note, word for word. */
export function outlineCrisisNote(protocol: CrisisProtocol): { note: string } {
	return { note: riskNoteOutline(protocol) };
}

/** Checks the note, sentence by sentence, against what was recorded (the outline holds every recorded fact). */
export function crisisNoteGrounding(protocol: CrisisProtocol, note: string): GroundingReport {
	return checkGrounding(riskNoteOutline(protocol), { note });
}
