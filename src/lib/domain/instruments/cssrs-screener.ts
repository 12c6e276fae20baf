/**
 * C-SSRS screener. Wording from the Columbia-Suicide Severity Rating Scale, Screen Version –
 * Recent (past month; lifetime and past-3-months behaviour), Posner K et al., © 2008 The Research
 * Foundation for Mental Hygiene, Inc. Skip logic and risk levels are those of
 * tests/fixtures/reference/clinical.md. There is no total: the answers set a risk level.
 */
import type { Answers, Instrument, InstrumentItem, RiskFinding, RiskLevel, ScoreResult } from './types';
import { checkAnswers, listOf } from './scoring';

const YES_NO: InstrumentItem['options'] = [
	{ value: 1, label: 'Yes' },
	{ value: 0, label: 'No' }
];

const question = (id: string, text: string, hint?: string): InstrumentItem => ({
	id,
	label: id.replace(/\D+$/, ''),
	text,
	...(hint ? { hint } : {}),
	options: YES_NO,
	scored: true
});

const ITEMS: readonly InstrumentItem[] = [
	question('1', 'Have you wished you were dead or wished you could go to sleep and not wake up?'),
	question('2', 'Have you actually had any thoughts of killing yourself?'),
	question('3', 'Have you been thinking about how you might do this?'),
	question('4', 'Have you had these thoughts and had some intention of acting on them?'),
	question('5', 'Have you started to work out or worked out the details of how to kill yourself? Do you intend to carry out this plan?'),
	question(
		'6',
		'Have you ever done anything, started to do anything, or prepared to do anything to end your life?',
		"Examples: Collected pills, obtained a gun, gave away valuables, wrote a will or suicide note, took out pills but didn't swallow any, held a gun but changed your mind or it was grabbed from your hand, went to the roof but didn't jump; or actually took pills, tried to shoot yourself, cut yourself, tried to hang yourself, etc."
	),
	question('6b', 'Was this within the past 3 months?')
];

const byId = new Map(ITEMS.map((item) => [item.id, item]));
const item = (id: string) => byId.get(id)!;

/** 1, 2 and 6 always; 3-5 only after yes to 2; the 3-month follow-up only after yes to 6. */
function visibleItems(answers: Answers): readonly InstrumentItem[] {
	const ids = ['1', '2', ...(answers['2'] === 1 ? ['3', '4', '5'] : []), '6', ...(answers['6'] === 1 ? ['6b'] : [])];
	return ids.map(item);
}

export const CSSRS_LEVEL_LABEL: Record<RiskLevel, string> = {
	none: 'No risk identified',
	low: 'Low risk',
	moderate: 'Moderate risk',
	high: 'High risk'
};
const SEVERITY: Record<RiskLevel, number> = { none: 0, low: 1, moderate: 2, high: 3 };

function riskLevelOf(yes: (id: string) => boolean): RiskLevel {
	if (yes('4') || yes('5') || (yes('6') && yes('6b'))) return 'high';
	if (yes('3') || (yes('6') && !yes('6b'))) return 'moderate';
	if (yes('1') || yes('2')) return 'low';
	return 'none';
}

function score(answers: Answers): ScoreResult {
	// Only the questions that were asked count: an answer left from before question 2 changed is ignored.
	const asked = visibleItems(answers);
	checkAnswers(asked, answers);
	const yes = (id: string) => asked.some((i) => i.id === id) && answers[id] === 1;
	const riskLevel = riskLevelOf(yes);
	const label = CSSRS_LEVEL_LABEL[riskLevel];
	const yesTo = ['1', '2', '3', '4', '5', '6'].filter(yes);
	const when = yes('6') ? (yes('6b') ? ', within the past 3 months' : ', more than 3 months ago') : '';
	const detail = yesTo.length ? `yes to question${yesTo.length > 1 ? 's' : ''} ${listOf(yesTo)}${when}` : 'no to every question asked';
	const risk: RiskFinding[] =
		riskLevel === 'moderate' || riskLevel === 'high'
			? [{ kind: 'cssrs-risk', level: riskLevel, summary: `C-SSRS screener: ${label} (${detail}).` }]
			: [];
	return {
		total: null,
		band: { label, severity: SEVERITY[riskLevel] },
		subscales: [],
		findings: [`${label}: ${detail}.`],
		risk,
		riskLevel
	};
}

export const CSSRS_SCREENER: Instrument = {
	id: 'cssrs-screener',
	name: 'C-SSRS screener',
	fullName: 'Columbia-Suicide Severity Rating Scale, Screen Version – Recent',
	instructions:
		'Ask questions that are bolded and underlined. Ask Questions 1 and 2. If YES to 2, ask questions 3, 4, 5, and 6. If NO to 2, go directly to question 6.',
	items: ITEMS,
	visibleItems,
	score,
	range: null,
	bands: [],
	needsContext: [],
	licence: 'Free for use in clinical practice; attribute the Research Foundation for Mental Hygiene.',
	attribution:
		'Columbia-Suicide Severity Rating Scale (C-SSRS), Posner, K.; Brent, D.; Lucas, C.; Gould, M.; Stanley, B.; Brown, G.; Fisher, P.; Zelazny, J.; Burke, A.; Oquendo, M.; Mann, J. © 2008 The Research Foundation for Mental Hygiene, Inc.',
	// Questions 1-5 cover the past month; question 6 asks about ever, then the past 3 months.
	timeframe: 'Past month',
	administration: 'interview'
};
