import { sha256 } from '@noble/hashes/sha2';
import { AppError } from '../core/app-error';
import { toHex, utf8 } from '../core/encoding';
import { isIsoDate } from '../core/records';
import { addDays } from '../plans/treatment-plan';

/**
 * A safety plan, built with the client, following the six steps of the Safety Planning
 * Intervention (Stanley and Brown) in Tacit's own words, plus reasons for living. Signed
 * versions never change; a review is a new version. Every field is PHI (encrypted at rest).
 */
export interface Contact {
	name: string;
	/** Phone or other way to reach them, as the client gives it. */
	contact: string;
}

export interface SafetyPlanSteps {
	/** Step 1: thoughts, images, moods, situations or behaviours that a crisis may be coming. */
	warningSigns: string[];
	/** Step 2: things the client can do alone to take their mind off problems. */
	copingStrategies: string[];
	/** Step 3: people and social places that help as a distraction. */
	distractionPeople: Contact[];
	distractionPlaces: string[];
	/** Step 4: people the client can ask for help. */
	helpers: Contact[];
	/** Step 5: professionals and agencies (the clinician, local emergency services); 988 is always added. */
	professionals: Contact[];
	/** Step 6: making the environment safe (lethal means). */
	meansSafety: string[];
	/** The client's reasons for living. */
	reasonsForLiving: string[];
}

export interface SafetyPlan {
	id: string;
	clientId: string;
	/** The session it was built in, when there was one. */
	sessionId: string | null;
	/** The id of version 1; every version shares it. */
	seriesId: string;
	version: number;
	previousVersionId: string | null;
	status: 'draft' | 'signed';
	steps: SafetyPlanSteps;
	/** ISO date of the next review, set by the clinician. */
	reviewDate: string;
	draftedWith: string;
	signedBy: string | null;
	signedAt: string | null;
	contentHash: string | null;
}

/** The screens of the builder, in the Safety Planning Intervention's order; ids travel in error details. */
export const SAFETY_PLAN_STEPS = [
	'warning-signs',
	'coping',
	'distractions',
	'helpers',
	'professionals',
	'means-safety',
	'reasons-for-living'
] as const;
export type SafetyPlanStepId = (typeof SAFETY_PLAN_STEPS)[number];

/** Headings in the client's words: the builder, the view and the handout all use these. */
export const STEP_HEADINGS: Readonly<Record<SafetyPlanStepId, string>> = {
	'warning-signs': 'Warning signs that a crisis may be starting',
	coping: 'Things I can do on my own to feel better',
	distractions: 'People and places that take my mind off things',
	helpers: 'People I can ask for help',
	professionals: 'Professionals I can call',
	'means-safety': 'Making my surroundings safer',
	'reasons-for-living': 'My reasons for living'
};

/** Always on step 5 and on every copy; it is not stored in the plan, so it can never be removed. */
export const CRISIS_LINE: Readonly<Contact> = { name: '988 Suicide and Crisis Lifeline', contact: 'Call or text 988' };
/** US default. A practice elsewhere changes this one constant. */
export const EMERGENCY_NUMBER = '911';
export const EMERGENCY_SERVICES: Readonly<Contact> = { name: 'Emergency services', contact: `call ${EMERGENCY_NUMBER}` };
export const FIXED_PROFESSIONALS: readonly Readonly<Contact>[] = [CRISIS_LINE, EMERGENCY_SERVICES];

/** Step 6 done on purpose: nothing to remove or lock away, said in plain words. */
export const NOTHING_TO_REMOVE = 'We talked about it: there is nothing I need to remove or lock away.';

export const SAFETY_PLAN_REVIEW_DAYS = 30;

export function emptySteps(): SafetyPlanSteps {
	return {
		warningSigns: [],
		copingStrategies: [],
		distractionPeople: [],
		distractionPlaces: [],
		helpers: [],
		professionals: [],
		meansSafety: [],
		reasonsForLiving: []
	};
}

/** A new draft with the clinician already on step 5 (their contact to be filled in if not known). */
export function newSafetyPlan(
	id: string,
	clientId: string,
	sessionId: string | null,
	today: string,
	clinician: string,
	clinicianContact = ''
): SafetyPlan {
	const steps = emptySteps();
	if (clinician.trim()) steps.professionals.push({ name: clinician.trim(), contact: clinicianContact.trim() });
	return {
		id,
		clientId,
		sessionId,
		seriesId: id,
		version: 1,
		previousVersionId: null,
		status: 'draft',
		steps,
		reviewDate: addDays(today, SAFETY_PLAN_REVIEW_DAYS),
		draftedWith: 'manual',
		signedBy: null,
		signedAt: null,
		contentHash: null
	};
}

