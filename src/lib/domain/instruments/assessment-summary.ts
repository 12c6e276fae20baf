import * as v from 'valibot';
import { AppError } from '../core/app-error';
import type { Assessment } from './assessment';
import { latestResult, trendOf, type Trend, type TrendPoint } from './assessment-trend';
import { today } from '../core/dates';
import { PCL5_CLUSTERS, PCL5_ENDORSED_AT } from './pcl5';
import { PHQ9_RISK_ITEM } from './phq9';
import { optionLabel } from './scoring';
import type { Instrument } from './types';

/**
 * The assessment summary: the numbers are computed here, one short sentence per line, and a model
 * may only put words around them. Without a model the facts themselves are the summary.
 */

const dateOf = (iso: string) => today(new Date(iso));

/** The facts for the record, one sentence a line, every number computed from stored results. */
export function summaryFacts(instrument: Instrument, assessments: readonly Assessment[]): string {
	const latest = latestResult(assessments, instrument.id);
	if (!latest) return `No ${instrument.name} administrations are recorded.`;
	const date = dateOf(latest.administeredAt);
	const lines =
		instrument.range && latest.result.total !== null
			? totalFacts(instrument, trendOf(instrument, assessments))
			: [`${instrument.name} risk level: ${latest.result.band.label} on ${date}.`, ...earlierLevels(instrument, assessments)];
	lines.push(...latest.result.findings.map((f) => `Finding: ${f}`));
	lines.push(...itemFacts(instrument, latest, date));
	return lines.join('\n');
}

function totalFacts(instrument: Instrument, trend: Trend): string[] {
	const latest = trend.latest!;
	const base = trend.baseline!;
	const lines = [`${instrument.name} total score ${latest.total} (${latest.band}) on ${latest.date}.`];
	if (trend.points.length < 2) return [...lines, `This is the only ${instrument.name} administration with a total on record.`];
	lines.push(`Baseline ${base.total} (${base.band}) on ${base.date}.`);
	if (trend.points.length > 2) {
		lines.push(`Totals in order: ${trend.points.map((p) => `${p.total} on ${p.date}`).join(', ')}.`);
	}
	lines.push(`Change from baseline: ${changeWords(latest)}.`);
	const { responseDrop, remissionBelow } = instrument.change ?? {};
	if (responseDrop !== undefined) {
		const rule = `Response (a drop of ${responseDrop * 100}% or more from baseline)`;
		lines.push(base.total === 0 ? `${rule} cannot be judged against a baseline of 0.` : `${rule} ${reached(trend.responseReached)}.`);
	}
	if (remissionBelow !== undefined) {
		const rule = `Remission (a score under ${remissionBelow})`;
		lines.push(
			base.total < remissionBelow
				? `${rule} does not apply: the baseline was already under ${remissionBelow}.`
				: `${rule} ${reached(trend.remissionReached)}.`
		);
	}
	return lines;
}

// No "Label (under 5):" lines: the grounding check reads a short label before a colon as a speaker.
const reached = (yes: boolean) => (yes ? 'was reached at the latest administration' : 'was not reached at the latest administration');

/** "6 points lower (30% lower)"; the percentage is cut, not rounded, so it never overstates a change. */
function changeWords(point: TrendPoint): string {
	const change = point.changeFromBaseline;
	if (change === 0) return 'no change';
	const direction = change < 0 ? 'lower' : 'higher';
	const points = `${Math.abs(change)} point${Math.abs(change) === 1 ? '' : 's'} ${direction}`;
	if (point.percentChange === null) return `${points} (no percentage: the baseline was 0)`;
	const percent = Math.trunc(Math.abs(point.percentChange) * 10) / 10;
	return `${points} (${percent}% ${direction})`;
}

function earlierLevels(instrument: Instrument, assessments: readonly Assessment[]): string[] {
	const earlier = assessments
		.filter((a) => a.instrumentId === instrument.id)
		.sort((a, b) => Date.parse(a.administeredAt) - Date.parse(b.administeredAt) || a.id.localeCompare(b.id))
		.slice(0, -1);
	return earlier.map((a) => `Earlier: ${a.result.band.label} on ${dateOf(a.administeredAt)}.`);
}

/** Item-level facts a clinician looks for: PHQ-9 item 9, PCL-5 clusters. */
function itemFacts(instrument: Instrument, latest: Assessment, date: string): string[] {
	if (instrument.id === 'phq9') {
		const value = latest.answers[PHQ9_RISK_ITEM.id];
		if (value === undefined) return [];
		const text = PHQ9_RISK_ITEM.text.charAt(0).toLowerCase() + PHQ9_RISK_ITEM.text.slice(1);
		return [`Item 9 (${text}): ${optionLabel(PHQ9_RISK_ITEM, value)} (${value}) on ${date}.`];
	}
	if (instrument.id === 'pcl5') {
		return latest.result.subscales.map((s) => {
			const size = PCL5_CLUSTERS.find((c) => c.id === s.id);
			const of = size ? ` of ${size.last - size.first + 1}` : '';
			return `${s.label}: sum ${s.score}; ${s.endorsed ?? 0}${of} items rated ${PCL5_ENDORSED_AT} or more.`;
		});
	}
	return [];
}

/** The model's instructions: words around the facts, never new numbers, diagnoses or risk claims. */
export function summarySystemPrompt(instrument: Instrument): string {
	return [
		`You write a short clinical interpretation of ${instrument.name} (${instrument.fullName}) results for a mental health clinician's record.`,
		'Answer with one JSON object: {"summary": "..."}.',
		'Rules:',
		'- Write 3 to 6 sentences, using only the facts given.',
		'- Every number you write (scores, dates, changes, percentages, cut-offs) must appear in the facts exactly as given. Do not calculate new numbers.',
		'- Do not add diagnoses: a screening score is not a diagnosis.',
		'- Say nothing about risk or safety beyond what the facts state.',
		'- Plain, professional language; no headings, no lists.',
		'- The clinician reviews and edits this before it enters the record.'
	].join('\n');
}

export function summaryUserPrompt(facts: string): string {
	return `Facts:\n${facts}`;
}

export const summaryJsonSchema: Record<string, unknown> = {
	type: 'object',
	properties: { summary: { type: 'string' } },
	required: ['summary'],
	additionalProperties: false
};

const summaryShape = v.strictObject({ summary: v.pipe(v.string(), v.trim(), v.minLength(1)) });

/** Model output is untrusted: one non-empty string and nothing else, or `inference/invalid-output`. */
export function validateSummary(value: unknown): { summary: string } {
	const parsed = v.safeParse(summaryShape, value);
	// Counts only: the value is model output and may hold PHI.
	if (!parsed.success) throw new AppError('inference/invalid-output', { issues: parsed.issues.length });
	return parsed.output;
}

/** Without a model, the facts are the summary, word for word. */
export function outlineSummary(facts: string): { summary: string } {
	return { summary: facts.split('\n').map((line) => line.trim()).filter(Boolean).join(' ') };
}
