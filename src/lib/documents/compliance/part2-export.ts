import { AppError } from '$lib/domain/core/app-error';
import type { Part2Consent } from '$lib/domain/compliance/consent';
import type { DisclosableKind } from '$lib/domain/compliance/disclosure-gate';
import { isPart2, type Part2Settings } from '$lib/domain/compliance/part2-notice';
import type { Client } from '$lib/domain/core/records';
import type { UnlockedVault } from '$lib/vault/vault';
import { disclose, type DisclosureAttachment } from './disclose';

/** To whom and why a Part 2 record is leaving, as the clinician typed it. */
export interface DisclosureRequest {
	recipient: string;
	purpose: string;
}

export type ExportFile = { blob: Blob; fileName: string };

/**
 * Every export of a record goes through here. A record that is not Part 2 is rendered as it
 * is. A Part 2 record (the client's flag, or the whole practice a Part 2 program) leaves only
 * through the consent gate, carrying the 2.32 notice and the consent's scope, and is logged
 * for the accounting of disclosures. `render` also writes the export's own audit entry.
 */
export async function exportRecord(
	vault: UnlockedVault,
	record: {
		client: Pick<Client, 'id' | 'part2'>;
		settings: Part2Settings | null;
		recordKind: DisclosableKind;
		recordId: string;
		what: string;
		today: string;
		request?: DisclosureRequest;
	},
	render: (attachment: DisclosureAttachment | null) => Promise<ExportFile | null>
): Promise<ExportFile | null> {
	const settings = record.settings ?? {};
	if (!isPart2(record.client, settings)) return render(null);
	if (!record.request) {
		throw new AppError('disclosure/refused', { code: 'no-request', reason: 'Say who will receive the record and why.' });
	}
	let result: ExportFile | null = null;
	await disclose(vault, { ...record, ...record.request, settings }, async (attachment) => {
		result = await render(attachment);
		// A copy to the clipboard is a disclosure too; it has no file to hand back.
		return result ?? { blob: new Blob([]), fileName: '' };
	});
	return result;
}

/**
 * What the export buttons need to ask before a Part 2 record leaves: null when the record is not
 * Part 2. The client's consents suggest recipients and purposes; the gate still decides.
 */
export function disclosurePrompt(
	client: Pick<Client, 'id' | 'part2'>,
	settings: Part2Settings | null,
	consents: readonly Part2Consent[],
	what: string
): { what: string; recipients: string[]; purposes: string[]; consentsHref: string } | null {
	if (!isPart2(client, settings ?? {})) return null;
	return {
		what,
		recipients: consents.flatMap((c) => c.recipients),
		purposes: consents.flatMap((c) => c.purposes),
		consentsHref: `/clients/${client.id}#consents`
	};
}
