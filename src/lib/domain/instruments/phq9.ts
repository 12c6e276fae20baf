/**
 * PHQ-9. Wording from the Patient Health Questionnaire-9 form (PHQ Screeners, Pfizer Inc.),
 * as published with Kroenke K, Spitzer RL, Williams JBW, "The PHQ-9: validity of a brief
 * depression severity measure", J Gen Intern Med 2001;16:606-613. The paper form's "(Use ✔ to
 * indicate your answer)" is left out: answers are chosen on screen. Bands, the item 9 rule and
 * the change rules are those of tests/fixtures/reference/clinical.md.
 */
import type { Answers, Band, Instrument, InstrumentItem, RiskFinding, ScoreResult } from './types';
import { bandOf, checkAnswers, numberedItems, optionLabel, scale, sumOf } from './scoring';

const FREQUENCY = scale(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);

const SYMPTOMS = numberedItems(
	[
		'Little interest or pleasure in doing things',
		'Feeling down, depressed, or hopeless',
		'Trouble falling or staying asleep, or sleeping too much',
		'Feeling tired or having little energy',
		'Poor appetite or overeating',
		'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
		'Trouble concentrating on things, such as reading the newspaper or watching television',
		'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
		'Thoughts that you would be better off dead or of hurting yourself in some way'
	],
	FREQUENCY
);

/** Asked and stored, never scored or required (the form prints it unnumbered; "10" is our key). */
const DIFFICULTY: InstrumentItem = {
	id: '10',
	label: '10',
	text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
	options: scale(['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult']),
	scored: false
};

const ITEMS: readonly InstrumentItem[] = [...SYMPTOMS, DIFFICULTY];

/** Item 9: thoughts of death or self-harm. */
export const PHQ9_RISK_ITEM = SYMPTOMS[8]!;

const BANDS: readonly Band[] = [
	{ min: 0, max: 4, label: 'Minimal', severity: 0 },
	{ min: 5, max: 9, label: 'Mild', severity: 1 },
	{ min: 10, max: 14, label: 'Moderate', severity: 2 },
	{ min: 15, max: 19, label: 'Moderately severe', severity: 3 },
	{ min: 20, max: 27, label: 'Severe', severity: 4 }
];

function score(answers: Answers): ScoreResult {
	checkAnswers(ITEMS, answers);
	const total = sumOf(ITEMS, answers);
	const band = bandOf(BANDS, total);
	const item9 = answers[PHQ9_RISK_ITEM.id]!;
	const risk: RiskFinding[] = [];
	const findings: string[] = [];
	if (item9 > 0) {
		const said = `${optionLabel(PHQ9_RISK_ITEM, item9)} (${item9})`;
		findings.push(`Item 9 (thoughts of death or self-harm) answered ${said}: a same-day risk assessment is needed.`);
		// The screen does not grade this risk; until the clinician has assessed it, it is treated as urgent.
		risk.push({
			kind: 'phq9-item9',
			level: 'high',
			summary: `PHQ-9 item 9 (thoughts that you would be better off dead or of hurting yourself) answered ${said}. Assess risk today.`
		});
	}
	return { total, band: { label: band.label, severity: band.severity }, subscales: [], findings, risk, riskLevel: 'none' };
}

export const PHQ9: Instrument = {
	id: 'phq9',
	name: 'PHQ-9',
	fullName: 'Patient Health Questionnaire-9',
	instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
	items: ITEMS,
	visibleItems: () => ITEMS,
	score,
	range: { min: 0, max: 27 },
	bands: BANDS,
	needsContext: [],
	change: { responseDrop: 0.5, remissionBelow: 5 },
	loinc: { code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
	licence: 'Public domain: no permission required to reproduce, translate, display or distribute.',
	attribution:
		'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
	timeframe: 'Over the last 2 weeks',
	administration: 'self-report'
};
