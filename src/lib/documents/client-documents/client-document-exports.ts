import { AppError } from '$lib/domain/core/app-error';
import {
	clientDocumentBlocks,
	documentLabel,
	LETTER_PURPOSES,
	signatureHolds,
	TEMPLATE_LABELS,
	type ClientDocument,
	type DocumentContext,
	type LetterTemplate,
	type PracticeDetails
} from '$lib/domain/client-documents/client-document';
import { today as localDate } from '$lib/domain/core/dates';
import { isPart2, type Part2Settings } from '$lib/domain/compliance/part2-notice';
import type { Client } from '$lib/domain/core/records';
import type { UnlockedVault } from '$lib/vault/vault';
import { logDisclosure, type DisclosureAttachment } from '../compliance/disclose';
import { blocksToDocx } from '../notes/export-note';
import { exportRecord, type DisclosureRequest, type ExportFile } from '../compliance/part2-export';
import { blocksToPdf } from '../common/pdf-blocks';

/**
 * Exports of client-facing documents, PDF and Word. Only a signed document leaves: signing is
 * the clinician's review. Every export is written to the audit trail. A worksheet handed to the
 * client is not a disclosure to anyone else; a letter is, so it goes through `exportRecord`
 * (the Part 2 consent gate, notice and log) and, for a client whose records are not Part 2, is
 * still entered in the disclosure log with the recipient and purpose the clinician gave.
 */
export type ClientDocumentExportKind = 'pdf' | 'docx';

export interface ClientDocumentExport {
	document: ClientDocument;
	client: Pick<Client, 'id' | 'name' | 'preferredName' | 'part2'>;
	settings: (Part2Settings & { practice?: Partial<PracticeDetails> }) | null;
	/** ISO date the Part 2 consent is judged against. */
	today: string;
	/** Letters: to whom and why. For a Part 2 record the clinician must give it; otherwise the letter's recipient and kind fill in. */
	request?: DisclosureRequest;
	now?: Date;
}

const KIND_WORDS: Readonly<Record<ClientDocumentExportKind, string>> = { pdf: 'PDF', docx: 'Word (DOCX)' };

/** The day a signed document was signed (on this device's calendar); a draft goes by today. */
function documentDate(doc: ClientDocument, today: string): string {
	return doc.signedAt ? localDate(new Date(doc.signedAt)) : today;
}

/** File names carry no PHI: downloads folders and recent-file lists are not private. */
export function clientDocumentFileName(doc: ClientDocument, kind: ClientDocumentExportKind, today: string): string {
	return `${doc.kind}-${doc.template}-${documentDate(doc, today)}.${kind}`;
}

export function renderClientDocument(doc: ClientDocument, context: DocumentContext, kind: ClientDocumentExportKind): Promise<Blob> {
	const blocks = clientDocumentBlocks(doc, context);
	// The mark ("For the client" or "Letter") and the date on every page: a loose page still says what it is.
	const options = {
		title: doc.title.trim() || TEMPLATE_LABELS[doc.template],
		signed: doc.status === 'signed',
		pageLabel: `${documentLabel(doc)} · ${documentDate(doc, context.today)}`
	};
	return kind === 'pdf' ? blocksToPdf(blocks, options) : blocksToDocx(blocks, options);
}

export async function exportClientDocument(vault: UnlockedVault, input: ClientDocumentExport, kind: ClientDocumentExportKind): Promise<ExportFile> {
	const { document: doc, client, settings, today } = input;
	if (doc.status !== 'signed' || !doc.signedBy || !doc.signedAt) throw new AppError('client-document/not-signed', { id: doc.id });
	// A signed text that no longer matches its hash was changed outside Tacit: it does not leave.
	if (!signatureHolds(doc)) throw new AppError('record/invalid', { field: 'contentHash', id: doc.id });

	const context: DocumentContext = { client, practice: settings?.practice, today };
	const render = async (attachment: DisclosureAttachment | null): Promise<ExportFile> => {
		await vault.audit({ action: 'record.export', recordKind: 'client-document', recordId: doc.id, detail: kind });
		const part2 = attachment ? { notice: attachment.notice, consentSummary: attachment.consentSummary } : null;
		return { blob: await renderClientDocument(doc, { ...context, part2 }, kind), fileName: clientDocumentFileName(doc, kind, today) };
	};
	if (doc.kind === 'worksheet') return render(null);

	const what = `${TEMPLATE_LABELS[doc.template]} of ${documentDate(doc, today)}, ${KIND_WORDS[kind]}`;
	const record = { client, settings, recordKind: 'letter' as const, recordId: doc.id, what, today, request: input.request };
	const file = await exportRecord(vault, record, render);
	if (!file) throw new AppError('app/unexpected', { reason: 'no-file' });
	if (!isPart2(client, settings ?? {})) {
		await logDisclosure(vault, {
			clientId: client.id,
			recordKind: 'letter',
			recordId: doc.id,
			what,
			recipient: input.request?.recipient.trim() || doc.recipient,
			purpose: input.request?.purpose.trim() || LETTER_PURPOSES[doc.template as LetterTemplate],
			now: input.now
		});
	}
	return file;
}
