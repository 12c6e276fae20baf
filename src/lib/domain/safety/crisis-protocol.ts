import { AppError } from '../core/app-error';
import type { RiskFlag } from '../instruments/assessment';
import { detectRiskLanguage, RISK_TOPIC_LABELS, summarizeRisk } from './risk-language';

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

export type CrisisTrigger = CrisisProtocol['trigger'];

/** Plain clinical labels, in the order the clinician works through them. */
export const CRISIS_STEP_LABELS: Readonly<Record<CrisisStepId, string>> = {
	cssrs: 'C-SSRS screener completed',
	'risk-formulation': 'Risk formulation documented',
	'safety-plan': 'Safety plan created or reviewed',
	'lethal-means': 'Lethal-means counselling done',
	consultation: 'Consultation or supervisor informed',
	'emergency-services': 'Emergency services contacted, if needed',
	'follow-up': 'Follow-up scheduled'
};

export const TRIGGER_LABELS: Readonly<Record<CrisisTrigger['source'], string>> = {
	'phq9-item9': 'PHQ-9 item 9 answered above 0',
	cssrs: 'C-SSRS screener risk finding',
	'session-content': 'Risk language in session content'
};

export function newCrisisProtocol(
	id: string,
	clientId: string,
	sessionId: string | null,
	trigger: CrisisTrigger,
	now: Date = new Date()
): CrisisProtocol {
	const steps = Object.fromEntries(CRISIS_STEPS.map((s) => [s, { doneAt: null, note: '' }])) as Record<CrisisStepId, CrisisStepRecord>;
	return { id, clientId, sessionId, openedAt: now.toISOString(), trigger, steps, riskNote: '', status: 'open', completedAt: null };
}

/** What an instrument's risk flag opens: the finding's own words, and the flag to mark reviewed on completion. */
export function triggerFromFlag(flag: RiskFlag): CrisisTrigger {
	const source = flag.finding.kind === 'phq9-item9' ? 'phq9-item9' : 'cssrs';
	return { source, flagId: flag.id, summary: flag.finding.summary };
}

/** What the risk-language banner opens: the topics named, never the sentences (those stay in the session). */
export function triggerFromSessionContent(content: string): CrisisTrigger {
	const topics = summarizeRisk(detectRiskLanguage(content)).topicsEndorsed.map((t) => RISK_TOPIC_LABELS[t]);
	const summary = topics.length
		? `The session content mentions ${topics.join(', ')}.`
		: 'Opened from the session content; no risk language is detected in it now.';
	return { source: 'session-content', flagId: null, summary };
}

/**
 * The protocol already started for this trigger, so opening twice never makes a duplicate: the
 * same flag, or (for session content) the same session. An open one wins over a completed one.
 */
export function existingProtocol(protocols: readonly CrisisProtocol[], trigger: CrisisTrigger, sessionId: string | null): CrisisProtocol | null {
	const same = protocols.filter((p) =>
		trigger.flagId
			? p.trigger.flagId === trigger.flagId
			: p.trigger.source === trigger.source && p.trigger.flagId === null && p.sessionId === sessionId
	);
	const newestFirst = [...same].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
	return newestFirst.find((p) => p.status === 'open') ?? newestFirst[0] ?? null;
}

