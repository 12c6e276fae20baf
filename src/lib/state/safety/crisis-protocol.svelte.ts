import { AppError, toAppError } from '$lib/domain/core/app-error';
import { crisisNoteGrounding } from '$lib/domain/safety/crisis-note';
import {
	CRISIS_STEPS,
	editRiskNote,
	editStepNote,
	markStep,
	protocolGaps,
	triggerFromFlag,
	triggerFromSessionContent,
	unmarkStep,
	type CrisisProtocol,
	type CrisisStepId
} from '$lib/domain/safety/crisis-protocol';
import type { GroundedSentence } from '$lib/domain/grounding/check';
import type { Client } from '$lib/domain/core/records';
import {
	completeCrisisProtocol,
	draftCrisisNote,
	openCrisisProtocol,
	recordCrisisStep,
	saveCrisisDraft,
	unrecordCrisisStep
} from '$lib/documents/safety/crisis';
import { Autosaver } from '../common/autosave.svelte';
import { auditThrottle } from '../common/autosave-lifecycle';
import { vaultSession } from '../vault/vault-session.svelte';

/** How the page was reached: a risk flag, the session's risk-language banner, or an existing protocol. */
export type CrisisOpening = { flagId: string } | { sessionId: string } | { protocolId: string };

export function openingFromQuery(params: URLSearchParams): CrisisOpening | null {
	const protocolId = params.get('protocol');
	if (protocolId) return { protocolId };
	const flagId = params.get('flag');
	if (flagId) return { flagId };
	const sessionId = params.get('session');
	if (params.get('source') === 'session-content' && sessionId) return { sessionId };
	return null;
}

const snapshot = (p: CrisisProtocol) => $state.snapshot(p) as CrisisProtocol;
const emptyNotes = () => Object.fromEntries(CRISIS_STEPS.map((s) => [s, ''])) as Record<CrisisStepId, string>;

/**
 * One crisis protocol on screen. Notes being typed are autosaved as drafts; marking a step,
 * taking a mark back and completing are each their own write with an audit entry. Changes are
 * applied here first, so an autosave that runs during a mark never writes the older state.
 */
export class CrisisWorkspace {
	readonly clientId: string;
	// Raw: the protocol is only ever replaced, and identity tells a newer edit from the state just written.
	protocol = $state.raw<CrisisProtocol | null>(null);
	loading = $state(true);
	error = $state<AppError | null>(null);
	/** The step whose last mark was refused (the emergency-services answer or reason missing). */
	stepProblem = $state<{ step: CrisisStepId; missing: string } | null>(null);
	/** What each step's note field shows; for a step already done, edits are recorded when the field is left. */
	notes = $state<Record<CrisisStepId, string>>(emptyNotes());
	drafting = $state<AbortController | null>(null);
	streamed = $state('');
	/** The note before the last draft replaced it: one step of undo. */
	previousNote = $state<string | null>(null);
	accepted = $state<string[]>([]);
	readonly #shouldAudit = auditThrottle();
	#queue: Promise<void> = Promise.resolve();
	readonly saver = new Autosaver<CrisisProtocol>({
		save: (p) => saveCrisisDraft(vaultSession.vault, p, this.#shouldAudit()).then(() => undefined)
	});

	client = $derived<Client | null>(vaultSession.clients.find((c) => c.id === this.clientId) ?? null);
	gaps = $derived(this.protocol ? protocolGaps(this.protocol) : [...CRISIS_STEPS]);
	editable = $derived(this.protocol?.status === 'open');
	/** Sentences of the risk note that what was recorded does not support, unless the clinician confirmed them. */
	flagged = $derived<GroundedSentence[]>(
		this.protocol && this.protocol.riskNote.trim()
			? crisisNoteGrounding(this.protocol, this.protocol.riskNote).sentences.filter((s) => s.flags.length > 0 && !this.accepted.includes(s.text))
			: []
	);

	constructor(clientId: string) {
		this.clientId = clientId;
	}

	async load(opening: CrisisOpening | null): Promise<void> {
		this.loading = true;
		try {
			const protocol = opening ? await this.#open(opening) : null;
			if (protocol && protocol.clientId !== this.clientId) throw new AppError('record/not-found', { table: 'crisisProtocols' });
			this.protocol = protocol;
			this.notes = protocol ? (Object.fromEntries(CRISIS_STEPS.map((s) => [s, protocol.steps[s].note])) as Record<CrisisStepId, string>) : emptyNotes();
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}

	async #open(opening: CrisisOpening): Promise<CrisisProtocol> {
		const vault = vaultSession.vault;
		if ('protocolId' in opening) return vault.crisisProtocols.get(opening.protocolId);
		if ('flagId' in opening) {
			const flag = this.client?.riskFlags?.find((f) => f.id === opening.flagId);
			if (!flag) throw new AppError('record/not-found', { table: 'clients' });
			const trigger = triggerFromFlag(flag);
			return (await openCrisisProtocol(vault, { clientId: this.clientId, sessionId: flag.sessionId, trigger })).protocol;
		}
		const session = await vault.sessions.get(opening.sessionId);
		if (session.clientId !== this.clientId) throw new AppError('record/not-found', { table: 'sessions' });
		const trigger = triggerFromSessionContent(session.content);
		return (await openCrisisProtocol(vault, { clientId: this.clientId, sessionId: session.id, trigger })).protocol;
	}

	/** A step not yet done keeps its note as a draft; a done step's edit waits for `commitNote`. */
	editNote(step: CrisisStepId, text: string): void {
		this.notes[step] = text;
		const p = this.protocol;
		if (!p || p.status !== 'open' || p.steps[step].doneAt) return;
		this.#change(editStepNote(snapshot(p), step, text));
	}

	/** Leaving a done step's note field records the edit (the first time stays; the edit is dated). */
	async commitNote(step: CrisisStepId): Promise<void> {
		const p = this.protocol;
		if (p?.status === 'open' && p.steps[step].doneAt && this.notes[step] !== p.steps[step].note) await this.mark(step);
	}

	editRiskNote(text: string): void {
		if (this.protocol?.status === 'open') this.#change(editRiskNote(snapshot(this.protocol), text));
	}

	#change(next: CrisisProtocol): void {
		this.protocol = next;
		this.saver.schedule(snapshot(next));
	}

