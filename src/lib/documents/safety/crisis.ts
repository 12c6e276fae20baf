import { AppError } from '$lib/domain/core/app-error';
import {
	crisisNoteGrounding,
	crisisNoteJsonSchema,
	crisisNoteSystemPrompt,
	crisisNoteUserPrompt,
	riskNoteOutline,
	validateCrisisNote
} from '$lib/domain/safety/crisis-note';
import {
	assertProtocolChangeAllowed,
	completeProtocol,
	existingProtocol,
	markStep,
	newCrisisProtocol,
	unmarkStep,
	type CrisisProtocol,
	type CrisisStepId,
	type CrisisTrigger
} from '$lib/domain/safety/crisis-protocol';
import type { GroundingReport } from '$lib/domain/grounding/check';
import type { Client } from '$lib/domain/core/records';
import type { StructuredRequest } from '$lib/inference/engine';
import type { WriteOptions } from '$lib/vault/repository';
import type { UnlockedVault } from '$lib/vault/vault';
import { draftingEngine, generateStreaming } from '../common/drafting';
import { reviewRiskFlag } from '../instruments/record-assessment';

/**
 * The crisis protocol in the record: opening it, each step, completion, each written with its
 * own audit entry (ids and step names only, never what was said). Tacit contacts no one: these
 * functions only record what the clinician did.
 */

/** Writes a protocol unless the stored one is already completed (another tab may have completed it). */
async function store(vault: UnlockedVault, next: CrisisProtocol, options: WriteOptions): Promise<CrisisProtocol> {
	const before = await vault.crisisProtocols.get(next.id).catch((e: unknown) => {
		if (e instanceof AppError && e.code === 'record/not-found') return null;
		throw e;
	});
	assertProtocolChangeAllowed(before, next);
	await vault.crisisProtocols.put(next, options);
	return next;
}

export interface OpenInput {
	clientId: string;
	sessionId: string | null;
	trigger: CrisisTrigger;
	now?: Date;
	newId?: () => string;
}

/**
 * Opens the protocol for a trigger, or reopens the one already started for it (the same flag,
 * or the same session's content): opening twice never makes a second protocol.
 */
export async function openCrisisProtocol(vault: UnlockedVault, input: OpenInput): Promise<{ protocol: CrisisProtocol; created: boolean }> {
	const found = existingProtocol(await vault.crisisProtocols.where('clientId', input.clientId), input.trigger, input.sessionId);
	if (found) return { protocol: found, created: false };
	const id = (input.newId ?? (() => crypto.randomUUID()))();
	const protocol = newCrisisProtocol(id, input.clientId, input.sessionId, input.trigger, input.now);
	await store(vault, protocol, { event: { action: 'crisis.open', detail: `source:${input.trigger.source}` } });
	return { protocol, created: true };
}

/** A step marked done (or its note edited after): time-stamped in the record and the audit trail. */
export async function recordCrisisStep(
	vault: UnlockedVault,
	protocol: CrisisProtocol,
	step: CrisisStepId,
	note: string,
	now = new Date()
): Promise<CrisisProtocol> {
	const next = markStep(protocol, step, note, now);
	if (next === protocol) return protocol;
	return store(vault, next, { event: { action: 'crisis.step', detail: `step:${step}` } });
}

/** A mark taken back while the protocol is open; the trail keeps both the mark and the undo. */
export async function unrecordCrisisStep(vault: UnlockedVault, protocol: CrisisProtocol, step: CrisisStepId): Promise<CrisisProtocol> {
	const next = unmarkStep(protocol, step);
	if (next === protocol) return protocol;
	return store(vault, next, { event: { action: 'crisis.step', detail: `step:${step}:unmarked` } });
}

/** Notes being typed (a step's note before it is marked, the risk assessment note): autosaved drafts. */
export async function saveCrisisDraft(vault: UnlockedVault, protocol: CrisisProtocol, audit: boolean): Promise<CrisisProtocol> {
	if (protocol.status === 'completed') throw new AppError('crisis/completed', { id: protocol.id });
	return store(vault, protocol, { audit });
}

/**
 * Completes the protocol once every step is done. When it came from a risk flag, the flag is
 * then marked reviewed: the same-day assessment it asked for is on record.
 */
export async function completeCrisisProtocol(
	vault: UnlockedVault,
	protocol: CrisisProtocol,
	client: Client,
	now = new Date()
): Promise<{ protocol: CrisisProtocol; client: Client }> {
	const completed = completeProtocol(protocol, now);
	await store(vault, completed, { event: { action: 'crisis.complete', detail: `source:${protocol.trigger.source}` } });
	const flagId = protocol.trigger.flagId;
	const open = (client.riskFlags ?? []).some((f) => f.id === flagId && !f.reviewedAt);
	const reviewed = flagId && open ? await reviewRiskFlag(vault, client, flagId, now) : client;
	return { protocol: completed, client: reviewed };
}

const NOTE_ANSWER_TOKENS = 700;

/** The model words the outline; the outline engine (no AI) answers with the outline itself. */
export function crisisNoteRequest(protocol: CrisisProtocol): StructuredRequest<{ note: string }> {
	const outline = riskNoteOutline(protocol);
	return {
		system: crisisNoteSystemPrompt(),
		prompt: crisisNoteUserPrompt(outline),
		jsonSchema: crisisNoteJsonSchema,
		validate: validateCrisisNote,
		maxTokens: NOTE_ANSWER_TOKENS,
		temperature: 0.2,
		outline: () => ({ note: outline })
	};
}

export interface DraftedCrisisNote {
	note: string;
	draftedWith: string;
	grounding: GroundingReport;
}

/** Drafts the risk assessment note from what was recorded; same AI-consent gate as every draft. */
export async function draftCrisisNote(input: {
	client: Client;
	protocol: CrisisProtocol;
	onText: (text: string) => void;
	signal?: AbortSignal;
}): Promise<DraftedCrisisNote> {
	const engine = await draftingEngine(input.client);
	const { note } = await generateStreaming(crisisNoteRequest(input.protocol), input.onText, input.signal);
	return { note, draftedWith: engine.draftedWith, grounding: crisisNoteGrounding(input.protocol, note) };
}
