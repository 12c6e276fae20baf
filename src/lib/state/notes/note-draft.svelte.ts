import { toAppError, type AppError } from '$lib/domain/core/app-error';
import { checkGrounding, indexSource, type GroundedSentence, type GroundingSource } from '$lib/domain/grounding/check';
import { editSections, newNote, noteHeader, type Note } from '$lib/domain/notes/note';
import { NOTE_FORMATS, type NoteFormat } from '$lib/domain/notes/note-formats';
import { partialSections } from '$lib/domain/core/partial-json';
import type { Client, Session } from '$lib/domain/core/records';
import { draftNote } from '$lib/documents/notes/draft-note';
import { exportNote, noteDocument, type NoteExport } from '$lib/documents/notes/note-exports';
import { amendAndStore, signAndStore } from '$lib/documents/notes/sign-note';
import { disclosurePrompt, exportRecord, type DisclosureRequest } from '$lib/documents/compliance/part2-export';
import type { Part2Consent } from '$lib/domain/compliance/consent';
import { today } from '$lib/domain/core/dates';
import { isPart2 } from '$lib/domain/compliance/part2-notice';
import { latestResult } from '$lib/domain/instruments/assessment-trend';
import { activeGoals, objectiveScore } from '$lib/domain/plans/treatment-plan';
import { Autosaver } from '../common/autosave.svelte';
import { auditThrottle } from '../common/autosave-lifecycle';
import { vaultSession } from '../vault/vault-session.svelte';

/**
 * The note beside a session: drafting (streamed in section by section, stoppable, keeping what
 * arrived), editing with autosave while a draft, signing, and addenda once signed.
 */
