import type { RiskFlag } from '../instruments/assessment';
import type { Discharge } from '../compliance/retention';

/**
 * The first clinical records. Every field here is PHI and is stored only inside an
 * encrypted envelope; the ids are random and carry no meaning.
 */

export interface Diagnosis {
	code: string;
	description: string;
}

export interface Client {
	id: string;
	name: string;
	preferredName: string;
	pronouns: string;
	/** ISO date (YYYY-MM-DD) or empty. */
	dateOfBirth: string;
	phone: string;
	email: string;
	address: string;
	diagnoses: Diagnosis[];
	/** Substance use disorder records protected by 42 CFR Part 2. */
	part2: boolean;
	aiConsent: { given: boolean; date: string };
	/** Consent to recording sessions (audio or transcript); absent on older records. */
	recordingConsent?: { given: boolean; date: string };
	/** Raised by instrument answers that need a same-day risk assessment; absent on older records. */
	riskFlags?: RiskFlag[];
	/** Set when the client was discharged: the record is then read-only and kept for the retention period. */
	discharge?: Discharge;
}

export const SERVICE_TYPES = [
	'Individual psychotherapy',
	'Intake / diagnostic evaluation',
	'Family therapy',
	'Group therapy',
	'Crisis session',
	'Case management',
	'Other'
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export interface Session {
	id: string;
	clientId: string;
	/** ISO date (YYYY-MM-DD). */
	date: string;
	/** 24-hour HH:MM, or empty. */
	startTime: string;
	endTime: string;
	serviceType: ServiceType;
	participants: string;
	/** The session content: the clinician's notes, a transcript or a dictation. */
	content: string;
}

export function newClient(id: string): Client {
	return {
		id,
		name: '',
		preferredName: '',
		pronouns: '',
		dateOfBirth: '',
		phone: '',
		email: '',
		address: '',
		diagnoses: [],
		part2: false,
		aiConsent: { given: false, date: '' },
		recordingConsent: { given: false, date: '' },
		riskFlags: []
	};
}

export function newSession(id: string, clientId: string, today: string): Session {
	return {
		id,
		clientId,
		date: today,
		startTime: '',
		endTime: '',
		serviceType: 'Individual psychotherapy',
		participants: 'Client',
		content: ''
	};
}

/** The name a clinician sees in lists: preferred name first when there is one. */
export function displayName(client: Pick<Client, 'name' | 'preferredName'>): string {
	const name = client.name.trim() || 'Unnamed client';
	const preferred = client.preferredName.trim();
	return preferred && preferred !== name ? `${name} (${preferred})` : name;
}

/** Minutes between two HH:MM times on the same day, or null when either is missing or reversed. */
export function durationMinutes(start: string, end: string): number | null {
	const parse = (t: string) => {
		const m = /^(\d{2}):(\d{2})$/.exec(t);
		return m ? Number(m[1]) * 60 + Number(m[2]) : null;
	};
	const a = parse(start);
	const b = parse(end);
	if (a === null || b === null || b < a) return null;
	return b - a;
}

export type FieldErrors = Partial<Record<string, string>>;

export function validateClient(client: Client): FieldErrors {
	const errors: FieldErrors = {};
	if (!client.name.trim()) errors.name = 'Enter the client’s name.';
	if (client.dateOfBirth && !isIsoDate(client.dateOfBirth)) errors.dateOfBirth = 'Use a full date.';
	if (client.aiConsent.given && !isIsoDate(client.aiConsent.date)) {
		errors.aiConsent = 'Enter the date the client consented.';
	}
	if (client.recordingConsent?.given && !isIsoDate(client.recordingConsent.date)) {
		errors.recordingConsent = 'Enter the date the client consented to recording.';
	}
	return errors;
}

export function validateSession(session: Session): FieldErrors {
	const errors: FieldErrors = {};
	if (!isIsoDate(session.date)) errors.date = 'Enter the session date.';
	if (session.startTime && session.endTime && durationMinutes(session.startTime, session.endTime) === null) {
		errors.endTime = 'The end time is before the start time.';
	}
	return errors;
}

export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}
