import { accountingBlocks, type AccountingDocument } from '$lib/domain/compliance/accounting';
import type { UnlockedVault } from '$lib/vault/vault';
import { blocksToPdf } from '../common/pdf-blocks';

/**
 * The accounting of disclosures (42 CFR 2.25) as a PDF for the client. It is itself client
 * information leaving the device, so it is written to the audit trail like any export.
 */
export async function accountingPdf(vault: UnlockedVault, doc: AccountingDocument): Promise<{ blob: Blob; fileName: string }> {
	await vault.audit({ action: 'record.export', recordKind: 'client', recordId: doc.client.id, detail: 'accounting-pdf' });
	const blob = await blocksToPdf(accountingBlocks(doc), {
		title: 'Accounting of disclosures',
		signed: true,
		pageLabel: `${doc.client.name.trim() || 'Unnamed client'} · accounting of disclosures`
	});
	return { blob, fileName: `accounting-of-disclosures-${doc.now.toISOString().slice(0, 10)}.pdf` };
}
