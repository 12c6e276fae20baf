/**
 * CPT code suggestions from the public time rules (tests/fixtures/reference/clinical.md). A code is
 * only ever a suggestion: the clinician confirms it, and the rule that produced it is shown.
 * Codes are plain claim-line codes; a unit billed twice appears twice (90840, 90840).
 */
import type { ServiceType } from '../core/records';

/** The documented reasons that justify +90785, with the wording clinical.md uses. */
export const INTERACTIVE_COMPLEXITY_REASONS = {
	'maladaptive-communication': 'maladaptive communication',
	'caregiver-interference': 'caregiver interference',
	'sentinel-event': 'sentinel event with mandated report',
	'interpreter-or-play-equipment': 'interpreter or play equipment'
} as const;
export type InteractiveComplexityReason = keyof typeof INTERACTIVE_COMPLEXITY_REASONS;

export type CptCategory = 'psychotherapy' | 'diagnostic-evaluation' | 'family' | 'group' | 'crisis' | 'none';

/** How each service type in records.ts is coded. */
export const SERVICE_CPT_CATEGORY: Readonly<Record<ServiceType, CptCategory>> = {
	'Individual psychotherapy': 'psychotherapy',
	'Intake / diagnostic evaluation': 'diagnostic-evaluation',
	'Family therapy': 'family',
	'Group therapy': 'group',
	'Crisis session': 'crisis',
	'Case management': 'none',
	Other: 'none'
};

export interface CptInput {
	serviceType: ServiceType;
	/** Psychotherapy minutes (durationMinutes), or null when the times are missing. */
	minutes: number | null;
	/** An E/M visit on the same day: add-on psychotherapy codes, or 90792 for an intake. */
	withEM?: boolean;
	/** Family therapy only: whether the client (patient) was present. */
	patientPresent?: boolean;
	interactiveComplexity?: { reason: InteractiveComplexityReason | null } | null;
}

export interface CptSuggestion {
	codes: string[];
	/** A plain sentence quoting the rule that produced the codes. */
	rule: string;
	warnings: string[];
	/** Always true: nothing is billed until the clinician confirms it. */
	confirmRequired: true;
}

export const UNDER_16_WARNING = 'Under 16 minutes is not billable as psychotherapy';
export const UNDER_26_FAMILY_WARNING = 'Under 26 minutes is not billable as family therapy (26 minutes minimum)';
export const MISSING_MINUTES_WARNING = 'Enter the start and end times: this code depends on the minutes of the session.';

/** Codes +90785 may accompany (clinical.md: 90791/90792, 90832-90838 and 90853). */
const COMPLEXITY_BASES = new Set(['90791', '90792', '90832', '90833', '90834', '90836', '90837', '90838', '90853']);

interface Base {
	codes: string[];
	rule: string;
	warnings: string[];
}

export function suggestCpt(input: CptInput): CptSuggestion {
	const base = baseCodes(input);
	const warnings = [...base.warnings];
	const codes = [...base.codes];
	let rule = base.rule;
	const complexity = input.interactiveComplexity;
	if (complexity) {
		const reason = complexity.reason;
		const label = reason && Object.hasOwn(INTERACTIVE_COMPLEXITY_REASONS, reason) ? INTERACTIVE_COMPLEXITY_REASONS[reason] : null;
		if (codes.length === 0) {
			warnings.push('+90785 interactive complexity is never billed alone; it was not added.');
		} else if (!codes.every((c) => COMPLEXITY_BASES.has(c))) {
			warnings.push(
				`+90785 interactive complexity is not billed with ${codes[0]}; it may accompany only 90791/90792, 90832-90838 and 90853, so it was not added.`
			);
		} else if (!label) {
			warnings.push(
				'+90785 interactive complexity needs a documented reason (maladaptive communication, caregiver interference, sentinel event with mandated report, interpreter or play equipment); it was not added.'
			);
		} else {
			codes.push('90785');
			rule += ` +90785 interactive complexity, documented reason: ${label}.`;
		}
	}
	return { codes, rule, warnings, confirmRequired: true };
}

