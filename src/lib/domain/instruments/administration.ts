import type { Answers, Band, Instrument, InstrumentItem, ScoringContext } from './types';

/**
 * Giving a questionnaire, separate from scoring it: which questions are still open, the
 * screens of client mode, and the words of the trend chart. The components stay thin; the
 * caller scores and shows any AppError.
 */

export interface QuestionnaireSubmission {
	answers: Answers;
	context: ScoringContext;
}

/** "1. Little interest…"; follow-ups may repeat a label, so the label is never dropped. */
export function itemHeading(item: InstrumentItem): string {
	const label = item.label.trim();
	if (!label) return item.text;
	return /[.):]$/.test(label) ? `${label} ${item.text}` : `${label}. ${item.text}`;
}

/** Visible scored items without an answer; unscored questions may be left blank. */
export function unansweredItems(instrument: Instrument, answers: Answers): InstrumentItem[] {
	return instrument.visibleItems(answers).filter((item) => item.scored && answers[item.id] === undefined);
}

export function missingContext(instrument: Instrument, context: ScoringContext): (keyof ScoringContext)[] {
	return instrument.needsContext.filter((key) => context[key] === undefined);
}

export function readyToSave(instrument: Instrument, answers: Answers, context: ScoringContext): boolean {
	return unansweredItems(instrument, answers).length === 0 && missingContext(instrument, context).length === 0;
}

/**
 * Drops answers to questions that skip logic has hidden (C-SSRS 3-5 after "No" to 2), so a
 * mis-tap that was later corrected is never saved. Repeats until stable, as hiding one
 * answer can hide another.
 */
export function pruneHiddenAnswers(instrument: Instrument, answers: Answers): Answers {
	let kept: Record<string, number> = { ...answers };
	for (let round = 0; round <= instrument.items.length; round++) {
		const visible = new Set(instrument.visibleItems(kept).map((item) => item.id));
		const next = Object.fromEntries(Object.entries(kept).filter(([id]) => visible.has(id)));
		if (Object.keys(next).length === Object.keys(kept).length) return next;
		kept = next;
	}
	return kept;
}

/** The sentence for the form's polite live region. */
export function remainingMessage(instrument: Instrument, answers: Answers, context: ScoringContext): string {
	const open = unansweredItems(instrument, answers);
	const parts: string[] = [];
	if (missingContext(instrument, context).length) parts.push('Choose which cut-off applies.');
	if (open.length === 1) parts.push(`1 question still to answer (${open[0]!.label}).`);
	else if (open.length > 1) parts.push(`${open.length} questions still to answer (${open.map((i) => i.label).join(', ')}).`);
	return parts.length ? parts.join(' ') : 'All questions answered.';
}

export function answerLabel(item: InstrumentItem, value: number | undefined): string | undefined {
	return value === undefined ? undefined : item.options.find((o) => o.value === value)?.label;
}

type Sex = NonNullable<ScoringContext['sex']>;

/**
 * The one context question today: AUDIT-C's sex-specific cut-off (clinical.md: positive at
 * 3 or more for women, 4 or more for men). The client sees no numbers, only the choice.
 */
export const SEX_QUESTION: {
	legend: string;
	clientHeading: string;
	clientHint: string;
	options: readonly { value: Sex; clinicianLabel: string; clientLabel: string }[];
} = {
	legend: 'Which cut-off applies?',
	clientHeading: 'Which of these applies to you?',
	clientHint: 'This only sets how the answers are read. Ask your clinician if you are not sure.',
	options: [
		{ value: 'female', clinicianLabel: 'Female (positive at 3 or more)', clientLabel: 'Female' },
		{ value: 'male', clinicianLabel: 'Male (positive at 4 or more)', clientLabel: 'Male' }
	]
};

// ---- Client mode: one screen per question ----

export type ClientStep =
	| { kind: 'context'; key: 'context' }
	| { kind: 'item'; key: string; item: InstrumentItem; number: number; count: number }
	| { kind: 'review'; key: 'review' };

/** Screens in order, recomputed from the answers so skip logic adds and removes questions. */
export function clientModeSteps(instrument: Instrument, answers: Answers): ClientStep[] {
	const visible = instrument.visibleItems(answers);
	const items: ClientStep[] = visible.map((item, i) => ({
		kind: 'item',
		key: `item:${item.id}`,
		item,
		number: i + 1,
		count: visible.length
	}));
	const context: ClientStep[] = instrument.needsContext.length ? [{ kind: 'context', key: 'context' }] : [];
	return [...context, ...items, { kind: 'review', key: 'review' }];
}

