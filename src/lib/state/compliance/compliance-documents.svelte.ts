import { AppError, toAppError } from '$lib/domain/core/app-error';
import {
	editDocument,
	unfilledPlaceholders,
	type ComplianceDocument,
	type ComplianceDocumentKind,
	type TemplateSettings
} from '$lib/domain/compliance/compliance-document';
import { draftAndStore, exportDocumentPdf, redraftAndStore, signAndStoreDocument } from '$lib/documents/compliance/compliance-documents';
import { Autosaver } from '../common/autosave.svelte';
import { auditThrottle } from '../common/autosave-lifecycle';
import { vaultSession } from '../vault/vault-session.svelte';

function templateSettings(): TemplateSettings {
	const settings = vaultSession.settings;
	return { practice: settings?.practice, autoLockMinutes: settings?.autoLockMinutes ?? vaultSession.autoLockMinutes };
}

/** The practice's compliance documents, newest first, and drafting a new one from a template. */
export class ComplianceDocumentList {
	documents = $state<ComplianceDocument[]>([]);
	loading = $state(true);
	error = $state<AppError | null>(null);
	/** Documents that did not decrypt: reported, never left out silently. */
	unreadable = $state(0);

	sorted = $derived(
		[...this.documents].sort((a, b) => (b.draftedOn ?? '').localeCompare(a.draftedOn ?? '') || a.title.localeCompare(b.title))
	);
	/** Which practice details are still empty, so the page can say where drafts will show placeholders. */
	missingPractice = $derived(this.#missingPractice());

	async load(): Promise<void> {
		try {
			const { records, failures } = await vaultSession.vault.documents.readAll();
			this.documents = records;
			this.unreadable = failures.length;
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}

	async draft(kind: ComplianceDocumentKind, today: string): Promise<ComplianceDocument | null> {
		this.error = null;
		try {
			const doc = await draftAndStore(vaultSession.vault, kind, templateSettings(), today);
			this.documents.push(doc);
			return doc;
		} catch (error) {
			this.error = toAppError(error);
			return null;
		}
	}

	#missingPractice(): string[] {
		const practice = vaultSession.settings?.practice;
		const labels = { name: 'name', address: 'address', phone: 'phone', privacyOfficer: 'privacy officer' } as const;
		return (Object.keys(labels) as (keyof typeof labels)[]).filter((k) => !practice?.[k]?.trim()).map((k) => labels[k]);
	}
}

/**
 * One compliance document on screen: a draft being edited (autosaved; the page calls
 * `flushOnLeave` with `saver`), or a signed document that can only be replaced by a new draft.
 */
export class ComplianceDocumentEditor {
	doc = $state<ComplianceDocument | null>(null);
	loading = $state(true);
	error = $state<AppError | null>(null);

	readonly #shouldAudit = auditThrottle();
	readonly saver = new Autosaver<ComplianceDocument>({
		// A draft may be half-written; it is stored as it is and checked in full at signing.
		save: (doc) => vaultSession.vault.documents.put(doc, { audit: this.#shouldAudit() }).then(() => undefined)
	});

	placeholders = $derived(this.doc ? unfilledPlaceholders(this.doc) : []);
	canSign = $derived(
		this.doc?.status === 'draft' && this.placeholders.length === 0 && Boolean(this.doc.title.trim() && this.doc.body.trim())
	);

	async load(id: string): Promise<void> {
		this.loading = true;
		try {
			this.doc = await vaultSession.vault.documents.get(id);
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}

	edit(patch: Partial<Pick<ComplianceDocument, 'title' | 'body'>>): void {
		if (!this.doc || this.doc.status === 'signed') return;
		this.doc = editDocument(this.#snapshot(), patch);
		this.saver.schedule(this.#snapshot());
	}

	async sign(signer: string): Promise<void> {
		if (!this.doc) return;
		this.error = null;
		try {
			await this.saver.flush();
			this.doc = await signAndStoreDocument(vaultSession.vault, this.#snapshot(), signer);
		} catch (error) {
			this.error = toAppError(error);
		}
	}

	/** A new draft with this document's text; returns it so the page can open it. */
	async redraft(today: string): Promise<ComplianceDocument | null> {
		if (!this.doc) return null;
		this.error = null;
		try {
			return await redraftAndStore(vaultSession.vault, this.#snapshot(), today);
		} catch (error) {
			this.error = toAppError(error);
			return null;
		}
	}

	async exportPdf(): Promise<{ blob: Blob; fileName: string }> {
		if (!this.doc) throw new AppError('record/not-found', { table: 'documents' });
		await this.saver.flush();
		return exportDocumentPdf(vaultSession.vault, this.#snapshot(), vaultSession.settings?.practice?.name ?? '');
	}

	#snapshot(): ComplianceDocument {
		return $state.snapshot(this.doc) as ComplianceDocument;
	}
}