function baseCodes(input: CptInput): Base {
	const category = SERVICE_CPT_CATEGORY[input.serviceType];
	const minutes = validMinutes(input.minutes);
	const withEM = input.withEM === true;
	switch (category) {
		case 'diagnostic-evaluation':
			return withEM
				? { codes: ['90792'], rule: '90792 psychiatric diagnostic evaluation with medical services; not timed.', warnings: [] }
				: { codes: ['90791'], rule: '90791 psychiatric diagnostic evaluation; not timed.', warnings: [] };
		case 'psychotherapy':
			return minutes === null ? noMinutes('Psychotherapy codes') : psychotherapy(minutes, withEM, '');
		case 'crisis':
			return minutes === null ? noMinutes('Crisis codes') : crisis(minutes, withEM);
		case 'family':
			return family(minutes, input.patientPresent, withEM);
		case 'group':
			return {
				codes: ['90853'],
				rule: '90853 group psychotherapy (per member).',
				warnings: withEM ? [emNotApplicable('group therapy')] : []
			};
		case 'none':
			return {
				codes: [],
				rule:
					input.serviceType === 'Case management'
						? 'Case management is not psychotherapy, so no psychotherapy code applies; Tacit suggests no code for it.'
						: 'No CPT code is suggested for the service type Other; choose the code yourself if one applies.',
				warnings: []
			};
	}
}

/** The time bands for 90832/90834/90837 and the E/M add-ons; `prefix` explains a crisis under 30 minutes. */
function psychotherapy(minutes: number, withEM: boolean, prefix: string): Base {
	const recorded = `(${minutes} minutes recorded)`;
	if (minutes < 16) {
		return { codes: [], rule: `${prefix}${UNDER_16_WARNING} ${recorded}.`, warnings: [UNDER_16_WARNING] };
	}
	const band = minutes < 38 ? 0 : minutes < 53 ? 1 : 2;
	const range = ['16-37 minutes', '38-52 minutes', '53 minutes or more'][band]!;
	if (withEM) {
		const code = ['90833', '90836', '90838'][band]!;
		return {
			codes: [code],
			rule: `${prefix}With an E/M visit, +${code} uses the psychotherapy band ${range} ${recorded}, psychotherapy time counted separately from E/M time.`,
			warnings: []
		};
	}
	const code = ['90832', '90834', '90837'][band]!;
	return { codes: [code], rule: `${prefix}${code}: ${range} ${recorded}.`, warnings: [] };
}

function crisis(minutes: number, withEM: boolean): Base {
	if (minutes < 30) {
		return psychotherapy(minutes, withEM, 'A crisis under 30 minutes is coded 90832 or 90833. ');
	}
	// 30-74 is the first unit; each further 30 minutes (from 75) adds one +90840.
	const extra = minutes < 75 ? 0 : Math.floor((minutes - 75) / 30) + 1;
	const codes = ['90839', ...Array<string>(extra).fill('90840')];
	const summary = extra === 0 ? '90839' : extra === 1 ? '90839 + 90840' : `90839 + 90840 x${extra}`;
	return {
		codes,
		rule: `90839 crisis psychotherapy covers the first 30-74 minutes and +90840 each additional 30 minutes (${minutes} minutes recorded: ${summary}).`,
		warnings: []
	};
}

function family(minutes: number | null, patientPresent: boolean | undefined, withEM: boolean): Base {
	const warnings = withEM ? [emNotApplicable('family therapy')] : [];
	if (patientPresent === undefined) {
		return {
			codes: [],
			rule: 'Family therapy is 90846 without the patient and 90847 with the patient.',
			warnings: [...warnings, 'Record whether the client was present: it decides between 90846 and 90847.']
		};
	}
	const code = patientPresent ? '90847' : '90846';
	const what = patientPresent ? 'with the patient' : 'without the patient';
	if (minutes === null) return { ...noMinutes('Family therapy codes'), warnings: [...warnings, MISSING_MINUTES_WARNING] };
	if (minutes < 26) {
		return {
			codes: [],
			rule: `${code} family therapy ${what} needs 26 minutes minimum (${minutes} minutes recorded).`,
			warnings: [...warnings, UNDER_26_FAMILY_WARNING]
		};
	}
	return { codes: [code], rule: `${code} family therapy ${what} (26 minutes minimum; ${minutes} minutes recorded).`, warnings };
}

function noMinutes(what: string): Base {
	return { codes: [], rule: `${what} depend on the minutes, and no duration is recorded.`, warnings: [MISSING_MINUTES_WARNING] };
}

function emNotApplicable(service: string): string {
	return `The E/M add-on codes (+90833, +90836, +90838) are for psychotherapy; none is added for ${service}.`;
}

/** A negative or non-finite duration is as good as none. */
function validMinutes(minutes: number | null): number | null {
	return minutes !== null && Number.isFinite(minutes) && minutes >= 0 ? minutes : null;
}
