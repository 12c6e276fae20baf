import type { Answers, Instrument, InstrumentItem, ScoringContext } from './types';

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