/** Next is offered once the screen is answered; an unscored question may be skipped. */
export function canAdvance(step: ClientStep, instrument: Instrument, answers: Answers, context: ScoringContext): boolean {
	if (step.kind === 'context') return missingContext(instrument, context).length === 0;
	if (step.kind === 'item') return !step.item.scored || answers[step.item.id] !== undefined;
	return false;
}

/** The neighbouring screen's key; a key that skip logic removed falls back to the first screen. */
export function neighbourStep(steps: readonly ClientStep[], key: string, direction: 1 | -1): string {
	const at = steps.findIndex((s) => s.key === key);
	if (at < 0) return steps[0]!.key;
	return steps[Math.min(steps.length - 1, Math.max(0, at + direction))]!.key;
}

// ---- Trend chart: words and geometry ----

export interface TrendChartPoint {
	date: string;
	total: number;
	band: string;
	response?: boolean;
	remission?: boolean;
}

export interface MarkerLabels {
	response: string;
	remission: string;
}

/** "PHQ-9 from 20 (severe) on 2026-01-05 to 8 (mild) on 2026-03-02; response reached". */
export function describeTrend(title: string, points: readonly TrendChartPoint[], labels: MarkerLabels): string {
	const first = points[0];
	const last = points.at(-1);
	if (!first || !last) return `${title}: no scores yet`;
	const at = (p: TrendChartPoint) => `${p.total} (${p.band}) on ${p.date}`;
	if (points.length === 1) return `${title}: ${at(first)}, the only score so far`;
	const reached = [
		points.some((p) => p.response) ? `${labels.response.toLowerCase()} reached` : '',
		points.some((p) => p.remission) ? `${labels.remission.toLowerCase()} reached` : ''
	].filter(Boolean);
	return [`${title} from ${at(first)} to ${at(last)}`, ...reached].join('; ');
}

/** "-12 (-60%)", "+3", "0": plain hyphen-minus, which screen readers read as "minus". */
export function changeFromBaselineText(total: number, baseline: number): string {
	const diff = total - baseline;
	const signed = diff > 0 ? `+${diff}` : `${diff}`;
	if (diff === 0 || baseline === 0) return signed;
	const percent = Math.round((diff / baseline) * 100);
	return `${signed} (${percent > 0 ? '+' : ''}${percent}%)`;
}

export interface TrendTableRow {
	date: string;
	score: number;
	band: string;
	change: string;
	marker: string;
}

/** The chart's data as table rows; without an explicit baseline the first score is the baseline. */
export function trendTableRows(points: readonly TrendChartPoint[], labels: MarkerLabels, baseline?: number): TrendTableRow[] {
	const base = baseline ?? points[0]?.total ?? 0;
	return points.map((p, i) => ({
		date: p.date,
		score: p.total,
		band: p.band,
		change: changeFromBaselineText(p.total, base),
		marker: [
			i === 0 && p.total === base ? 'Baseline' : '',
			p.response ? labels.response : '',
			p.remission ? labels.remission : ''
		]
			.filter(Boolean)
			.join(', ')
	}));
}

export interface BandShade {
	label: string;
	yMin: number;
	yMax: number;
	/** 0 for the mildest band up to 1 for the most severe, for a neutral-to-warm palette. */
	tone: number;
}

/**
 * Bands are published as whole-number ranges (0-4, 5-9); shading meets halfway between them
 * so the chart has no pale stripes, clamped to the instrument's range.
 */
export function bandShades(bands: readonly Band[], range: { min: number; max: number }): BandShade[] {
	const sorted = [...bands].sort((a, b) => a.min - b.min);
	const ranks = [...new Set(bands.map((b) => b.severity))].sort((a, b) => a - b);
	const top = Math.max(1, ranks.length - 1);
	return sorted.map((band, i) => {
		const below = sorted[i - 1];
		const above = sorted[i + 1];
		return {
			label: band.label,
			yMin: Math.max(range.min, below ? (below.max + band.min) / 2 : band.min),
			yMax: Math.min(range.max, above ? (band.max + above.min) / 2 : band.max),
			tone: ranks.indexOf(band.severity) / top
		};
	});
}
