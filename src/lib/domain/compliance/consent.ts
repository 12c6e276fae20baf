/**
 * 42 CFR Part 2 consents and the disclosures made under them. Every field is PHI and lives
 * only inside an encrypted envelope. Reference: tests/fixtures/reference/regulatory.md (2.31, 2.32, 2.25).
 */
import { AppError } from '../core/app-error';
import { isIsoDate } from '../core/records';

/** SUD counseling notes and use in legal proceedings each need a consent of their own (2.31). */
export const CONSENT_KINDS = ['disclosure', 'counseling-notes', 'legal-proceedings'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export interface Part2Consent {
	id: string;
	clientId: string;
	kind: ConsentKind;
	/** The patient's name as written on the consent. */
	patientName: string;
	/** Who may make the disclosure (the program or practice). */
	discloser: string;
	/** A specific description of the information that may be disclosed. */
	information: string;
	/** Named recipients (people or organisations). */
	recipients: string[];
	/** Each purpose of the disclosure. */
	purposes: string[];
	/** The statement of the right to revoke, and how. */
	revocation: string;
	/** An expiry date (ISO) or event; at least one. */
	expiresOn: string;
	expiryEvent: string;
	/** The patient's (or authorised representative's) signature and its date (ISO). */
	signature: string;
	signedOn: string;
	/** ISO date the consent was revoked, or null. */
	revokedOn: string | null;
}

/** One disclosure of a Part 2 record, for the accounting of disclosures (2.25). */
export interface Disclosure {
	id: string;
	clientId: string;
	/** ISO timestamp. */
	at: string;
	recipient: string;
	purpose: string;
	/** What left, in words ("Progress note of 2026-11-20, PDF"). */
	what: string;
	recordKind: string;
	recordId: string;
	/** The consent relied on; empty for a record that is not Part 2 (no consent needed). */
	consentId: string;
	/** Which 2.32 statement went with it; null when none did (not a Part 2 record). */
	noticeStatement: 1 | 2 | null;
	/**
	 * Set when the client's records were deleted after retention: the log is kept (an accounting
	 * of disclosures may still be asked for), naming the person with no more than this.
	 */
	clientIdentity?: { name: string; dateOfBirth: string };
}

/** Plain-words names of the kinds, as the consent form and the summary say them. */
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
	disclosure: 'Disclosure',
	'counseling-notes': 'SUD counseling notes (separate consent)',
	'legal-proceedings': 'Legal proceedings (separate consent)'
};

export type ConsentStatus = 'valid' | 'incomplete' | 'revoked' | 'expired' | 'not-yet-signed';

export interface ConsentGap {
	field: keyof Part2Consent | 'expiry';
	message: string;
}

const filled = (text: string) => text.trim().length > 0;
export const namedItems = (items: readonly string[]): string[] => items.map((i) => i.trim()).filter(Boolean);

/** Every element 42 CFR 2.31 requires that this consent lacks, in the order of the form. */
export function consentGaps(consent: Part2Consent): ConsentGap[] {
	const gaps: ConsentGap[] = [];
	const need = (ok: boolean, field: ConsentGap['field'], message: string) => {
		if (!ok) gaps.push({ field, message });
	};
	need(filled(consent.patientName), 'patientName', 'Write the patient’s name as it appears on the consent.');
	need(filled(consent.discloser), 'discloser', 'Name who may make the disclosure (the practice or program).');
	need(filled(consent.information), 'information', 'Describe the specific information that may be disclosed.');
	need(namedItems(consent.recipients).length > 0, 'recipients', 'Name at least one recipient.');
	need(namedItems(consent.purposes).length > 0, 'purposes', 'State at least one purpose of the disclosure.');
	need(filled(consent.revocation), 'revocation', 'State the patient’s right to revoke the consent and how to do it.');
	const expiresOn = consent.expiresOn.trim();
	if (!expiresOn && !filled(consent.expiryEvent)) {
		gaps.push({ field: 'expiry', message: 'Give an expiry date or an event that ends the consent.' });
	} else if (expiresOn && !isIsoDate(expiresOn)) {
		gaps.push({ field: 'expiresOn', message: 'Enter the expiry date as a full date.' });
	}
	need(filled(consent.signature), 'signature', 'Record who signed the consent (the patient or their representative).');
	need(isIsoDate(consent.signedOn), 'signedOn', 'Enter the date the consent was signed.');
	if (isIsoDate(expiresOn) && isIsoDate(consent.signedOn) && expiresOn < consent.signedOn) {
		gaps.push({ field: 'expiresOn', message: 'The expiry date is before the date signed. Check both dates.' });
	}
	return gaps;
}

/**
 * Revoked beats everything (a revocation is final); a consent missing its signature or
 * signed after today is not yet in force; expired means the expiry date is before today.
 * An expiry event cannot be judged by code: the clinician reads it (see consentSummary).
 */