/** "2026-03-02 14:05" in the device's time zone: what a clinician reads in the record. */
export function formatStamp(iso: string): string {
	const d = new Date(iso);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const EDIT_MARK = /\n?\(Edited \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)\s*$/;
const withoutEditMark = (note: string) => note.replace(EDIT_MARK, '').trim();

/** The two answers the emergency-services step accepts, written at the start of its note. */
export const EMERGENCY_OUTCOMES = {
	contacted: 'Emergency services contacted',
	'not-needed': 'Emergency services not needed'
} as const;
export type EmergencyOutcome = keyof typeof EMERGENCY_OUTCOMES;

const OUTCOME_PATTERNS: readonly [EmergencyOutcome, RegExp][] = [
	['not-needed', /^(?:emergency services\s+)?not needed\b[\s:.,;-]*/i],
	['contacted', /^(?:emergency services\s+)?contacted\b[\s:.,;-]*/i]
];

/** Which answer the note gives, and what follows it (the reason, or what was done). */
export function emergencyOutcome(note: string): { outcome: EmergencyOutcome | null; rest: string } {
	const text = withoutEditMark(note);
	for (const [outcome, re] of OUTCOME_PATTERNS) {
		const m = re.exec(text);
		if (m) return { outcome, rest: text.slice(m[0].length).trim() };
	}
	return { outcome: null, rest: text };
}

/** The note with its answer set (or changed), keeping what the clinician wrote after it. */
export function withEmergencyOutcome(note: string, outcome: EmergencyOutcome): string {
	return `${EMERGENCY_OUTCOMES[outcome]}: ${emergencyOutcome(note).rest}`;
}

/** Why the emergency-services note does not yet count: no answer, or "not needed" without a reason. */
function emergencyProblem(note: string): 'outcome' | 'reason' | null {
	const { outcome, rest } = emergencyOutcome(note);
	if (!outcome) return 'outcome';
	return outcome === 'not-needed' && !rest ? 'reason' : null;
}

function assertOpen(protocol: CrisisProtocol): void {
	if (protocol.status === 'completed') throw new AppError('crisis/completed', { id: protocol.id });
}

/**
 * Marks a step done now, with its note. Marking again keeps the first time (the record shows
 * when it was done) and, when the note changed, says when it was edited.
 */
export function markStep(protocol: CrisisProtocol, step: CrisisStepId, note: string, now: Date = new Date()): CrisisProtocol {
	assertOpen(protocol);
	let text = withoutEditMark(note);
	if (step === 'emergency-services') {
		const problem = emergencyProblem(text);
		if (problem) throw new AppError('record/invalid', { step, missing: problem });
		// The record reads the same however the answer was typed ("Not needed: ...").
		const { outcome, rest } = emergencyOutcome(text);
		text = rest ? `${EMERGENCY_OUTCOMES[outcome!]}: ${rest}` : `${EMERGENCY_OUTCOMES[outcome!]}.`;
	}
	const current = protocol.steps[step];
	let next: CrisisStepRecord;
	if (!current.doneAt) next = { doneAt: now.toISOString(), note: text };
	else if (text === withoutEditMark(current.note)) return protocol;
	else next = { doneAt: current.doneAt, note: `${text}\n(Edited ${formatStamp(now.toISOString())})` };
	return { ...protocol, steps: { ...protocol.steps, [step]: next } };
}

/** Takes back a mark made by mistake; the note stays. Only while the protocol is open. */
export function unmarkStep(protocol: CrisisProtocol, step: CrisisStepId): CrisisProtocol {
	assertOpen(protocol);
	if (!protocol.steps[step].doneAt) return protocol;
	return { ...protocol, steps: { ...protocol.steps, [step]: { ...protocol.steps[step], doneAt: null } } };
}

/** The note of a step being written (not yet marked, or being edited): stored as a draft. */
export function editStepNote(protocol: CrisisProtocol, step: CrisisStepId, note: string): CrisisProtocol {
	assertOpen(protocol);
	return { ...protocol, steps: { ...protocol.steps, [step]: { ...protocol.steps[step], note } } };
}

export function editRiskNote(protocol: CrisisProtocol, riskNote: string): CrisisProtocol {
	assertOpen(protocol);
	return { ...protocol, riskNote };
}

/** The steps not done yet, in order. The emergency-services step counts only with its answer (and a reason for "not needed"). */
export function protocolGaps(protocol: CrisisProtocol): CrisisStepId[] {
	return CRISIS_STEPS.filter((step) => {
		const record = protocol.steps[step];
		if (!record.doneAt) return true;
		return step === 'emergency-services' && emergencyProblem(record.note) !== null;
	});
}

export function completeProtocol(protocol: CrisisProtocol, now: Date = new Date()): CrisisProtocol {
	assertOpen(protocol);
	const missing = protocolGaps(protocol);
	if (missing.length) throw new AppError('record/invalid', { missing: missing.join(','), count: missing.length });
	return { ...protocol, status: 'completed', completedAt: now.toISOString() };
}

/** Repository guard: a completed protocol is part of the record and is never rewritten. */
export function assertProtocolChangeAllowed(before: CrisisProtocol | null, _after: CrisisProtocol): void {
	if (before?.status === 'completed') throw new AppError('crisis/completed', { id: before.id });
}
