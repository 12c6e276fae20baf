import type { InstrumentId } from './instruments/types';

/**
 * A treatment plan: problems linked to diagnoses, each with goals, measurable objectives and
 * interventions. A signed version never changes; an update is a new version in the same
 * series, and the diff between versions is shown to the clinician.
 */

/** "PHQ-9 below 10": met when the latest total is strictly under `below`. */
export interface InstrumentTarget {
	instrumentId: InstrumentId;
	below: number;
}

export const OBJECTIVE_STATUSES = ['Not started', 'In progress', 'Met', 'Not met', 'Discontinued'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export interface PlanObjective {
	id: string;
	text: string;
	/** ISO date or empty. */
	targetDate: string;
	instrumentTarget: InstrumentTarget | null;
	status: ObjectiveStatus;
}

export interface PlanGoal {
	id: string;
	text: string;
	objectives: PlanObjective[];
}

export interface PlanIntervention {
	id: string;
	text: string;
	/** e.g. "CBT", "Motivational interviewing". */
	modality: string;
	/** e.g. "Weekly, 53 minutes". */
	frequency: string;
}

export interface PlanProblem {
	id: string;
	text: string;
	/** ICD-10-CM codes (F01-F99) this problem is linked to. */
	diagnosisCodes: string[];
	goals: PlanGoal[];
	interventions: PlanIntervention[];
}

export interface TreatmentPlan {
	id: string;
	clientId: string;
	/** The id of version 1; every version of one plan shares it. */
	seriesId: string;
	version: number;
	previousVersionId: string | null;
	status: 'draft' | 'signed';
	/** ISO dates. */
	startDate: string;
	reviewDate: string;
	responsibleClinician: string;
	problems: PlanProblem[];
	draftedWith: string;
	signedBy: string | null;
	signedAt: string | null;
	contentHash: string | null;
}
