import { AppError, toAppError } from '$lib/domain/core/app-error';
import {
	documentGaps,
	draftFrom,
	editClientDocument,
	isLetterTemplate,
	LETTER_PURPOSES,
	newClientDocument,
	sessionsFor,
	signClientDocument,
	withDiagnoses,
	type ClientDocument,
	type ClientDocumentTemplate
} from '$lib/domain/client-documents/client-document';
import type { DocumentSource } from '$lib/domain/client-documents/client-document-prompts';
import { clientLanguageFlags } from '$lib/domain/client-documents/client-language';
import type { Part2Consent } from '$lib/domain/compliance/consent';
import { today } from '$lib/domain/core/dates';
import type { GroundedSentence } from '$lib/domain/grounding/check';
import { isPart2 } from '$lib/domain/compliance/part2-notice';
import { readingLevel } from '$lib/domain/client-documents/readability';
import type { Client, Session } from '$lib/domain/core/records';
import { activeGoals } from '$lib/domain/plans/treatment-plan';
import { exportClientDocument, type ClientDocumentExportKind } from '$lib/documents/client-documents/client-document-exports';
import { draftClientDocument, simplifyClientDocument, type DraftedDocument } from '$lib/documents/client-documents/draft-client-document';
import { disclosurePrompt, type DisclosureRequest, type ExportFile } from '$lib/documents/compliance/part2-export';
import { Autosaver } from '../common/autosave.svelte';
import { auditThrottle } from '../common/autosave-lifecycle';
import { vaultSession } from '../vault/vault-session.svelte';

type Patch = Partial<Pick<ClientDocument, 'title' | 'body' | 'recipient' | 'sessionId'>>;

/**
 * One client-facing document on screen: the draft being edited (autosaved), drafted from the
 * record or made simpler through the engine, then signed (the review) and exported. A signed
 * document is never edited; a correction starts a new draft from it.
 */
export class ClientDocumentEditor {
	document = $state<ClientDocument | null>(null);
	client = $state<Client | null>(null);
	sessions = $state<Session[]>([]);
	goals = $state<string[]>([]);
	consents = $state<Part2Consent[]>([]);
	loading = $state(true);
	error = $state<AppError | null>(null);
	/** The engine at work: what it is doing and the answer so far. */
	drafting = $state<{ kind: 'draft' | 'simpler'; text: string; controller: AbortController } | null>(null);
	/** Sentences of the last draft that state a fact the source does not. */
	flagged = $state<GroundedSentence[]>([]);
	/** The text before the last draft replaced it: one step of undo. */
	undoText = $state<{ title: string; body: string } | null>(null);
	/** A letter for a client whose records are not Part 2: the purpose entered in the disclosure log. */
	purpose = $state('');

	readonly #shouldAudit = auditThrottle();
	readonly saver = new Autosaver<ClientDocument>({
		// A draft may be half-written; it is stored as it is, and checked in full at signing.
		save: (doc) => vaultSession.vault.clientDocuments.put(doc, { audit: this.#shouldAudit() }).then(() => undefined)
	});

	diagnoses = $derived(this.client?.diagnoses ?? []);
	part2 = $derived(this.client ? isPart2(this.client, vaultSession.settings ?? undefined) : false);
	readingLevel = $derived(readingLevel(this.document?.body ?? ''));
	languageFlags = $derived(
		this.document
			? clientLanguageFlags(`${this.document.title}\n${this.document.body}`, { includeDiagnoses: this.document.includeDiagnoses, diagnoses: this.diagnoses })
			: []
	);
	gaps = $derived(this.document ? documentGaps(this.document, this.diagnoses) : []);
	chosen = $derived(this.document ? sessionsFor(this.document.template, this.sessions, this.document.sessionId, today()) : null);
	/** A Part 2 client's letter asks to whom and why; the letter's recipient is offered first. */
	disclosure = $derived(this.#disclosure());

	async load(id: string): Promise<void> {
		this.loading = true;
		try {
			const vault = vaultSession.vault;
			const doc = await vault.clientDocuments.get(id);
			const [sessions, plans, consents] = await Promise.all([
				vault.sessions.where('clientId', doc.clientId),
				vault.plans.where('clientId', doc.clientId),
				vault.consents.where('clientId', doc.clientId)
			]);
			this.document = doc;
			this.client = vaultSession.clients.find((c) => c.id === doc.clientId) ?? null;
			this.sessions = sessions.sort((a, b) => (b.date + b.startTime).localeCompare(a.date + a.startTime));
			this.goals = activeGoals(plans, doc.clientId).map((g) => g.goal.text.trim()).filter(Boolean);
			this.consents = consents;
			if (isLetterTemplate(doc.template)) this.purpose = LETTER_PURPOSES[doc.template];
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}

	update(patch: Patch): void {
		if (!this.document || this.document.status === 'signed') return;
		this.#replace(editClientDocument(this.#snapshot()!, patch));
	}

	setIncludeDiagnoses(include: boolean): void {
		if (!this.document || this.document.status === 'signed') return;
		this.#replace(withDiagnoses(this.#snapshot()!, include, this.diagnoses));
	}

	/** Drafts the document from the record: the template's facts, through the loaded engine or the outline. */
	draft(): Promise<void> {
		return this.#generate('draft', (onText, signal) => {
			const source = this.#source();
			if (!source || !this.client) throw new AppError('record/not-found', { table: 'clients' });
			return draftClientDocument({ client: this.client, source, onText, signal });
		});
	}

	/** Asks for a simpler version (grade 6 or below) that keeps every fact. */
	simpler(): Promise<void> {
		return this.#generate('simpler', (onText, signal) => {
			const doc = this.document;
			if (!doc || !this.client) throw new AppError('record/not-found', { table: 'clientDocuments' });
			if (!doc.body.trim()) throw new AppError('record/invalid', { field: 'body' });
			return simplifyClientDocument({ client: this.client, document: { title: doc.title, body: doc.body }, onText, signal });
		});
	}

