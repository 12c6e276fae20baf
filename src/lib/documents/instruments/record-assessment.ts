import type { Assessment, RiskFlag } from '$lib/domain/instruments/assessment';
import { pruneHiddenAnswers } from '$lib/domain/instruments/administration';
import type { Instrument, Answers, ScoringContext } from '$lib/domain/instruments/types';
import type { Client } from '$lib/domain/core/records';
import type { UnlockedVault } from '$lib/vault/vault';

/**
 * Scores an administration (in code, never by a model) and stores it. A finding that needs a
 * same-day risk assessment (PHQ-9 item 9 above 0, C-SSRS moderate or high) raises a flag on
 * the client that names the session; the administration, the flag and their audit entries are
 * written in one transaction, so an answer that needs attention can never be stored unflagged.
 */
export interface AdministrationInput {
	client: Client;
	instrument: Instrument;
	answers: Answers;
	context: ScoringContext;
	sessionId: string | null;
	administeredBy: Assessment['administeredBy'];
	now?: Date;
	newId?: () => string;
}

export async function recordAssessment(
	vault: UnlockedVault,
	input: AdministrationInput
): Promise<{ assessment: Assessment; client: Client; flags: RiskFlag[] }> {
	const now = (input.now ?? new Date()).toISOString();
	const newId = input.newId ?? (() => crypto.randomUUID());
	// Only the questions that were asked are kept (C-SSRS skip logic): a stale answer to a
	// skipped question must not sit in the record looking like the client's answer.
	const answers = pruneHiddenAnswers(input.instrument, input.answers);
	const result = input.instrument.score(answers, input.context);
	const assessment: Assessment = {
		id: newId(),
		clientId: input.client.id,
		sessionId: input.sessionId,
		instrumentId: input.instrument.id,
		answers,
		context: input.context,
		administeredAt: now,
		administeredBy: input.administeredBy,
		result
	};
	const flags: RiskFlag[] = result.risk.map((finding) => ({
		id: newId(),
		raisedAt: now,
		assessmentId: assessment.id,
		sessionId: input.sessionId,
		instrumentId: input.instrument.id,
		finding,
		reviewedAt: null
	}));
	const writes = [await vault.assessments.prepare(assessment)];
	let client = input.client;
	if (flags.length) {
		client = { ...client, riskFlags: [...(client.riskFlags ?? []), ...flags] };
		// The audit detail names the administration, not the answer: the trail holds no PHI.
		writes.push(await vault.clients.prepare(client, { event: { action: 'risk.flag', detail: `assessment:${assessment.id}` } }));
	}
	await vault.putTogether(writes);
	return { assessment, client, flags };
}

/** The clinician has seen the flag and acted on it; the flag stays on the record, marked reviewed. */
export async function reviewRiskFlag(vault: UnlockedVault, client: Client, flagId: string, now = new Date()): Promise<Client> {
	const next: Client = {
		...client,
		riskFlags: (client.riskFlags ?? []).map((f) => (f.id === flagId && !f.reviewedAt ? { ...f, reviewedAt: now.toISOString() } : f))
	};
	await vault.clients.put(next, { event: { action: 'risk.review', detail: `flag:${flagId}` } });
	return next;
}
