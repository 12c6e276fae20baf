import type { Disclosure, Part2Consent } from './consent';
import { formatInstant, type NoteBlock } from '../notes/note-document';
import { blocksToPlainText } from '../plans/plan-document';
import type { Client } from '../core/records';

/**
 * The accounting of disclosures (42 CFR 2.25): on the patient's request, every disclosure made
 * with consent in the past three years, from the disclosure log. Rendered as blocks, so the
 * printable report and the PDF carry the same entries.
 */

export const ACCOUNTING_YEARS = 3;
export const NO_DISCLOSURES = 'No disclosures in this period.';

/** The same instant three calendar years earlier; 29 February falls back to the 28th, never forward. */
export function accountingStart(now: Date): Date {
	const start = new Date(now.getTime());
	start.setUTCFullYear(now.getUTCFullYear() - ACCOUNTING_YEARS);
	if (start.getUTCMonth() !== now.getUTCMonth()) start.setUTCDate(0);
	return start;
}

/** The client's disclosures from three years ago (inclusive) on, newest first. */
export function accountingOfDisclosures(disclosures: readonly Disclosure[], clientId: string, now: Date): Disclosure[] {
	const from = accountingStart(now).getTime();
	return disclosures
		.filter((d) => d.clientId === clientId && (unreadable(d.at) || timeOf(d.at) >= from))
		.sort((a, b) => timeOf(b.at) - timeOf(a.at));
}

export interface AccountingDocument {
	client: Pick<Client, 'id' | 'name' | 'dateOfBirth'>;
	/** The disclosure log; entries of other clients and older than three years are left out here. */
	disclosures: readonly Disclosure[];
	/** The client's consents, for the date of the consent each disclosure relied on. */
	consents: readonly Part2Consent[];
	now: Date;
	practiceName: string;
}

export function accountingBlocks(doc: AccountingDocument): NoteBlock[] {
	const entries = accountingOfDisclosures(doc.disclosures, doc.client.id, doc.now);
	const blocks: NoteBlock[] = [{ kind: 'title', text: 'ACCOUNTING OF DISCLOSURES' }];
	const field = (label: string, value: string) => blocks.push({ kind: 'field', label, value: value.trim() || 'Not recorded' });
	if (doc.practiceName.trim()) field('Practice', doc.practiceName);
	field('Client', doc.client.name);
	field('Date of birth', doc.client.dateOfBirth);
	field('Period', `${formatInstant(accountingStart(doc.now).toISOString())} to ${formatInstant(doc.now.toISOString())}`);
	blocks.push({
		kind: 'paragraph',
		text: 'Disclosures of records protected by 42 CFR part 2 made with the client’s consent in the past three years (42 CFR 2.25), newest first.'
	});

	blocks.push({ kind: 'heading', text: 'DISCLOSURES' });
	if (!entries.length) blocks.push({ kind: 'paragraph', text: NO_DISCLOSURES });
	entries.forEach((d, i) => {
		blocks.push({ kind: 'subheading', text: `${i + 1}. ${formatInstant(d.at)}` });
		field('Recipient', d.recipient);
		field('Purpose', d.purpose);
		field('What', d.what);
		field('Consent', consentDate(d, doc.consents));
	});
	return blocks;
}

export function accountingToPlainText(doc: AccountingDocument): string {
	return blocksToPlainText(accountingBlocks(doc));
}

/** "Signed 2026-01-05"; a consent no longer on this device is named by the start of its id. */
export function consentDate(disclosure: Disclosure, consents: readonly Part2Consent[]): string {
	// A letter about a client whose records are not Part 2 is logged without a consent.
	if (!disclosure.consentId) return 'No Part 2 consent needed (not a Part 2 record)';
	const consent = consents.find((c) => c.id === disclosure.consentId);
	if (consent?.signedOn) return `Signed ${consent.signedOn}`;
	return `Not on this device (consent ${disclosure.consentId.slice(0, 8)})`;
}

/** An unreadable time is listed last rather than dropped: the accounting must not lose an entry. */
function timeOf(iso: string): number {
	const t = new Date(iso).getTime();
	return Number.isNaN(t) ? -Infinity : t;
}

const unreadable = (iso: string) => Number.isNaN(new Date(iso).getTime());
