/**
 * The crisis protocol a clinician works through when risk is flagged. Each step is
 * time-stamped into the record (and the audit trail, without PHI). Tacit never contacts anyone:
 * the clinician does, and records that they did.
 */
export const CRISIS_STEPS = [
	'cssrs',
	'risk-formulation',
	'safety-plan',
	'lethal-means',
	'consultation',
	'emergency-services',
	'follow-up'
] as const;
export type CrisisStepId = (typeof CRISIS_STEPS)[number];

export interface CrisisStepRecord {
	/** ISO timestamp when the clinician marked it done, or null. */
	doneAt: string | null;
	/** What was done or decided, in the clinician's words (e.g. "Emergency services not needed: ..."). */
	note: string;
}

export interface CrisisProtocol {
	id: string;
	clientId: string;
	sessionId: string | null;
	openedAt: string;
	/** What opened it: a risk flag from an instrument, or risk language in session content. */
	trigger: { source: 'session-content' | 'phq9-item9' | 'cssrs'; flagId: string | null; summary: string };
	steps: Record<CrisisStepId, CrisisStepRecord>;
	/** The risk assessment note drafted from what was recorded, then edited by the clinician. */
	riskNote: string;
	status: 'open' | 'completed';
	completedAt: string | null;
}
