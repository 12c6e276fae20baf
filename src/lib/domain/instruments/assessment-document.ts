import { today } from '../core/dates';
import type { Instrument } from './types';
import { cleanText, type NoteBlock } from '../notes/note-document';
import { NOT_DOCUMENTED } from '../notes/note-formats';
import { blocksToPlainText, part2Blocks, sentence } from '../plans/plan-document';
import { isIsoDate, type Client } from '../core/records';

/**
 * What an assessment summary export contains: one instrument's administrations for a client,
 * the published licence line, and the clinician's interpretation. Built by the caller from
 * the stored assessments and the instrument definition; scores are never recomputed here.
 */
export interface AssessmentAdministration {
	/** The assessment's id, for the audit trail. */
	id: string;
	/** ISO date or timestamp of completion. */
	date: string;
	total: number | null;
	band: string;
	findings: string[];
}

export interface AssessmentSummaryDocument {
	client: Pick<Client, 'id' | 'name' | 'dateOfBirth' | 'part2'>;
	instrument: Pick<Instrument, 'id' | 'name' | 'fullName' | 'licence' | 'attribution'>;
	administrations: AssessmentAdministration[];
	/** The clinician-reviewed interpretation. */
	summary: string;
	/** Who reviewed the summary; absent means it is still a draft. */
	reviewedBy?: string;
	practiceName: string;
	/** The practice administrator's edited 42 CFR 2.32 statement; statement 1 when absent. */
	part2Notice?: string;
	/** On a disclosure, the consent's scope in words (2.32 asks for it beside the notice). */
	part2Consent?: string;
}

export const UNREVIEWED_LINE = 'DRAFT — summary not yet reviewed by a clinician';

/** Oldest first: a series of scores reads as a trend. */
export function chronological<T extends { date: string }>(items: readonly T[]): T[] {
	return [...items].sort((a, b) => timeOf(a.date) - timeOf(b.date));
}

export function assessmentSummaryBlocks(doc: AssessmentSummaryDocument): NoteBlock[] {
	const { client, instrument } = doc;
	const reviewer = doc.reviewedBy?.trim();
	const blocks: NoteBlock[] = [{ kind: 'title', text: `ASSESSMENT SUMMARY: ${instrument.name}` }];
	if (doc.practiceName.trim()) blocks.push({ kind: 'field', label: 'Practice', value: doc.practiceName.trim() });
	if (!reviewer) blocks.push({ kind: 'draft', text: UNREVIEWED_LINE });

	const field = (label: string, value: string) => blocks.push({ kind: 'field', label, value: value.trim() || NOT_DOCUMENTED });
	field('Client', client.name);
	field('Date of birth', client.dateOfBirth);
	field('Instrument', `${instrument.name} (${instrument.fullName})`);
	// The instruments' licences ask that the attribution travel with the scores.
	field('Licence', [sentence(instrument.licence), sentence(instrument.attribution)].filter(Boolean).join(' '));

	blocks.push({ kind: 'heading', text: 'SCORES' });
	const administrations = chronological(doc.administrations);
	if (!administrations.length) blocks.push({ kind: 'paragraph', text: NOT_DOCUMENTED });
	for (const a of administrations) blocks.push({ kind: 'paragraph', text: administrationLine(a) });

	blocks.push({ kind: 'heading', text: 'SUMMARY' });
	blocks.push({ kind: 'paragraph', text: cleanText(doc.summary) || NOT_DOCUMENTED });

	blocks.push({ kind: 'signature', text: reviewer ? `Reviewed by ${reviewer}` : UNREVIEWED_LINE });
	blocks.push(...part2Blocks(client.part2, doc.part2Notice, doc.part2Consent));
	return blocks;
}

/** "2026-03-02: total 12, Moderate. Findings: …" (no total for the C-SSRS screener). */
function administrationLine(a: AssessmentAdministration): string {
	const score = a.total === null ? a.band : `total ${a.total}, ${a.band}`;
	const findings = a.findings.map((f) => f.trim()).filter(Boolean);
	const line = `${calendarDate(a.date)}: ${sentence(score)}`;
	return findings.length ? `${line} Findings: ${sentence(findings.join('; '))}` : line;
}

export function assessmentSummaryToPlainText(doc: AssessmentSummaryDocument): string {
	return blocksToPlainText(assessmentSummaryBlocks(doc));
}

/** The calendar date of an ISO timestamp on this device, as the rest of the app shows dates. */
export function calendarDate(date: string): string {
	const time = new Date(date);
	return isIsoDate(date) || Number.isNaN(time.getTime()) ? date : today(time);
}

function timeOf(date: string): number {
	const t = new Date(date).getTime();
	return Number.isNaN(t) ? 0 : t;
}