export interface SafetyPlanGap {
	step: SafetyPlanStepId | 'review-date';
	/** True blocks signing; false is a prompt the clinician may pass over. */
	blocking: boolean;
	message: string;
}

const filled = (items: readonly string[]) => items.some((s) => s.trim());
const named = (people: readonly Contact[]) => people.some((p) => p.name.trim());
const reachable = (people: readonly Contact[]) => people.some((p) => p.name.trim() && p.contact.trim());

/**
 * What the plan still needs before it is signed. Steps 1-4 and 6 are the core of the
 * intervention, so each needs at least one entry (step 3: a person or a place; step 6: a step
 * taken, or NOTHING_TO_REMOVE after talking it through). Helpers and professionals need a way
 * to reach them: in a crisis the number must be on the page. 988 and emergency services are
 * always shown, but the plan must also name someone who knows the client: the clinician.
 * Reasons for living help but are not part of the six steps, so they only prompt.
 */
export function safetyPlanGaps(plan: Pick<SafetyPlan, 'steps' | 'reviewDate'>, today?: string): SafetyPlanGap[] {
	const s = plan.steps;
	const gaps: SafetyPlanGap[] = [];
	const need = (ok: boolean, step: SafetyPlanStepId, message: string, blocking = true) => {
		if (!ok) gaps.push({ step, blocking, message });
	};
	need(filled(s.warningSigns), 'warning-signs', 'Add at least one warning sign.');
	need(filled(s.copingStrategies), 'coping', 'Add at least one thing to do on your own to feel better.');
	need(named(s.distractionPeople) || filled(s.distractionPlaces), 'distractions', 'Add at least one person or place that takes your mind off things.');
	need(reachable(s.helpers), 'helpers', 'Add at least one person to ask for help, with a phone number or a way to reach them.');
	need(reachable(s.professionals), 'professionals', 'Add the clinician’s name and phone number to the professionals.');
	need(filled(s.meansSafety), 'means-safety', 'Add at least one way to make your surroundings safer, or note that there is nothing to remove.');
	need(filled(s.reasonsForLiving), 'reasons-for-living', 'Adding at least one reason for living is encouraged.', false);
	if (!isIsoDate(plan.reviewDate)) gaps.push({ step: 'review-date', blocking: true, message: 'Set the date to review the plan.' });
	else if (today && plan.reviewDate < today) gaps.push({ step: 'review-date', blocking: true, message: 'The review date has passed; choose a later date.' });
	return gaps;
}

export const blockingGaps = (plan: Pick<SafetyPlan, 'steps' | 'reviewDate'>, today?: string) =>
	safetyPlanGaps(plan, today).filter((g) => g.blocking);

const contactLine = (c: Contact) => (c.contact.trim() ? `${c.name.trim()}: ${c.contact.trim()}` : c.name.trim());
const texts = (items: readonly string[]) => items.map((t) => t.trim()).filter(Boolean);
const contacts = (people: readonly Contact[]) => people.filter((p) => p.name.trim()).map(contactLine);

/** Each step with its plain heading and lines; step 5 always ends with 988 and emergency services. */
export function safetyPlanSections(steps: SafetyPlanSteps): { step: SafetyPlanStepId; heading: string; items: string[] }[] {
	const items: Record<SafetyPlanStepId, string[]> = {
		'warning-signs': texts(steps.warningSigns),
		coping: texts(steps.copingStrategies),
		distractions: [...contacts(steps.distractionPeople), ...texts(steps.distractionPlaces)],
		helpers: contacts(steps.helpers),
		professionals: [...contacts(steps.professionals), ...FIXED_PROFESSIONALS.map(contactLine)],
		'means-safety': texts(steps.meansSafety),
		'reasons-for-living': texts(steps.reasonsForLiving)
	};
	return SAFETY_PLAN_STEPS.map((step) => ({ step, heading: STEP_HEADINGS[step], items: items[step] }));
}

