import { consentGaps, consentStatus, namedItems, type ConsentKind, type ConsentStatus, type Part2Consent } from './consent';

/**
 * The gate every disclosure of a Part 2 record passes (42 CFR 2.31): a signed, unexpired,
 * unrevoked consent must name this recipient and cover this purpose, and counseling notes and
 * legal proceedings each need a consent of their own. A refusal explains itself in a sentence
 * that says what to do next, and names no client.
 */
export { consentSummary } from './consent';

export const DISCLOSABLE_KINDS = ['note', 'plan', 'assessment', 'letter', 'counseling-note', 'safety-plan', 'document'] as const;
export type DisclosableKind = (typeof DISCLOSABLE_KINDS)[number];

export type RefusalCode =
	| 'no-consent'
	| 'wrong-recipient'
	| 'wrong-purpose'
	| 'revoked'
	| 'expired'
	| 'incomplete'
	| 'needs-separate-consent';

export interface DisclosureRequest {
	recordKind: DisclosableKind;
	recipient: string;
	purpose: string;
	consents: readonly Part2Consent[];
	/** ISO date (YYYY-MM-DD). */
	today: string;
}

export type GateDecision =
	| { allowed: true; consent: Part2Consent }
	| { allowed: false; reason: string; code: RefusalCode };

