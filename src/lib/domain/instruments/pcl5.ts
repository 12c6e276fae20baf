/**
 * PCL-5. Wording from the PTSD Checklist for DSM-5 form, "PCL-5 (8/14/2013) Weathers, Litz,
 * Keane, Palmieri, Marx, & Schnurr -- National Center for PTSD", the standard version without
 * the worst-event section. The cut-off, clusters and provisional DSM-5 pattern are those of
 * tests/fixtures/reference/clinical.md.
 */
import type { Answers, Band, Instrument, ScoreResult, Subscale } from './types';
import { bandOf, checkAnswers, numberedItems, scale, sumOf } from './scoring';

const ITEMS = numberedItems(
	[
		'Repeated, disturbing, and unwanted memories of the stressful experience?',
		'Repeated, disturbing dreams of the stressful experience?',
		'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
		'Feeling very upset when something reminded you of the stressful experience?',
		'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
		'Avoiding memories, thoughts, or feelings related to the stressful experience?',
		'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
		'Trouble remembering important parts of the stressful experience?',
		'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
		'Blaming yourself or someone else for the stressful experience or what happened after it?',
		'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
		'Loss of interest in activities that you used to enjoy?',
		'Feeling distant or cut off from other people?',
		'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
		'Irritable behavior, angry outbursts, or acting aggressively?',
		'Taking too many risks or doing things that could cause you harm?',
		'Being "superalert" or watchful or on guard?',
		'Feeling jumpy or easily startled?',
		'Having difficulty concentrating?',
		'Trouble falling or staying asleep?'
	],
	scale(['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely'])
);

/** DSM-5 symptom clusters: items, and how many must be endorsed for the provisional pattern. */
export const PCL5_CLUSTERS = [
	{ id: 'B', label: 'Cluster B (intrusion)', first: 1, last: 5, needed: 1 },
	{ id: 'C', label: 'Cluster C (avoidance)', first: 6, last: 7, needed: 1 },
	{ id: 'D', label: 'Cluster D (negative alterations in cognitions and mood)', first: 8, last: 14, needed: 2 },
	{ id: 'E', label: 'Cluster E (alterations in arousal and reactivity)', first: 15, last: 20, needed: 2 }
] as const;

/** An item rated "Moderately" (2) or higher counts as an endorsed symptom. */
export const PCL5_ENDORSED_AT = 2;
/** The lower end of the published 31-33 cut-off, so a probable case is not missed. */
export const PCL5_CUT_OFF = 31;

// Two bands for the chart, split at the published cut-off: the PCL-5 has no severity bands.
const BANDS: readonly Band[] = [
	{ min: 0, max: 30, label: 'Below cut-off', severity: 0 },
	{ min: 31, max: 80, label: 'At or above cut-off', severity: 1 }
];

function clusters(answers: Answers): Subscale[] {
	return PCL5_CLUSTERS.map((c) => {
		const values = ITEMS.slice(c.first - 1, c.last).map((item) => answers[item.id]!);
		return {
			id: c.id,
			label: c.label,
			score: values.reduce((a, b) => a + b, 0),
			endorsed: values.filter((v) => v >= PCL5_ENDORSED_AT).length
		};
	});
}

function score(answers: Answers): ScoreResult {
	checkAnswers(ITEMS, answers);
	const total = sumOf(ITEMS, answers);
	const band = bandOf(BANDS, total);
	const subscales = clusters(answers);
	const met = PCL5_CLUSTERS.every((c, i) => (subscales[i]!.endorsed ?? 0) >= c.needed);
	const findings = [
		...(total >= PCL5_CUT_OFF
			? ['Total of 31 or more: probable PTSD (the published cut-off is 31-33); confirm with a clinical interview.']
			: []),
		met
			? 'Provisional DSM-5 PTSD pattern met: at least 1 B, 1 C, 2 D and 2 E items rated 2 (Moderately) or higher.'
			: 'Provisional DSM-5 PTSD pattern not met: it needs at least 1 B, 1 C, 2 D and 2 E items rated 2 (Moderately) or higher.'
	];
	return { total, band: { label: band.label, severity: band.severity }, subscales, findings, risk: [], riskLevel: 'none' };
}

export const PCL5: Instrument = {
	id: 'pcl5',
	name: 'PCL-5',
	fullName: 'PTSD Checklist for DSM-5',
	instructions:
		'Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then circle one of the numbers to the right to indicate how much you have been bothered by that problem in the past month.\n\nIn the past month, how much were you bothered by:',
	items: ITEMS,
	visibleItems: () => ITEMS,
	score,
	range: { min: 0, max: 80 },
	bands: BANDS,
	needsContext: [],
	licence: 'Public domain: a work of the National Center for PTSD, US Department of Veterans Affairs.',
	attribution:
		'PCL-5 (8/14/2013) Weathers, Litz, Keane, Palmieri, Marx, & Schnurr -- National Center for PTSD. Weathers, F.W., Litz, B.T., Keane, T.M., Palmieri, P.A., Marx, B.P., & Schnurr, P.P. (2013). The PTSD Checklist for DSM-5 (PCL-5).',
	timeframe: 'In the past month',
	administration: 'self-report'
};
