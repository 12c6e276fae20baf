import type { Answers, InstrumentId, RiskFinding, ScoreResult, ScoringContext } from './types';

/**
 * One administration of an instrument. The answers are the record; the result is stored as
 * computed at the time (and can be recomputed from the answers to check it).
 */
export interface Assessment {
	id: string;
	clientId: string;
	/** The session it was given in, when there was one. */
	sessionId: string | null;
	instrumentId: InstrumentId;
	answers: Answers;
	context: ScoringContext;
	/** ISO timestamp of completion. */
	administeredAt: string;
	administeredBy: 'clinician' | 'client';
	result: ScoreResult;
	/**
	 * The clinician-reviewed interpretation of the trend up to this administration (drafted
	 * around the computed numbers, never changing them); absent until one is written.
	 */
	interpretation?: { text: string; draftedWith: string; updatedAt: string };
}

/**
 * A risk flag on a client (and the session it arose in): raised by a finding, shown until a
 * clinician marks it reviewed. Never contacts anyone.
 */
export interface RiskFlag {
	id: string;
	raisedAt: string;
	assessmentId: string;
	sessionId: string | null;
	instrumentId: InstrumentId;
	finding: RiskFinding;
	reviewedAt: string | null;
}