	async mark(step: CrisisStepId): Promise<void> {
		const now = new Date();
		const note = this.notes[step];
		await this.#stepWrite(step, (p) => markStep(p, step, note, now), (p) => recordCrisisStep(vaultSession.vault, p, step, note, now));
	}

	async unmark(step: CrisisStepId): Promise<void> {
		await this.#stepWrite(step, (p) => unmarkStep(p, step), (p) => unrecordCrisisStep(vaultSession.vault, p, step));
	}

	/** Step writes run one after another, so two quick marks are stored (and audited) in the order they were made. */
	#stepWrite(step: CrisisStepId, apply: (p: CrisisProtocol) => CrisisProtocol, write: (p: CrisisProtocol) => Promise<CrisisProtocol>) {
		return this.#serial(() => this.#applyAndWrite(step, apply, write));
	}

	#serial(job: () => Promise<void>): Promise<void> {
		const run = this.#queue.then(job);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	/** Applies the change on screen first, then writes it with its audit entry; a refused write is undone on screen. */
	async #applyAndWrite(step: CrisisStepId, apply: (p: CrisisProtocol) => CrisisProtocol, write: (p: CrisisProtocol) => Promise<CrisisProtocol>) {
		const before = this.protocol ? snapshot(this.protocol) : null;
		if (!before) return;
		this.error = null;
		this.stepProblem = null;
		try {
			const next = apply(before);
			this.protocol = next;
			this.notes[step] = next.steps[step].note;
			await this.saver.flush();
			await write(before);
			// Typing during the write is in `protocol`, newer than what was just stored: save it again.
			if (this.protocol !== next) this.saver.schedule(snapshot(this.protocol));
		} catch (error) {
			const e = toAppError(error);
			if (e.code === 'record/invalid' && e.details.step === step) this.stepProblem = { step, missing: String(e.details.missing) };
			else this.error = e;
			if (this.protocol) this.protocol = { ...this.protocol, steps: { ...this.protocol.steps, [step]: before.steps[step] } };
		}
	}

	complete(): Promise<void> {
		return this.#serial(() => this.#complete());
	}

	async #complete(): Promise<void> {
		const p = this.protocol;
		const client = this.client;
		if (!p || !client) return;
		this.error = null;
		try {
			await this.saver.flush();
			const result = await completeCrisisProtocol(vaultSession.vault, snapshot(p), $state.snapshot(client) as Client);
			this.protocol = result.protocol;
			vaultSession.clientSaved(result.client);
		} catch (error) {
			this.error = toAppError(error);
		}
	}

	async draftNote(): Promise<void> {
		const p = this.protocol;
		const client = this.client;
		if (!p || !client || p.status !== 'open') return;
		const controller = new AbortController();
		this.drafting = controller;
		this.streamed = '';
		this.error = null;
		try {
			const result = await draftCrisisNote({
				client: $state.snapshot(client) as Client,
				protocol: snapshot(p),
				signal: controller.signal,
				onText: (text) => (this.streamed = text)
			});
			this.previousNote = this.protocol?.riskNote ?? '';
			this.accepted = [];
			this.editRiskNote(result.note);
			await this.saver.flush();
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.drafting = null;
		}
	}

	undoDraft(): void {
		if (this.previousNote === null) return;
		this.editRiskNote(this.previousNote);
		this.previousNote = null;
	}

	acceptSentence(text: string): void {
		this.accepted = [...this.accepted, text];
	}

	deleteSentence(text: string): void {
		const note = this.protocol?.riskNote ?? '';
		this.editRiskNote(note.replace(text, '').replace(/[ \t]{2,}/g, ' ').trim());
	}
}

/** A client's crisis protocols for the client page: the open ones first, then the completed ones. */
export class ClientCrisisProtocols {
	readonly clientId: string;
	protocols = $state<CrisisProtocol[]>([]);
	loading = $state(true);
	error = $state<AppError | null>(null);
	open = $derived(this.protocols.filter((p) => p.status === 'open'));
	completed = $derived(this.protocols.filter((p) => p.status === 'completed'));

	constructor(clientId: string) {
		this.clientId = clientId;
	}

	async load(): Promise<void> {
		this.loading = true;
		try {
			const list = await vaultSession.vault.crisisProtocols.where('clientId', this.clientId);
			this.protocols = list.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
			this.error = null;
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}
}
