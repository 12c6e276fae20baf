/**
 * AUDIT-C: questions 1-3 of the WHO AUDIT, word for word with the AUDIT's own answers and values
 * (Babor et al., WHO 2001, Box 4), as described by Bush K, Kivlahan DR, McDonell MB, Fihn SD,
 * Bradley KA, "The AUDIT alcohol consumption questions (AUDIT-C)", Arch Intern Med
 * 1998;158:1789-1795. The sex-specific cut-offs (4 or more for men, 3 or more for women) are
 * those of tests/fixtures/reference/clinical.md.
 */
import { AppError } from '../core/app-error';
import type { Answers, Band, Instrument, ScoreResult, ScoringContext } from './types';
import { AUDIT_CONSUMPTION_ITEMS, AUDIT_INSTRUCTIONS, WHO_AUDIT_SOURCE } from './audit';
import { checkAnswers, sumOf } from './scoring';

const ITEMS = AUDIT_CONSUMPTION_ITEMS;

export const AUDIT_C_CUT_OFF = { male: 4, female: 3 } as const;

// One chart serves every client, so its bands mark both cut-offs: 3 is positive for women only,
// 4 and above for everyone. The result's own band uses the client's cut-off.
const BANDS: readonly Band[] = [
	{ min: 0, max: 2, label: 'Negative for all', severity: 0 },
	{ min: 3, max: 3, label: 'Positive for women', severity: 1 },
	{ min: 4, max: 12, label: 'Positive for all', severity: 2 }
];

function score(answers: Answers, context?: ScoringContext): ScoreResult {
	const sex = context?.sex;
	if (sex !== 'male' && sex !== 'female') throw new AppError('assessment/context-missing', { context: 'sex' });
	checkAnswers(ITEMS, answers);
	const total = sumOf(ITEMS, answers);
	const cutOff = AUDIT_C_CUT_OFF[sex];
	const positive = total >= cutOff;
	const who = sex === 'female' ? 'women' : 'men';
	const finding = positive
		? `Positive screen (${who}: ${cutOff} or more).`
		: `Negative screen (${who}: positive at ${cutOff} or more).`;
	return {
		total,
		band: positive ? { label: 'Positive screen', severity: 1 } : { label: 'Negative screen', severity: 0 },
		subscales: [],
		findings: [finding],
		risk: [],
		riskLevel: 'none'
	};
}

export const AUDIT_C: Instrument = {
	id: 'audit-c',
	name: 'AUDIT-C',
	fullName: 'Alcohol Use Disorders Identification Test – Consumption',
	instructions: AUDIT_INSTRUCTIONS,
	items: ITEMS,
	visibleItems: () => ITEMS,
	score,
	range: { min: 0, max: 12 },
	bands: BANDS,
	needsContext: ['sex'],
	licence: 'Public domain; the questions are those of the WHO AUDIT, free to reproduce with attribution.',
	attribution: `Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. The AUDIT alcohol consumption questions (AUDIT-C). Arch Intern Med. 1998;158:1789-1795. Questions from: ${WHO_AUDIT_SOURCE}`,
	timeframe: 'During this past year',
	administration: 'interview'
};
