/**
 * 42 CFR Part 2 consents and the disclosures made under them. Every field is PHI and lives
 * only inside an encrypted envelope. Reference: shared/reference/regulatory.md (2.31, 2.32, 2.25).
 */

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
	consentId: string;
	/** Which 2.32 statement went with it. */
	noticeStatement: 1 | 2;
}