export function consentStatus(consent: Part2Consent, today: string): ConsentStatus {
	if (consent.revokedOn) return 'revoked';
	const gaps = consentGaps(consent);
	const signed = filled(consent.signature) && isIsoDate(consent.signedOn) && consent.signedOn <= today;
	if (!signed) return 'not-yet-signed';
	if (gaps.length) return 'incomplete';
	const expiresOn = consent.expiresOn.trim();
	if (expiresOn && expiresOn < today) return 'expired';
	return 'valid';
}

export interface ConsentDefaults {
	/** The client's full name, as the consent names the patient. */
	clientName: string;
	/** The practice or program that discloses. */
	practiceName: string;
}

/** The sentence 2.31 requires about revocation, naming the practice the patient tells. */
export function defaultRevocation(practiceName: string): string {
	const practice = practiceName.trim() || 'the practice';
	return (
		'You may revoke this consent at any time, in writing or orally, except to the extent that action has already ' +
		`been taken in reliance on it. To revoke, tell ${practice} in person, by phone or in writing; ` +
		'the revocation stops any further disclosure under this consent.'
	);
}

/** A consent with what the app already knows filled in, so the clinician writes only what is specific. */
export function newConsent(id: string, clientId: string, kind: ConsentKind, defaults: ConsentDefaults): Part2Consent {
	return {
		id,
		clientId,
		kind,
		patientName: defaults.clientName.trim(),
		discloser: defaults.practiceName.trim(),
		information: '',
		recipients: [],
		purposes: [],
		revocation: defaultRevocation(defaults.practiceName),
		expiresOn: '',
		expiryEvent: '',
		signature: '',
		signedOn: '',
		revokedOn: null
	};
}

/** The consent as revoked on `on` (ISO date); an earlier revocation date is kept. */
export function revokeConsent(consent: Part2Consent, on: string): Part2Consent {
	return consent.revokedOn ? consent : { ...consent, revokedOn: on };
}

/**
 * For the vault's write guard: a revoked consent is a record of what the patient said, so it is
 * never edited or un-revoked (which would silently reopen disclosures). A new consent is recorded instead.
 */
export function assertConsentChangeAllowed(before: Part2Consent | null, after: Part2Consent): void {
	if (!before?.revokedOn || canonical(before) === canonical(after)) return;
	throw new AppError('record/invalid', { table: 'consents', id: after.id, rule: 'consent-revoked' });
}

/** The same consent whatever the key order (a restored backup rewrites it unchanged). */
function canonical(consent: Part2Consent): string {
	return JSON.stringify(Object.keys(consent).sort().map((k) => [k, consent[k as keyof Part2Consent]]));
}

const SUMMARY_OPENINGS: Record<ConsentKind, string> = {
	disclosure: 'Consent to disclose records protected by 42 CFR part 2',
	'counseling-notes': 'Separate consent to disclose substance use disorder counseling notes (42 CFR part 2)',
	'legal-proceedings': 'Separate consent to use or disclose records in legal proceedings (42 CFR part 2)'
};

/**
 * "A copy of the consent or a clear explanation of its scope" (2.32): one paragraph that
 * travels with every disclosure made under this consent.
 */
export function consentSummary(consent: Part2Consent): string {
	const said = (text: string, fallback: string) => oneLine(text) || fallback;
	const list = (items: readonly string[]) => namedItems(items).map(oneLine).join('; ') || 'not stated';
	const parts = [
		`${SUMMARY_OPENINGS[consent.kind]}.`,
		`Patient: ${said(consent.patientName, 'not stated')}.`,
		`Who may disclose: ${said(consent.discloser, 'not stated')}.`,
		`Information: ${stop(said(consent.information, 'not stated'))}`,
		`Recipients: ${list(consent.recipients)}.`,
		`Purposes: ${list(consent.purposes)}.`,
		`${expiryText(consent)}`,
		consent.signedOn ? `Signed by ${said(consent.signature, 'the patient')} on ${consent.signedOn}.` : 'Not yet signed.',
		consent.revokedOn ? `Revoked on ${consent.revokedOn}.` : '',
		stop(said(consent.revocation, 'The patient may revoke this consent at any time.'))
	];
	return parts.filter(Boolean).join(' ');
}

function expiryText(consent: Part2Consent): string {
	const date = consent.expiresOn.trim();
	const event = oneLine(consent.expiryEvent);
	if (date && event) return `Expires on ${date} or when this happens, whichever comes first: ${stop(event)}`;
	if (date) return `Expires on ${date}.`;
	if (event) return `Expires when this happens: ${stop(event)}`;
	return 'Expiry: not stated.';
}

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function stop(text: string): string {
	return /[.!?)]$/.test(text) ? text : `${text}.`;
}