/** Recipients and purposes are compared ignoring case and spacing, nothing looser: this is a legal gate. */
export function normalise(text: string): string {
	return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

const TPO_WORDS = 'treatment payment health care operations';
const TPO_PARTS = new Set(['treatment', 'payment', 'health care operations']);
const healthCare = (text: string) => normalise(text).replace(/\bhealthcare\b/g, 'health care');

/** "Treatment, payment and health care operations", "TPO" and their spellings. */
export function isTpo(purpose: string): boolean {
	const text = healthCare(purpose);
	if (text === 'tpo') return true;
	const words = text.replace(/[,;&/]/g, ' ').replace(/\band\b/g, ' ').split(' ').filter(Boolean);
	return words.join(' ') === TPO_WORDS;
}

/** One consent may cover all future treatment, payment and health care operations (2.31). */
export function purposeCovers(consented: string, requested: string): boolean {
	if (normalise(consented) === normalise(requested)) return true;
	return isTpo(consented) && (isTpo(requested) || TPO_PARTS.has(healthCare(requested)));
}

/** Court, legal, litigation, subpoena: use in legal proceedings needs its own consent. */
export function isLegalPurpose(purpose: string): boolean {
	return /\b(courts?|legal\w*|litigat\w*|subpoena\w*)\b/i.test(purpose);
}

export function checkDisclosure(request: DisclosureRequest): GateDecision {
	const recipient = oneLine(request.recipient);
	const purpose = oneLine(request.purpose);
	if (!recipient) return refuse('wrong-recipient', 'Name the recipient of this disclosure: a consent covers only the recipients it names.');
	if (!purpose) return refuse('wrong-purpose', 'State the purpose of this disclosure: a consent covers only the purposes it names.');
	let allowed: Part2Consent | null = null;
	for (const kind of requiredKinds(request)) {
		const decision = decideForKind(kind, { ...request, recipient, purpose });
		if (!decision.allowed) return decision;
		allowed ??= decision.consent;
	}
	return { allowed: true, consent: allowed! };
}

/** Counseling notes for a court need both separate consents; anything else an ordinary one. */
function requiredKinds(request: DisclosureRequest): ConsentKind[] {
	const kinds: ConsentKind[] = [];
	if (request.recordKind === 'counseling-note') kinds.push('counseling-notes');
	if (isLegalPurpose(request.purpose)) kinds.push('legal-proceedings');
	return kinds.length ? kinds : ['disclosure'];
}

interface Candidate {
	consent: Part2Consent;
	namesRecipient: boolean;
	coversPurpose: boolean;
	status: ConsentStatus;
}

function decideForKind(kind: ConsentKind, request: DisclosureRequest): GateDecision {
	const candidates: Candidate[] = request.consents
		.filter((c) => c.kind === kind)
		.map((consent) => ({
			consent,
			namesRecipient: namedItems(consent.recipients).some((r) => normalise(r) === normalise(request.recipient)),
			coversPurpose: namedItems(consent.purposes).some((p) => purposeCovers(p, request.purpose)),
			status: consentStatus(consent, request.today)
		}));
	if (!candidates.length && kind !== 'disclosure') return refuse('needs-separate-consent', SEPARATE_CONSENT[kind]);
	const usable = candidates.find((c) => c.namesRecipient && c.coversPurpose && c.status === 'valid');
	if (usable) return { allowed: true, consent: usable.consent };

	const closest = [...candidates].sort(byCloseness)[0];
	const { recipient, purpose } = request;
	if (!closest || (!closest.namesRecipient && !closest.coversPurpose)) {
		return refuse('no-consent', `No ${KIND_WORDS[kind]} on record names ${recipient} for ${purpose}. ${RECORD_ONE}`);
	}
	if (closest.namesRecipient && closest.status !== 'valid') return statusRefusal(closest, recipient);
	if (closest.namesRecipient) {
		const covered = namedItems(closest.consent.purposes).join('; ');
		return refuse(
			'wrong-purpose',
			`${consentName(closest.consent, recipient)} covers ${covered}, not ${purpose}. Choose a purpose the consent names, or record a new consent for this purpose on the client’s page.`
		);
	}
	const named = namedItems(closest.consent.recipients).join('; ');
	return refuse(
		'wrong-recipient',
		`The ${KIND_WORDS[kind]} for ${purpose} names ${named}, not ${recipient}. Check the recipient as written on the consent, or record a new consent that names ${recipient} on the client’s page.`
	);
}

/** Naming the recipient counts most, then covering the purpose; then a usable consent, then the newest. */
function byCloseness(a: Candidate, b: Candidate): number {
	const score = (c: Candidate) => (c.namesRecipient ? 2 : 0) + (c.coversPurpose ? 1 : 0);
	return (
		score(b) - score(a) ||
		Number(b.status === 'valid') - Number(a.status === 'valid') ||
		b.consent.signedOn.localeCompare(a.consent.signedOn)
	);
}

function statusRefusal({ consent, status }: Candidate, recipient: string): GateDecision {
	const name = consentName(consent, recipient);
	switch (status) {
		case 'revoked':
			return refuse('revoked', `${name} was revoked on ${consent.revokedOn}. Nothing may be disclosed under it; ${NEW_ONE}`);
		case 'expired':
			return refuse('expired', `${name} expired on ${consent.expiresOn}. ${capitalise(NEW_ONE)}`);
		case 'not-yet-signed':
			return refuse(
				'incomplete',
				`${name} is not signed yet, or its date is after today. Record the signature and the date signed on the client’s page, then disclose.`
			);
		default: {
			const missing = consentGaps(consent).map((g) => g.message).join(' ');
			return refuse('incomplete', `${name} is incomplete. ${missing} Complete it on the client’s page, then disclose.`);
		}
	}
}

/** "The consent of 2026-01-05 naming Dr. Lee" (no date when the consent has none). */
function consentName(consent: Part2Consent, recipient: string): string {
	return consent.signedOn ? `The consent of ${consent.signedOn} naming ${recipient}` : `The consent naming ${recipient}`;
}

const KIND_WORDS: Record<ConsentKind, string> = {
	disclosure: 'consent',
	'counseling-notes': 'consent for SUD counseling notes',
	'legal-proceedings': 'consent for legal proceedings'
};

const RECORD_ONE = 'Record the client’s signed consent on the client’s page, then disclose.';
const NEW_ONE = 'record a new consent on the client’s page if the client agrees, then disclose.';

const SEPARATE_CONSENT: Record<Exclude<ConsentKind, 'disclosure'>, string> = {
	'counseling-notes':
		'SUD counseling notes need a consent of their own (42 CFR 2.31), and none is on record. Record a “SUD counseling notes” consent on the client’s page before disclosing them.',
	'legal-proceedings':
		'Using records in legal proceedings (court, litigation, a subpoena) needs a consent of its own (42 CFR 2.31), and none is on record. Record a “Legal proceedings” consent on the client’s page, or seek a court order under 42 CFR 2.64 or 2.65.'
};

function refuse(code: RefusalCode, reason: string): GateDecision {
	return { allowed: false, code, reason };
}

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