export class NoteDraft {
	readonly #client: Client;
	readonly session: Session;
	/**
	 * The session content the grounding check reads: the page updates it shortly after typing
	 * pauses, so indexing a long transcript never runs on every keystroke.
	 */
	analysedContent = $state('');
	note = $state<Note | null>(null);
	/** The format of the next draft: a built-in one or one of the practice's own. */
	format = $state<NoteFormat>(NOTE_FORMATS.SOAP);
	streaming = $state<Record<string, string> | null>(null);
	drafting = $state(false);
	/** Long sessions: which part is being read. */
	part = $state<{ index: number; count: number } | null>(null);
	error = $state<AppError | null>(null);
	/** False until the stored note (if any) has been read: nothing is offered before then. */
	loaded = $state(false);
	/**
	 * This session's note is stored but failed its integrity check. No new draft is offered
	 * until the clinician decides (restore the backup, or `startOver` knowingly).
	 */
	damaged = $state(false);
	/** Reading this session's note failed outright (the vault locked, storage failed): shown, nothing offered. */
	loadFailed = $state(false);
	/** The active plan's goals, offered to link, each with its objectives' latest scores. */
	goals = $state<{ id: string; text: string; scores: string[] }[]>([]);
	/** The client's Part 2 consents, to suggest recipients and purposes when the note is disclosed. */
	consents = $state<Part2Consent[]>([]);
	readonly disclosure: ReturnType<typeof disclosurePrompt>;
	readonly #shouldAudit = auditThrottle();
	readonly saver = new Autosaver<Note>({
		save: (note) => vaultSession.vault.notes.put(note, { audit: this.#shouldAudit() }).then(() => undefined)
	});
	#controller: AbortController | null = null;

	/** Source index, rebuilt only when the session content changes. */
	#source: GroundingSource;
	/** Every sentence of the unsigned draft, checked, with its evidence; accepted ones have no marks left. */
	checked: GroundedSentence[];
	/** Sentences with a flag the clinician has not accepted yet: these make signing ask first. */
	flagged: GroundedSentence[];
	/** Sentences with only hints the clinician has not dismissed: quiet, never blocking. */
	hinted: GroundedSentence[];

	constructor(client: Client, session: Session) {
		this.#client = client;
		this.session = session;
		this.analysedContent = session.content;
		this.disclosure = $derived(disclosurePrompt(client, vaultSession.settings, this.consents, `Progress note of ${session.date}`));
		this.#source = $derived(indexSource(this.analysedContent));
		this.checked = $derived.by((): GroundedSentence[] => {
			const note = this.note;
			if (!note || note.status === 'signed') return [];
			const accepted = new Set(note.acceptedFlags ?? []);
			return checkGrounding(this.#source, note.sections).sentences.map((s) => (accepted.has(s.text) ? { ...s, flags: [], hints: [] } : s));
		});
		this.flagged = $derived(this.checked.filter((s) => s.flags.length > 0));
		this.hinted = $derived(this.checked.filter((s) => s.flags.length === 0 && s.hints.length > 0));
	}

	/**
	 * The client as stored now: a consent recorded a moment before the session opened (its save
	 * still in flight when this draft was made) counts, and so does a diagnosis added since.
	 */
	get client(): Client {
		return vaultSession.clients.find((c) => c.id === this.#client.id) ?? this.#client;
	}

		async load(): Promise<void> {
		try {
			await this.#load();
		} catch (e) {
			this.error = toAppError(e);
			this.loadFailed = true;
		} finally {
			this.loaded = true;
		}
	}

	/** Drafting is offered once the stored note is known: never over a note that could not be read. */
	get canDraft(): boolean {
		return this.loaded && !this.loadFailed && !this.damaged;
	}

	async #load(): Promise<void> {
		const vault = vaultSession.vault;
		// What decrypts is used; what does not is named on screen by the vault session.
		const [notes, plans, assessments, consents] = await Promise.all([
			vault.notes.readWhere('sessionId', this.session.id),
			vault.plans.readWhere('clientId', this.client.id).then((r) => r.records),
			vault.assessments.readWhere('clientId', this.client.id).then((r) => r.records),
			vault.consents.readWhere('clientId', this.client.id).then((r) => r.records)
		]);
		this.consents = consents;
		const [existing] = notes.records;
		if (existing) {
			this.note = existing;
			this.format = existing.format;
		} else if (notes.failures.length) {
			this.damaged = true;
		}
		this.goals = activeGoals(plans, this.client.id).map(({ goal }) => ({
			id: goal.id,
			text: goal.text,
			scores: goal.objectives
				.filter((o) => o.instrumentTarget)
				.map((o) => {
					const latest = latestResult(assessments, o.instrumentTarget!.instrumentId);
					return `${o.text}: ${objectiveScore(o, latest ? { total: latest.result.total, administeredAt: latest.administeredAt } : null).text}`;
				})
		}));
	}

	/** The clinician chose to write a new note beside the damaged one, which stays stored (and named) as it is. */
	startOver(): void {
		this.damaged = false;
	}

	/** Linking a goal writes its text into "Goals addressed", which the clinician can still edit. */
	toggleGoal(goalId: string, on: boolean): void {
		if (!this.note) return;
		const ids = new Set(this.note.details.goalIds ?? []);
		if (on) ids.add(goalId);
		else ids.delete(goalId);
		const linked = this.goals.filter((g) => ids.has(g.id));
		this.setDetails({ goalIds: linked.map((g) => g.id), goalsAddressed: linked.map((g) => g.text).join('; ') });
	}

	async draft(): Promise<void> {
		this.error = null;
		this.drafting = true;
		this.#controller = new AbortController();
		const keys = this.format.sections.map((s) => s.key);
		let sections: Record<string, string> | null = null;
		let draftedWith = 'model';
		try {
			const result = await draftNote({
				client: this.client,
				content: this.session.content,
				format: $state.snapshot(this.format) as NoteFormat,
				examples: await this.#practiceExamples(),
				onPart: (index, count) => (this.part = { index, count }),
				signal: this.#controller.signal,
				onText: (text) => (this.streaming = partialSections(text, keys))
			});
			sections = result.sections;
			draftedWith = result.draftedWith;
		} catch (e) {
			this.error = toAppError(e);
			// A stopped draft keeps what arrived; anything else leaves the note as it was.
			if (this.error.code === 'inference/cancelled' && this.streaming) sections = this.streaming;
		} finally {
			this.drafting = false;
			this.part = null;
			this.streaming = null;
			this.#controller = null;
		}
		if (sections) await this.#store(sections, draftedWith);
	}

	/**
	 * The practice's voice: up to three of this clinician's most recent signed notes in the same
	 * format, as style examples. Only notes of clients who consented to AI-assisted drafting are
	 * ever shown to the model, and never this session's own note.
	 */
	async #practiceExamples(): Promise<{ sections: Record<string, string> }[]> {
		const consented = new Set(vaultSession.clients.filter((c) => c.aiConsent.given).map((c) => c.id));
		const signed = (await vaultSession.vault.notes.all()).filter(
			(n) => n.status === 'signed' && n.format.id === this.format.id && n.sessionId !== this.session.id && consented.has(n.clientId)
		);
		signed.sort((a, b) => (b.signedAt ?? '').localeCompare(a.signedAt ?? ''));
		return signed.slice(0, 3).map((n) => ({ sections: n.sections }));
	}

	stop(): void {
		this.#controller?.abort();
	}

	async #store(sections: Record<string, string>, draftedWith: string): Promise<void> {
		const format = $state.snapshot(this.format) as NoteFormat;
		const sameFormat = this.note && JSON.stringify(this.note.format) === JSON.stringify(format);
		const base = sameFormat ? this.note! : newNote(this.note?.id ?? crypto.randomUUID(), this.client.id, this.session.id, format);
		const note = { ...editSections(base, sections), draftedWith };
		await vaultSession.vault.notes.put(note);
		this.note = note;
	}

	acceptFlag(sentence: string): void {
		if (!this.note) return;
		this.note = { ...this.note, acceptedFlags: [...(this.note.acceptedFlags ?? []), sentence] };
		this.saver.schedule($state.snapshot(this.note) as Note);
	}

	deleteSentence(section: string, sentence: string): void {
		if (!this.note) return;
		const text = (this.note.sections[section] ?? '').replace(sentence, '').replace(/\s{2,}/g, ' ').trim();
		this.edit(section, text || 'Not documented');
	}

	setDetails(patch: Partial<Note['details']>): void {
		if (!this.note || this.note.status === 'signed') return;
		this.note = { ...this.note, details: { ...this.note.details, ...patch } };
		this.saver.schedule($state.snapshot(this.note) as Note);
	}

	/** The clinician confirms the suggested codes; they become part of the signed content. */
	confirmCpt(codes: string[]): void {
		if (!this.note || this.note.status === 'signed') return;
		this.note = { ...this.note, cpt: [...codes] };
		this.saver.schedule($state.snapshot(this.note) as Note);
	}

	edit(key: string, text: string): void {
		if (!this.note) return;
		this.note = editSections(this.note, { [key]: text });
		this.saver.schedule($state.snapshot(this.note) as Note);
	}

	async sign(): Promise<void> {
		if (!this.note) return;
		await this.saver.flush();
		const note = $state.snapshot(this.note) as Note;
		// The session's date, times, service and participants are signed as they are now.
		const header = noteHeader(note, $state.snapshot(this.session) as Session, this.client);
		this.note = await signAndStore(vaultSession.vault, note, vaultSession.profileName, header);
	}

	/** A Part 2 note leaves only through the consent gate, to the recipient and for the purpose given. */
	async export(kind: NoteExport, request?: DisclosureRequest) {
		const note = this.note;
		if (!note) return null;
		await this.saver.flush();
		const settings = vaultSession.settings;
		const client = { ...this.client, part2: isPart2(this.client, settings ?? undefined) };
		const doc = noteDocument($state.snapshot(note) as Note, client, $state.snapshot(this.session) as Session);
		const record = { client, settings, recordKind: 'note' as const, recordId: note.id, today: today(), request };
		return exportRecord(vaultSession.vault, { ...record, what: `Progress note of ${this.session.date} (${kind})` }, (attachment) =>
			exportNote(vaultSession.vault, attachment ? { ...doc, part2Notice: attachment.notice, part2Consent: attachment.consentSummary } : doc, note.id, kind)
		);
	}

	async addAddendum(text: string): Promise<void> {
		if (!this.note) return;
		this.note = await amendAndStore(vaultSession.vault, $state.snapshot(this.note) as Note, text, vaultSession.profileName);
	}
}
