import {
	documentBlocks,
	documentFileName,
	newComplianceDocument,
	redraftDocument,
	signDocument,
	type ComplianceDocument,
	type ComplianceDocumentKind,
	type TemplateSettings
} from '$lib/domain/compliance/compliance-document';
import type { UnlockedVault } from '$lib/vault/vault';
import { blocksToPdf } from '../common/pdf-blocks';

/**
 * The practice's compliance documents in the vault. Each step is one write with its audit
 * entry: drafting (record.create), signing (document.sign with the content hash), exporting
 * (record.export, written before the file exists).
 */
export async function draftAndStore(
	vault: UnlockedVault,
	kind: ComplianceDocumentKind,
	settings: TemplateSettings,
	today: string,
	id: string = crypto.randomUUID()
): Promise<ComplianceDocument> {
	const doc = newComplianceDocument(id, kind, settings, today);
	await vault.documents.put(doc);
	return doc;
}

/** A new draft carrying a signed document's text: the signed one stays as it is. */
export async function redraftAndStore(
	vault: UnlockedVault,
	doc: ComplianceDocument,
	today: string,
	id: string = crypto.randomUUID()
): Promise<ComplianceDocument> {
	const draft = redraftDocument(doc, id, today);
	await vault.documents.put(draft);
	return draft;
}

export async function signAndStoreDocument(
	vault: UnlockedVault,
	doc: ComplianceDocument,
	signer: string,
	now: Date = new Date()
): Promise<ComplianceDocument> {
	const signed = signDocument(doc, signer, now);
	await vault.documents.put(signed, { event: { action: 'document.sign', detail: `sha256:${signed.contentHash}` } });
	return signed;
}

export async function exportDocumentPdf(
	vault: UnlockedVault,
	doc: ComplianceDocument,
	practiceName: string
): Promise<{ blob: Blob; fileName: string }> {
	await vault.audit({ action: 'record.export', recordKind: 'document', recordId: doc.id, detail: 'pdf' });
	const blob = await blocksToPdf(documentBlocks(doc, practiceName), {
		title: doc.title,
		signed: doc.status === 'signed',
		pageLabel: [practiceName.trim(), doc.title.trim()].filter(Boolean).join(' · ')
	});
	return { blob, fileName: documentFileName(doc) };
}
