/**
 * AUDIT. Wording from Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG, "AUDIT: The Alcohol
 * Use Disorders Identification Test. Guidelines for Use in Primary Care", 2nd edition, World
 * Health Organization 2001 (WHO/MSD/MSB/01.6a), Box 4, the interview version. Its skip
 * instructions (after question 1, and after questions 2-3) are not applied: every question is
 * asked, so no answer is assumed. Zones are those of tests/fixtures/reference/clinical.md; the zone
 * interventions are the manual's.
 */
import type { Answers, Band, Instrument, InstrumentItem, ScoreResult } from './types';
import { bandOf, checkAnswers, numberedItems, scale, sumOf } from './scoring';

const HOW_OFTEN = scale(['Never', 'Less than monthly', 'Monthly', 'Weekly', 'Daily or almost daily']);

/** Items 9 and 10 have three answers, scored 0, 2 and 4. */
const EVER: InstrumentItem['options'] = [
	{ value: 0, label: 'No' },
	{ value: 2, label: 'Yes, but not in the last year' },
	{ value: 4, label: 'Yes, during the last year' }
];

/** Questions 1-3 (consumption): also the AUDIT-C. */
export const AUDIT_CONSUMPTION_ITEMS: readonly InstrumentItem[] = [
	...numberedItems(
		['How often do you have a drink containing alcohol?'],
		scale(['Never', 'Monthly or less', '2 to 4 times a month', '2 to 3 times a week', '4 or more times a week'])
	),
	...numberedItems(
		['How many drinks containing alcohol do you have on a typical day when you are drinking?'],
		scale(['1 or 2', '3 or 4', '5 or 6', '7, 8, or 9', '10 or more']),
		2
	),
	...numberedItems(['How often do you have six or more drinks on one occasion?'], HOW_OFTEN, 3)
];

const ITEMS: readonly InstrumentItem[] = [
	...AUDIT_CONSUMPTION_ITEMS,
	...numberedItems(
		[
			'How often during the last year have you found that you were not able to stop drinking once you had started?',
			'How often during the last year have you failed to do what was normally expected from you because of drinking?',
			'How often during the last year have you needed a first drink in the morning to get yourself going after a heavy drinking session?',
			'How often during the last year have you had a feeling of guilt or remorse after drinking?',
			'How often during the last year have you been unable to remember what happened the night before because you had been drinking?'
		],
		HOW_OFTEN,
		4
	),
	...numberedItems(
		[
			'Have you or someone else been injured as a result of your drinking?',
			'Has a relative or friend or a doctor or another health worker been concerned about your drinking or suggested you cut down?'
		],
		EVER,
		9
	)
];

const BANDS: readonly Band[] = [
	{ min: 0, max: 7, label: 'Zone I', severity: 0 },
	{ min: 8, max: 15, label: 'Zone II', severity: 1 },
	{ min: 16, max: 19, label: 'Zone III', severity: 2 },
	{ min: 20, max: 40, label: 'Zone IV', severity: 3 }
];

/** The WHO manual's intervention for each zone, by severity. */
const INTERVENTION = [
	'alcohol education',
	'simple advice',
	'simple advice plus brief counseling and continued monitoring',
	'referral to specialist for diagnostic evaluation and treatment'
];

/** The WHO interview instructions, for the clinician who reads the questions aloud. */
export const AUDIT_INSTRUCTIONS =
	'Read questions as written. Record answers carefully. Begin the AUDIT by saying "Now I am going to ask you some questions about your use of alcoholic beverages during this past year." Explain what is meant by "alcoholic beverages" by using local examples of beer, wine, vodka, etc. Code answers in terms of "standard drinks." Place the correct answer number in the box at the right.';

export const WHO_AUDIT_SOURCE =
	'Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders Identification Test. Guidelines for Use in Primary Care. Second edition. Geneva: World Health Organization; 2001.';

function score(answers: Answers): ScoreResult {
	checkAnswers(ITEMS, answers);
	const total = sumOf(ITEMS, answers);
	const band = bandOf(BANDS, total);
	const finding = `${band.label} (${band.min}-${band.max}): the WHO manual suggests ${INTERVENTION[band.severity]}.`;
	return { total, band: { label: band.label, severity: band.severity }, subscales: [], findings: [finding], risk: [], riskLevel: 'none' };
}

export const AUDIT: Instrument = {
	id: 'audit',
	name: 'AUDIT',
	fullName: 'Alcohol Use Disorders Identification Test',
	instructions: AUDIT_INSTRUCTIONS,
	items: ITEMS,
	visibleItems: () => ITEMS,
	score,
	range: { min: 0, max: 40 },
	bands: BANDS,
	needsContext: [],
	licence:
		'World Health Organization: all rights reserved, but the document may be freely reviewed, abstracted, reproduced and translated; attribute the source.',
	attribution: WHO_AUDIT_SOURCE,
	timeframe: 'During this past year',
	administration: 'interview'
};
