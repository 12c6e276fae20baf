/**
 * Standardized instruments as data plus scoring code. Scores are computed here, never by a
 * model. Adding an instrument is adding one definition file (items, bands, licence, scoring)
 * to the registry and its scoring test.
 */

export type InstrumentId = 'phq9' | 'gad7' | 'pcl5' | 'audit-c' | 'audit' | 'cssrs-screener';

export interface ResponseOption {
	value: number;
	/** The published wording of the answer ("Not at all", "Yes"). */
	label: string;
}

export interface InstrumentItem {
	/** Stable key in an answer set, e.g. "1" … "9", "6b". */
	id: string;
	/** The number shown to the respondent, as published (may repeat for a follow-up). */
	label: string;
	/** The published wording, exactly. */
	text: string;
	/** Published examples shown under the question but not read as part of it (C-SSRS question 6). */
	hint?: string;
	options: readonly ResponseOption[];
	/** False for questions that are asked but not scored (PHQ-9's difficulty question). */
	scored: boolean;
}

/** A score range with its published name; `severity` orders bands from 0 (lowest) up. */
export interface Band {
	min: number;
	max: number;
	label: string;
	severity: number;
}

export type RiskLevel = 'none' | 'low' | 'moderate' | 'high';

/** A finding that needs the clinician today (PHQ-9 item 9, C-SSRS moderate or high risk). */
export interface RiskFinding {
	kind: 'phq9-item9' | 'cssrs-risk';
	level: RiskLevel;
	/** Plain words for the clinician, no PHI beyond the answer itself. */
	summary: string;
}

export interface Subscale {
	id: string;
	label: string;
	score: number;
	/** Items in this subscale rated at the endorsement threshold or above (PCL-5 clusters). */
	endorsed?: number;
}

export interface ScoreResult {
	/** The total score; null for instruments without one (C-SSRS screener). */
	total: number | null;
	/** The band the total falls in, or the risk level for the C-SSRS. */
	band: { label: string; severity: number };
	subscales: Subscale[];
	/** Published interpretation rules that fired, in plain words ("Positive screen (women: 3 or more)"). */
	findings: string[];
	risk: RiskFinding[];
	/** C-SSRS risk level; 'none' elsewhere. */
	riskLevel: RiskLevel;
}

/** Item id -> chosen option value. */
export type Answers = Readonly<Record<string, number>>;

/** Facts some instruments need beyond the answers (AUDIT-C's sex-specific cut-off). */
export interface ScoringContext {
	sex?: 'female' | 'male';
}

export interface Instrument {
	id: InstrumentId;
	/** Short name, e.g. "PHQ-9". */
	name: string;
	fullName: string;
	/** The published instructions shown above the questions. */
	instructions: string;
	items: readonly InstrumentItem[];
	/** Items to ask given the answers so far (C-SSRS skip logic); every item elsewhere. */
	visibleItems(answers: Answers): readonly InstrumentItem[];
	/** Throws AppError 'assessment/incomplete' (with the missing item ids) rather than guessing. */
	score(answers: Answers, context?: ScoringContext): ScoreResult;
	/** Total-score range and bands, for charts; null when the instrument has no total. */
	range: { min: number; max: number } | null;
	bands: readonly Band[];
	/** Context the scoring needs, asked before the questions. */
	needsContext: readonly (keyof ScoringContext)[];
	/** Change rules for trends: a response is a drop of at least `responseDrop` from baseline. */
	change?: { responseDrop?: number; remissionBelow?: number };
	/** LOINC code of the total score, where the issue of record names one. */
	loinc?: { code: string; display: string };
	licence: string;
	attribution: string;
	/** Lookback period in the respondent's words ("Over the last 2 weeks"). */
	timeframe: string;
	/**
	 * 'self-report': the client may answer it alone (client mode). 'interview': the published
	 * version here is read aloud by the clinician (its instructions are the interviewer's), so
	 * it is never handed to the client.
	 */
	administration: 'self-report' | 'interview';
}