/** The exact text whose hash is signed. The fixed 988 and 911 lines are constants, not plan content. */
export function signedSafetyPlanContent(plan: Pick<SafetyPlan, 'steps' | 'reviewDate'>): string {
	const s = plan.steps;
	const list = (label: string, items: readonly string[]) => [`${label}:`, ...items.map((i) => `- ${i}`)];
	const people = (label: string, items: readonly Contact[]) => list(label, items.map((c) => `${c.name} | ${c.contact}`));
	return [
		`Review date: ${plan.reviewDate}`,
		...list('Warning signs', s.warningSigns),
		...list('Coping strategies', s.copingStrategies),
		...people('Distraction people', s.distractionPeople),
		...list('Distraction places', s.distractionPlaces),
		...people('Helpers', s.helpers),
		...people('Professionals', s.professionals),
		...list('Means safety', s.meansSafety),
		...list('Reasons for living', s.reasonsForLiving)
	].join('\n');
}

export function safetyPlanContentHash(plan: Pick<SafetyPlan, 'steps' | 'reviewDate'>): string {
	return toHex(sha256(utf8(signedSafetyPlanContent(plan))));
}

/** Signs a complete draft. Details name the missing steps by id only (never the client's words). */
export function signSafetyPlan(plan: SafetyPlan, signer: string, now: Date = new Date()): SafetyPlan {
	if (plan.status === 'signed') throw new AppError('safety-plan/signed', { id: plan.id });
	const missing = blockingGaps(plan).map((g) => g.step);
	if (missing.length) throw new AppError('safety-plan/incomplete', { id: plan.id, missing: missing.join(','), count: missing.length });
	return { ...plan, status: 'signed', signedBy: signer, signedAt: now.toISOString(), contentHash: safetyPlanContentHash(plan) };
}

/** True when a stored signed plan still has exactly the content that was signed. */
export function safetyPlanSignatureHolds(plan: SafetyPlan): boolean {
	return plan.status === 'signed' && plan.contentHash === safetyPlanContentHash(plan);
}

/** JSON with sorted keys, so a record read back in another key order still compares equal. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v
	);
}

/**
 * The rule storage enforces on every write: a signed version is never rewritten, by any code
 * path or tab. A change to a signed safety plan is a new version.
 */
export function assertSafetyPlanChangeAllowed(before: SafetyPlan | null, after: SafetyPlan): void {
	if (!before || before.status !== 'signed') return;
	if (canonical(before) !== canonical(after)) throw new AppError('safety-plan/signed', { id: after.id });
}

/** Field-by-field copies (not structuredClone, which refuses Svelte's state proxies). */
export function copySteps(s: SafetyPlanSteps): SafetyPlanSteps {
	const people = (list: readonly Contact[]) => list.map((c) => ({ name: c.name, contact: c.contact }));
	return {
		warningSigns: [...s.warningSigns],
		copingStrategies: [...s.copingStrategies],
		distractionPeople: people(s.distractionPeople),
		distractionPlaces: [...s.distractionPlaces],
		helpers: people(s.helpers),
		professionals: people(s.professionals),
		meansSafety: [...s.meansSafety],
		reasonsForLiving: [...s.reasonsForLiving]
	};
}

/** The draft of the review: same series and the client's words kept, review due in 30 days. */
export function nextSafetyPlanVersion(
	plan: SafetyPlan,
	latestVersionInSeries: number,
	newId: string,
	today: string,
	sessionId: string | null = plan.sessionId
): SafetyPlan {
	if (plan.status !== 'signed') throw new AppError('plan/not-signed', { id: plan.id });
	if (plan.version !== latestVersionInSeries) throw new AppError('plan/not-latest', { id: plan.id, version: plan.version });
	return {
		...plan,
		id: newId,
		sessionId,
		version: plan.version + 1,
		previousVersionId: plan.id,
		status: 'draft',
		steps: copySteps(plan.steps),
		reviewDate: addDays(today, SAFETY_PLAN_REVIEW_DAYS),
		draftedWith: 'manual',
		signedBy: null,
		signedAt: null,
		contentHash: null
	};
}

/** The version to open: the highest version (a client has one series; a tie goes to the later review). */
export function newestSafetyPlan<T extends Pick<SafetyPlan, 'version' | 'reviewDate'>>(plans: readonly T[]): T | null {
	return [...plans].sort((a, b) => b.version - a.version || b.reviewDate.localeCompare(a.reviewDate))[0] ?? null;
}

/** The plan in force: the newest signed version. A draft review does not replace it until signed. */
export function activeSafetyPlan(plans: readonly SafetyPlan[]): SafetyPlan | null {
	return newestSafetyPlan(plans.filter((p) => p.status === 'signed'));
}
