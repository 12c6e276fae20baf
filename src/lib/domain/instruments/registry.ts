import { AppError } from '../core/app-error';
import { AUDIT } from './audit';
import { AUDIT_C } from './audit-c';
import { CSSRS_SCREENER } from './cssrs-screener';
import { GAD7 } from './gad7';
import { PCL5 } from './pcl5';
import { PHQ9 } from './phq9';
import type { Answers, Instrument, ScoreResult, ScoringContext } from './types';

/** Every instrument the app administers, in the order they are offered. */
export const INSTRUMENTS: readonly Instrument[] = [PHQ9, GAD7, PCL5, AUDIT_C, AUDIT, CSSRS_SCREENER];

const BY_ID = new Map<string, Instrument>(INSTRUMENTS.map((i) => [i.id, i]));

/** The instrument with this id; an id from an old or foreign record that is not known throws. */
export function instrument(id: string): Instrument {
	const found = BY_ID.get(id);
	if (!found) throw new AppError('assessment/unknown-instrument', { id: id.slice(0, 40) });
	return found;
}

/** Scores an answer set for the instrument with this id (see `Instrument.score`). */
export function scoreAssessment(id: string, answers: Answers, context?: ScoringContext): ScoreResult {
	return instrument(id).score(answers, context);
}
