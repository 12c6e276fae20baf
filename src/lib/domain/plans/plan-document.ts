import type { InstrumentId } from '../instruments/types';
import { DRAFT_LINE, PART2_HEADING, PART2_NOTICE, consentBlocks, formatInstant, type NoteBlock } from '../notes/note-document';
import { NOT_DOCUMENTED } from '../notes/note-formats';
import type { Client, Diagnosis } from '../core/records';
import { INSTRUMENT_SHORT_NAMES, type PlanObjective, type PlanProblem, type TreatmentPlan } from './treatment-plan';

/**
 * What a treatment plan export contains, built by the caller from the plan, its client and the
 * client's scores. Plain text, PDF and FHIR are all built from it, so they carry the same plan.
 */
export interface PlanDocument {
	client: Pick<Client, 'id' | 'name' | 'dateOfBirth' | 'part2'>;
	plan: TreatmentPlan;
	/** The diagnoses the plan's problems reference (minimum necessary: no others). */
	diagnoses: Diagnosis[];
	/** Objective id -> "PHQ-9 12 on 2026-03-02 (target below 10: not yet met)", computed by the caller. */
	objectiveScores: Record<string, string>;
	practiceName: string;
	/** The practice administrator's edited 42 CFR 2.32 statement; statement 1 when absent. */
	part2Notice?: string;
	/** On a disclosure, the consent's scope in words (2.32 asks for it beside the notice). */
	part2Consent?: string;
}

/** Signed means the status says so and the signer and time are recorded. */
export function isPlanSigned(plan: Pick<TreatmentPlan, 'status' | 'signedBy' | 'signedAt'>): boolean {
	return plan.status === 'signed' && Boolean(plan.signedBy && plan.signedAt);
}

export function planBlocks(doc: PlanDocument): NoteBlock[] {
	const { client, plan } = doc;
	const signed = isPlanSigned(plan);
	const blocks: NoteBlock[] = [
		{ kind: 'title', text: 'TREATMENT PLAN' },
		{ kind: 'paragraph', text: `Version ${plan.version}` }
	];
	if (doc.practiceName.trim()) blocks.push({ kind: 'field', label: 'Practice', value: doc.practiceName.trim() });
	if (!signed) blocks.push({ kind: 'draft', text: DRAFT_LINE });

	const field = (label: string, value: string) => blocks.push({ kind: 'field', label, value: value.trim() || NOT_DOCUMENTED });
	field('Client', client.name);
	field('Date of birth', client.dateOfBirth);
	field('Start date', plan.startDate);
	field('Review date', plan.reviewDate);
	field('Responsible clinician', plan.responsibleClinician);

	if (!plan.problems.length) {
		blocks.push({ kind: 'heading', text: 'PROBLEMS' }, { kind: 'paragraph', text: NOT_DOCUMENTED });
	}
	plan.problems.forEach((problem, i) => blocks.push(...problemBlocks(doc, problem, i + 1)));

	if (signed) {
		blocks.push({ kind: 'signature', text: `Electronically signed by ${plan.signedBy} on ${formatInstant(plan.signedAt!)}` });
		if (plan.contentHash) blocks.push({ kind: 'signature', text: `Content hash (SHA-256): ${plan.contentHash}` });
	} else {
		blocks.push({ kind: 'signature', text: DRAFT_LINE });
	}
	blocks.push(...part2Blocks(client.part2, doc.part2Notice, doc.part2Consent));
	return blocks;
}

function problemBlocks(doc: PlanDocument, problem: PlanProblem, n: number): NoteBlock[] {
	const blocks: NoteBlock[] = [{ kind: 'heading', text: `PROBLEM ${n}: ${oneLine(problem.text) || NOT_DOCUMENTED}` }];
	const diagnoses = problem.diagnosisCodes.map((code) => {
		const known = doc.diagnoses.find((d) => d.code === code);
		return known ? `${code} ${known.description}`.trim() : code;
	});
	blocks.push({ kind: 'field', label: 'Diagnoses', value: diagnoses.join('; ') || 'None linked' });

	problem.goals.forEach((goal, g) => {
		blocks.push({ kind: 'subheading', text: `Goal ${n}.${g + 1}: ${oneLine(goal.text) || NOT_DOCUMENTED}` });
		if (!goal.objectives.length) blocks.push({ kind: 'paragraph', text: `Objectives: ${NOT_DOCUMENTED}` });
		goal.objectives.forEach((objective, o) => {
			blocks.push({ kind: 'paragraph', text: objectiveLine(objective, `${n}.${g + 1}.${o + 1}`, doc.objectiveScores[objective.id]) });
		});
	});

	blocks.push({ kind: 'subheading', text: 'Interventions' });
	if (!problem.interventions.length) blocks.push({ kind: 'paragraph', text: NOT_DOCUMENTED });
	problem.interventions.forEach((intervention, i) => {
		const parts = [
			`Intervention ${n}.${i + 1}: ${sentence(intervention.text) || NOT_DOCUMENTED}`,
			intervention.modality.trim() && `Modality: ${sentence(intervention.modality)}`,
			intervention.frequency.trim() && `Frequency: ${sentence(intervention.frequency)}`
		];
		blocks.push({ kind: 'paragraph', text: parts.filter(Boolean).join(' ') });
	});
	return blocks;
}

/** "Objective 1.1.1: text. Target date: …. Target: PHQ-9 below 10. Status: …. Latest: …." */
function objectiveLine(objective: PlanObjective, number: string, latest: string | undefined): string {
	const target = objective.instrumentTarget;
	const parts = [
		`Objective ${number}: ${sentence(objective.text) || `${NOT_DOCUMENTED}.`}`,
		objective.targetDate.trim() && `Target date: ${objective.targetDate.trim()}.`,
		target && `Target: ${INSTRUMENT_SHORT_NAMES[target.instrumentId]} below ${target.below}.`,
		`Status: ${objective.status}.`,
		latest?.trim() && `Latest: ${sentence(latest)}`
	];
	return parts.filter(Boolean).join(' ');
}

export function planToPlainText(doc: PlanDocument): string {
	return blocksToPlainText(planBlocks(doc));
}

/** The Part 2 heading and notice, only for a Part 2 client; on a disclosure, the consent after them. */
export function part2Blocks(part2: boolean, notice: string | undefined, consent?: string): NoteBlock[] {
	if (!part2) return [];
	return [
		{ kind: 'heading', text: PART2_HEADING },
		{ kind: 'notice', text: notice?.trim() || PART2_NOTICE },
		...consentBlocks(consent)
	];
}

/**
 * Plain text for pasting into an EHR, laid out like the note's: the header as one part, a
 * blank line before each heading, each subheading group and the signature.
 */
export function blocksToPlainText(blocks: readonly NoteBlock[]): string {
	const lines: string[] = [];
	let previous: NoteBlock['kind'] | null = null;
	for (const block of blocks) {
		const startsPart =
			block.kind === 'heading' ||
			(block.kind === 'signature' && previous !== 'signature') ||
			(block.kind === 'subheading' && previous !== 'heading');
		if (startsPart && lines.length) lines.push('');
		lines.push(block.kind === 'field' ? `${block.label}: ${block.value}` : block.text);
		previous = block.kind;
	}
	return `${lines.join('\n')}\n`;
}

/** Ends a fragment with a full stop unless it already ends in punctuation. */
export function sentence(text: string): string {
	const trimmed = oneLine(text);
	return !trimmed || /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
