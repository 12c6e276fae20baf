import { AppError } from '$lib/domain/core/app-error';
import { consentSummary, revokeConsent, type Disclosure, type Part2Consent } from '$lib/domain/compliance/consent';
import { checkDisclosure, type DisclosableKind } from '$lib/domain/compliance/disclosure-gate';
import { noticeStatement, noticeText, type Part2Settings } from '$lib/domain/compliance/part2-notice';
import type { Client } from '$lib/domain/core/records';
import type { UnlockedVault } from '$lib/vault/vault';

/**
 * The pipeline every export of a Part 2 record goes through: the consent gate, then the file
 * with the 2.32 notice and the consent's scope, then the entry in the disclosure log (2.25).
 * The file is handed back only once the disclosure is logged, so nothing leaves unaccounted.
 * Whether a record is Part 2 is the caller's decision (isPart2); other records export normally.
 */
export interface DiscloseInput {
	client: Pick<Client, 'id'>;
	settings: Part2Settings;
	recordKind: DisclosableKind;
	recordId: string;
	/** What leaves, in words: "Progress note of 2026-11-20, PDF". */
	what: string;
	recipient: string;
	purpose: string;
	/** ISO date the consent is judged against. */
	today: string;
	now?: Date;
	newId?: () => string;
}

/** What the rendered file must carry besides the record. */
export interface DisclosureAttachment {
	notice: string;
	consentSummary: string;
	noticeStatement: 1 | 2;
}

export type RenderDisclosure = (attachment: DisclosureAttachment) => Promise<{ blob: Blob; fileName: string }>;

export async function disclose(
	vault: UnlockedVault,
	input: DiscloseInput,
	render: RenderDisclosure
): Promise<{ blob: Blob; fileName: string; disclosure: Disclosure }> {
	const consents = await vault.consents.where('clientId', input.client.id);
	const decision = checkDisclosure({
		recordKind: input.recordKind,
		recipient: input.recipient,
		purpose: input.purpose,
		consents,
		today: input.today
	});
	// The reason names the recipient and purpose but never the client, so it may travel in details.
	if (!decision.allowed) throw new AppError('disclosure/refused', { code: decision.code, reason: decision.reason });

	const statement = noticeStatement(input.settings);
	const file = await render({
		notice: noticeText(input.settings),
		consentSummary: consentSummary(decision.consent),
		noticeStatement: statement
	});
	const disclosure: Disclosure = {
		id: (input.newId ?? (() => crypto.randomUUID()))(),
		clientId: input.client.id,
		at: (input.now ?? new Date()).toISOString(),
		recipient: oneLine(input.recipient),
		purpose: oneLine(input.purpose),
		what: oneLine(input.what),
		recordKind: input.recordKind,
		recordId: input.recordId,
		consentId: decision.consent.id,
		noticeStatement: statement
	};
	await vault.disclosures.put(disclosure, { event: { action: 'record.disclose', detail: `consent:${decision.consent.id}` } });
	return { ...file, disclosure };
}

/** A letter about a client whose records are not Part 2: what left, to whom and why. */
export interface LogDisclosureInput {
	clientId: string;
	recordKind: DisclosableKind;
	recordId: string;
	what: string;
	recipient: string;
	purpose: string;
	now?: Date;
	newId?: () => string;
}

/**
 * Logs a disclosure that needs no Part 2 consent (a letter for a client whose records are not
 * Part 2), so the client's record still shows what left, to whom and why. No consent was relied
 * on and no 2.32 notice went with it: `consentId` is empty and `noticeStatement` null.
 */
export async function logDisclosure(vault: UnlockedVault, input: LogDisclosureInput): Promise<Disclosure> {
	const disclosure: Disclosure = {
		id: (input.newId ?? (() => crypto.randomUUID()))(),
		clientId: input.clientId,
		at: (input.now ?? new Date()).toISOString(),
		recipient: oneLine(input.recipient),
		purpose: oneLine(input.purpose),
		what: oneLine(input.what),
		recordKind: input.recordKind,
		recordId: input.recordId,
		consentId: '',
		noticeStatement: null
	};
	await vault.disclosures.put(disclosure, { event: { action: 'record.disclose', detail: 'no-consent-needed' } });
	return disclosure;
}

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** Revokes a consent and writes 'consent.revoke' to the audit trail; later disclosures under it are refused. */
export async function revokeStoredConsent(vault: UnlockedVault, consent: Part2Consent, today: string): Promise<Part2Consent> {
	if (consent.revokedOn) return consent;
	const revoked = revokeConsent(consent, today);
	await vault.consents.put(revoked, { event: { action: 'consent.revoke' } });
	return revoked;
}