	undoDraft(): void {
		if (!this.undoText) return;
		this.update(this.undoText);
		this.undoText = null;
		this.flagged = [];
	}

	async sign(signer: string): Promise<void> {
		if (!this.document) return;
		this.error = null;
		try {
			await this.saver.flush();
			const signed = signClientDocument(this.#snapshot()!, signer, new Date(), this.diagnoses);
			await vaultSession.vault.clientDocuments.put(signed, { event: { action: 'client-document.sign', detail: `sha256:${signed.contentHash}` } });
			this.document = signed;
			this.flagged = [];
			this.undoText = null;
		} catch (error) {
			this.error = toAppError(error);
		}
	}

	/** A letter for a Part 2 client leaves only through the consent gate; other letters are logged with this purpose. */
	async export(kind: ClientDocumentExportKind, request?: DisclosureRequest): Promise<ExportFile> {
		const doc = this.document;
		const client = this.client;
		if (!doc || !client) throw new AppError('record/not-found', { table: 'clientDocuments' });
		await this.saver.flush();
		// A Part 2 letter's recipient and purpose come from the disclosure dialog, never by default.
		const given = request ?? (doc.kind === 'letter' && !this.part2 ? { recipient: doc.recipient, purpose: this.purpose } : undefined);
		return exportClientDocument(
			vaultSession.vault,
			{ document: this.#snapshot()!, client, settings: vaultSession.settings, today: today(), request: given },
			kind
		);
	}

	/** A signed document stays as it is; the correction is a new draft with its text. Returns the new id. */
	async newDraftFrom(): Promise<string | null> {
		if (!this.document) return null;
		try {
			const copy = draftFrom(this.#snapshot()!, crypto.randomUUID());
			await vaultSession.vault.clientDocuments.put(copy);
			return copy.id;
		} catch (error) {
			this.error = toAppError(error);
			return null;
		}
	}

	async #generate(kind: 'draft' | 'simpler', run: (onText: (text: string) => void, signal: AbortSignal) => Promise<DraftedDocument>): Promise<void> {
		const doc = this.document;
		if (!doc || doc.status === 'signed' || this.drafting) return;
		const controller = new AbortController();
		this.drafting = { kind, text: '', controller };
		this.error = null;
		try {
			const result = await run((text) => {
				if (this.drafting) this.drafting.text = text;
			}, controller.signal);
			const before = { title: doc.title, body: doc.body };
			const sessionId = kind === 'draft' ? (this.chosen?.session?.id ?? null) : doc.sessionId;
			this.#replace({ ...this.#snapshot()!, title: result.title, body: result.body, draftedWith: result.draftedWith, sessionId });
			this.undoText = before;
			this.flagged = result.flagged;
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.drafting = null;
		}
	}

	#source(): DocumentSource | null {
		const doc = this.document;
		const client = this.client;
		if (!doc || !client || !this.chosen) return null;
		return {
			template: doc.template,
			client,
			clinician: vaultSession.profileName,
			practice: vaultSession.settings?.practice,
			today: today(),
			recipient: doc.recipient,
			includeDiagnoses: doc.includeDiagnoses,
			session: this.chosen.session,
			attended: this.chosen.attended,
			next: this.chosen.next,
			goals: this.goals
		};
	}

	#disclosure() {
		const doc = this.document;
		if (!doc || doc.kind !== 'letter' || !this.client) return null;
		const prompt = disclosurePrompt(this.client, vaultSession.settings, this.consents, `${doc.title.trim() || 'Letter'}`);
		return prompt && { ...prompt, recipients: [doc.recipient, ...prompt.recipients] };
	}

	#snapshot(): ClientDocument | null {
		return this.document ? ($state.snapshot(this.document) as ClientDocument) : null;
	}

	#replace(next: ClientDocument): void {
		this.document = next;
		this.saver.schedule(next);
	}
}

/** One client's client-facing documents, for the client page and the documents page. */
export class ClientDocumentList {
	readonly clientId: string;
	documents = $state<ClientDocument[]>([]);
	loading = $state(true);
	error = $state<AppError | null>(null);

	constructor(clientId: string) {
		this.clientId = clientId;
	}

	async load(): Promise<void> {
		this.loading = true;
		try {
			const docs = await vaultSession.vault.clientDocuments.where('clientId', this.clientId);
			// Drafts first (work to finish), then signed documents, newest first.
			this.documents = docs.sort((a, b) => Number(a.status === 'signed') - Number(b.status === 'signed') || (b.signedAt ?? '').localeCompare(a.signedAt ?? '') || a.title.localeCompare(b.title));
			this.error = null;
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}

	/** A new draft of the template; an appointment letter is addressed to the client by default. Returns its id. */
	async create(template: ClientDocumentTemplate): Promise<string | null> {
		try {
			const client = vaultSession.clients.find((c) => c.id === this.clientId);
			if (!client) throw new AppError('record/not-found', { table: 'clients' });
			const recipient = template === 'appointment' ? client.name : '';
			const doc = newClientDocument(crypto.randomUUID(), this.clientId, template, { recipient });
			await vaultSession.vault.clientDocuments.put(doc);
			return doc.id;
		} catch (error) {
			this.error = toAppError(error);
			return null;
		}
	}
}
