/**
 * GAD-7. Wording from Spitzer RL, Kroenke K, Williams JBW, Löwe B, "A brief measure for
 * assessing generalized anxiety disorder: the GAD-7", Arch Intern Med 2006;166:1092-1097, and
 * the GAD-7 form (PHQ Screeners, Pfizer Inc.). Reprints differ in two commas ("anxious, or on
 * edge", "afraid, as if"); these follow the paper. Bands and the evaluation rule are those of
 * tests/fixtures/reference/clinical.md. The form's unscored difficulty question is not part of this
 * definition. No change rules: the reference gives none for the GAD-7.
 */
import type { Answers, Band, Instrument, ScoreResult } from './types';
import { bandOf, checkAnswers, numberedItems, scale, sumOf } from './scoring';

const ITEMS = numberedItems(
	[
		'Feeling nervous, anxious, or on edge',
		'Not being able to stop or control worrying',
		'Worrying too much about different things',
		'Trouble relaxing',
		'Being so restless that it is hard to sit still',
		'Becoming easily annoyed or irritable',
		'Feeling afraid as if something awful might happen'
	],
	scale(['Not at all', 'Several days', 'More than half the days', 'Nearly every day'])
);

const BANDS: readonly Band[] = [
	{ min: 0, max: 4, label: 'Minimal', severity: 0 },
	{ min: 5, max: 9, label: 'Mild', severity: 1 },
	{ min: 10, max: 14, label: 'Moderate', severity: 2 },
	{ min: 15, max: 21, label: 'Severe', severity: 3 }
];

/** The published screening cut-off. */
export const GAD7_EVALUATION_AT = 10;

function score(answers: Answers): ScoreResult {
	checkAnswers(ITEMS, answers);
	const total = sumOf(ITEMS, answers);
	const band = bandOf(BANDS, total);
	const findings = total >= GAD7_EVALUATION_AT ? ['Total of 10 or more: warrants further evaluation.'] : [];
	return { total, band: { label: band.label, severity: band.severity }, subscales: [], findings, risk: [], riskLevel: 'none' };
}

export const GAD7: Instrument = {
	id: 'gad7',
	name: 'GAD-7',
	fullName: 'Generalized Anxiety Disorder 7-item scale',
	instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
	items: ITEMS,
	visibleItems: () => ITEMS,
	score,
	range: { min: 0, max: 21 },
	bands: BANDS,
	needsContext: [],
	loinc: { code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
	licence: 'Public domain: no permission required to reproduce, translate, display or distribute.',
	attribution:
		'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
	timeframe: 'Over the last 2 weeks',
	administration: 'self-report'
};
