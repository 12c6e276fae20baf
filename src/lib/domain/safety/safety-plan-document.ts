import { today as localDay } from '../core/dates';
import { DRAFT_LINE, formatInstant, type NoteBlock } from '../notes/note-document';
import { NOT_DOCUMENTED } from '../notes/note-formats';
import { part2Blocks } from '../plans/plan-document';
import { isIsoDate } from '../core/records';
import { EMERGENCY_NUMBER, safetyPlanSections, type SafetyPlan } from './safety-plan';

/** The safety plan on paper: the client's one-page handout, and the copy for the record. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 2, 2026": how the date reads aloud, the same on every device (no locale lookup). */
export function spokenDate(iso: string): string {
	if (!isIsoDate(iso)) return iso;
	const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
	return `${MONTHS[month - 1]} ${day}, ${year}`;
}

export type HandoutLine = { kind: 'title' | 'intro' | 'heading' | 'item' | 'closing'; text: string };

/**
 * The client's one-page handout, in plain words. No name on it: a lost page names no one.
 * Steps 1-6 are numbered because they are used in order; reasons for living close the page.
 */
export function handoutLines(plan: Pick<SafetyPlan, 'steps' | 'reviewDate' | 'signedAt'>): HandoutLine[] {
	const made = plan.signedAt ? `Made on ${spokenDate(localDay(new Date(plan.signedAt)))}. ` : '';
	const lines: HandoutLine[] = [
		{ kind: 'title', text: 'My safety plan' },
		{ kind: 'intro', text: `${made}We will look at it again on ${spokenDate(plan.reviewDate)}.` },
		{ kind: 'intro', text: 'Use these steps in order. If one does not help, go on to the next.' }
	];
	safetyPlanSections(plan.steps).forEach((section, i) => {
		if (section.step === 'reasons-for-living' && section.items.length === 0) return;
		const number = section.step === 'reasons-for-living' ? '' : `${i + 1}. `;
		lines.push({ kind: 'heading', text: `${number}${section.heading}` });
		for (const text of section.items) lines.push({ kind: 'item', text });
	});
	lines.push({ kind: 'closing', text: `If you are in danger right now, call ${EMERGENCY_NUMBER}. You can call or text 988 at any time.` });
	return lines;
}

export interface SafetyPlanRecordOptions {
	clientName: string;
	clinicianName: string;
	practice: { name: string; phone?: string } | null;
	part2?: boolean;
	/** The practice's 42 CFR 2.32 statement; on a disclosure, the consent's scope. */
	part2Notice?: string;
	part2Consent?: string;
}

/** The copy for the record: who, when, every step in order, and the signature with its hash. */
export function safetyPlanBlocks(plan: SafetyPlan, options: SafetyPlanRecordOptions): NoteBlock[] {
	const signed = plan.status === 'signed' && Boolean(plan.signedBy && plan.signedAt);
	const blocks: NoteBlock[] = [
		{ kind: 'title', text: 'SAFETY PLAN' },
		{ kind: 'paragraph', text: `Version ${plan.version}` }
	];
	const practice = options.practice?.name.trim();
	if (practice) blocks.push({ kind: 'field', label: 'Practice', value: practice });
	if (!signed) blocks.push({ kind: 'draft', text: DRAFT_LINE });
	const field = (label: string, value: string) => blocks.push({ kind: 'field', label, value: value.trim() || NOT_DOCUMENTED });
	field('Client', options.clientName);
	field('Clinician', options.clinicianName);
	field('Review date', plan.reviewDate);
	safetyPlanSections(plan.steps).forEach((section, i) => {
		const label = section.step === 'reasons-for-living' ? '' : `STEP ${i + 1}: `;
		blocks.push({ kind: 'heading', text: `${label}${section.heading.toUpperCase()}` });
		if (!section.items.length) blocks.push({ kind: 'paragraph', text: NOT_DOCUMENTED });
		for (const text of section.items) blocks.push({ kind: 'paragraph', text: `• ${text}` });
	});
	if (signed) {
		blocks.push({ kind: 'signature', text: `Electronically signed by ${plan.signedBy} on ${formatInstant(plan.signedAt!)}` });
		if (plan.contentHash) blocks.push({ kind: 'signature', text: `Content hash (SHA-256): ${plan.contentHash}` });
	} else {
		blocks.push({ kind: 'signature', text: DRAFT_LINE });
	}
	blocks.push(...part2Blocks(Boolean(options.part2), options.part2Notice, options.part2Consent));
	return blocks;
}
