import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
	completeCrisisProtocol,
	crisisNoteRequest,
	draftCrisisNote,
	openCrisisProtocol,
	recordCrisisStep,
	saveCrisisDraft,
	unrecordCrisisStep
} from '$lib/documents/safety/crisis';
import { recordAssessment } from '$lib/documents/instruments/record-assessment';
import { crisisNoteGrounding, riskNoteOutline, validateCrisisNote } from '$lib/domain/safety/crisis-note';
import {
	CRISIS_STEP_LABELS,
	CRISIS_STEPS,
	completeProtocol,
	emergencyOutcome,
	existingProtocol,
	markStep,
	newCrisisProtocol,
	protocolGaps,
	triggerFromFlag,
	triggerFromSessionContent,
	unmarkStep,
	withEmergencyOutcome,
	type CrisisProtocol,
	type CrisisStepId
} from '$lib/domain/safety/crisis-protocol';
import { instrument } from '$lib/domain/instruments/registry';
import { newClient, type Client } from '$lib/domain/core/records';
import { engineStatus } from '$lib/inference/engine-status.svelte';
import { createVault } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { ScriptedEngine, tokenize } from '../doubles/scripted-engine';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

/** Local times, so the expected "YYYY-MM-DD HH:MM" stamps hold in any time zone. */
const at = (hour: number, minute: number) => new Date(2026, 2, 2, hour, minute);
const trigger = { source: 'phq9-item9' as const, flagId: 'f1', summary: 'PHQ-9 item 9 answered "Several days". Assess risk today.' };
const fresh = () => newCrisisProtocol('p1', 'c1', 's1', trigger, at(14, 0));

/** Every step done, with the emergency-services answer the step needs. */
function allDone(protocol: CrisisProtocol = fresh()): CrisisProtocol {
	let p = protocol;
	CRISIS_STEPS.forEach((step, i) => {
		const note = step === 'emergency-services' ? 'Not needed: client agreed to stay with her sister tonight.' : `Recorded ${step}.`;
		p = markStep(p, step, note, at(14, 5 + i));
	});
	return p;
}

describe('the crisis protocol checklist', () => {
	it('has the seven steps in order, with plain clinical labels, none done when opened', () => {
		const p = fresh();
		expect(CRISIS_STEPS.map((s) => CRISIS_STEP_LABELS[s])).toEqual([
			'C-SSRS screener completed',
			'Risk formulation documented',
			'Safety plan created or reviewed',
			'Lethal-means counselling done',
			'Consultation or supervisor informed',
			'Emergency services contacted, if needed',
			'Follow-up scheduled'
		]);
		expect(p.status).toBe('open');
		expect(protocolGaps(p)).toEqual([...CRISIS_STEPS]);
	});

	it('records when a step was done and what was noted', () => {
		const p = markStep(fresh(), 'cssrs', ' Moderate risk on the screener. ', at(14, 10));
		expect(p.steps.cssrs).toEqual({ doneAt: at(14, 10).toISOString(), note: 'Moderate risk on the screener.' });
		expect(protocolGaps(p)).not.toContain('cssrs');
	});

	it('keeps the first time when a done step is marked again, and dates the edit in the note', () => {
		const first = markStep(fresh(), 'follow-up', 'Call booked Thursday.', at(14, 10));
		const edited = markStep(first, 'follow-up', 'Call booked Thursday 10:00.', at(14, 30));
		expect(edited.steps['follow-up'].doneAt).toBe(at(14, 10).toISOString());
		expect(edited.steps['follow-up'].note).toBe('Call booked Thursday 10:00.\n(Edited 2026-03-02 14:30)');
		// Marking again with the text shown (edit mark included) changes nothing.
		expect(markStep(edited, 'follow-up', edited.steps['follow-up'].note, at(15, 0))).toBe(edited);
	});

	it('takes a mark back while open, keeping the note', () => {
		const p = unmarkStep(markStep(fresh(), 'consultation', 'Spoke with Dr. Ames.', at(14, 10)), 'consultation');
		expect(p.steps.consultation).toEqual({ doneAt: null, note: 'Spoke with Dr. Ames.' });
		expect(protocolGaps(p)).toContain('consultation');
	});

	it('counts the emergency-services step only as "contacted", or "not needed" with a reason', () => {
		const p = fresh();
		expect(codeOfSync(() => markStep(p, 'emergency-services', 'Discussed.', at(14, 10)))).toEqual(['record/invalid', 'outcome']);
		expect(codeOfSync(() => markStep(p, 'emergency-services', 'Emergency services not needed: ', at(14, 10)))).toEqual(['record/invalid', 'reason']);
		const contacted = markStep(p, 'emergency-services', 'Contacted', at(14, 10));
		expect(protocolGaps(contacted)).not.toContain('emergency-services');
		expect(contacted.steps['emergency-services'].note).toBe('Emergency services contacted.');
		const notNeeded = markStep(p, 'emergency-services', 'Not needed: safe with family tonight.', at(14, 10));
		expect(protocolGaps(notNeeded)).not.toContain('emergency-services');
		expect(notNeeded.steps['emergency-services'].note).toBe('Emergency services not needed: safe with family tonight.');
		// A stored note that lost its answer (older data) still counts as not done.
		const broken = { ...notNeeded, steps: { ...notNeeded.steps, 'emergency-services': { doneAt: at(14, 10).toISOString(), note: 'Talked.' } } };
		expect(protocolGaps(broken)).toContain('emergency-services');
	});

	it('switches the emergency-services answer without losing what follows it', () => {
		const note = withEmergencyOutcome('Emergency services not needed: safe with family.', 'contacted');
		expect(note).toBe('Emergency services contacted: safe with family.');
		expect(emergencyOutcome(note)).toEqual({ outcome: 'contacted', rest: 'safe with family.' });
		expect(withEmergencyOutcome('', 'not-needed')).toBe('Emergency services not needed: ');
	});

	it('completes only when every step is done, naming the steps that are missing', () => {
		const partial = markStep(fresh(), 'cssrs', 'Done.', at(14, 10));
		let refused: unknown;
		try {
			completeProtocol(partial, at(15, 0));
		} catch (e) {
			refused = e;
		}
		expect(refused).toMatchObject({ code: 'record/invalid', details: { missing: CRISIS_STEPS.filter((s) => s !== 'cssrs').join(','), count: 6 } });
		const done = completeProtocol(allDone(), at(15, 0));
		expect(done).toMatchObject({ status: 'completed', completedAt: at(15, 0).toISOString() });
	});

	it('refuses any change to a completed protocol', () => {
		const done = completeProtocol(allDone(), at(15, 0));
		expect(codeOfSync(() => markStep(done, 'cssrs', 'Changed.', at(15, 5)))[0]).toBe('crisis/completed');
		expect(codeOfSync(() => unmarkStep(done, 'cssrs'))[0]).toBe('crisis/completed');
		expect(codeOfSync(() => completeProtocol(done, at(15, 5)))[0]).toBe('crisis/completed');
	});
});

describe('what opens the protocol', () => {
	it('takes a PHQ-9 flag as "phq9-item9" and a C-SSRS flag as "cssrs", with the finding in its own words', () => {
		const finding = { kind: 'phq9-item9' as const, level: 'moderate' as const, summary: 'PHQ-9 item 9 answered "Several days".' };
		const flag = { id: 'f9', raisedAt: '', assessmentId: 'a1', sessionId: 's1', instrumentId: 'phq9' as const, finding, reviewedAt: null };
		expect(triggerFromFlag(flag)).toEqual({ source: 'phq9-item9', flagId: 'f9', summary: finding.summary });
		const cssrs = { ...flag, instrumentId: 'cssrs-screener' as const, finding: { ...finding, kind: 'cssrs-risk' as const } };
		expect(triggerFromFlag(cssrs).source).toBe('cssrs');
	});

	it('names the risk topics of the session content, not its sentences', () => {
		const t = triggerFromSessionContent('Client: I have been thinking about killing myself since Friday.');
		expect(t).toMatchObject({ source: 'session-content', flagId: null });
		expect(t.summary).toBe('The session content mentions suicidal ideation.');
	});

	it('finds the open protocol already started for the same flag or the same session', () => {
		const fromFlag = fresh();
		const fromSession = newCrisisProtocol('p2', 'c1', 's2', { source: 'session-content', flagId: null, summary: '' }, at(9, 0));
		expect(existingProtocol([fromSession, fromFlag], { ...trigger }, 's1')).toBe(fromFlag);
		expect(existingProtocol([fromFlag, fromSession], { source: 'session-content', flagId: null, summary: 'x' }, 's2')).toBe(fromSession);
		expect(existingProtocol([fromFlag, fromSession], { source: 'session-content', flagId: null, summary: 'x' }, 's3')).toBeNull();
		expect(existingProtocol([fromFlag], { ...trigger, flagId: 'other' }, 's1')).toBeNull();
	});
});

describe('the risk assessment note', () => {
	it('says what opened the protocol and each step with its time and note, and "Not documented" for the rest', () => {
		const p = markStep(markStep(fresh(), 'cssrs', 'Screener: moderate risk.', at(14, 10)), 'emergency-services', 'Not needed: safe with sister.', at(14, 20));
		const outline = riskNoteOutline(p);
		expect(outline.split('\n')).toEqual([
			'Crisis protocol opened on 2026-03-02 14:00.',
			'Reason for the protocol: PHQ-9 item 9 answered above 0. PHQ-9 item 9 answered "Several days". Assess risk today.',
			'C-SSRS screener completed (recorded 2026-03-02 14:10). Screener: moderate risk.',
			'Risk formulation documented: Not documented.',
			'Safety plan created or reviewed: Not documented.',
			'Lethal-means counselling done: Not documented.',
			'Consultation or supervisor informed: Not documented.',
			'Emergency services contacted, if needed (recorded 2026-03-02 14:20). Emergency services not needed: safe with sister.',
			'Follow-up scheduled: Not documented.',
			'The crisis protocol is not completed yet.'
		]);
	});

	it('never states a finding the clinician did not record', () => {
		const outline = riskNoteOutline(fresh());
		expect(outline).not.toMatch(/\bdenie[sd]\b|low risk|no risk|\bsafe\b|\bcontacted\b(?!, if needed)|plan in place/i);
		expect(outline.match(/Not documented/g)).toHaveLength(7);
	});

	it('is grounded in what was recorded when written by the outline, and flags a time or finding that was not', () => {
		const p = allDone();
		expect(crisisNoteGrounding(p, riskNoteOutline(p)).flaggedCount).toBe(0);
		const invented = crisisNoteGrounding(
			p,
			'The client endorsed suicidal ideation with a plan to overdose. Emergency services were called at 2026-03-02 16:45.'
		);
		const flags = invented.sentences.flatMap((s) => s.flags.map((f) => `${f.kind} ${f.text}`));
		expect(flags).toEqual(expect.arrayContaining(['risk suicidal', 'date 16:45']));
		// A faithful rewording of a recorded step is not flagged.
		expect(crisisNoteGrounding(p, 'The C-SSRS screener was completed at 2026-03-02 14:05.').flaggedCount).toBe(0);
	});

	it('accepts from a model one non-empty note and nothing else', () => {
		expect(validateCrisisNote({ note: ' Risk assessed. ' })).toEqual({ note: 'Risk assessed.' });
		expect(codeOfSync(() => validateCrisisNote({ note: '' }))[0]).toBe('inference/invalid-output');
		expect(codeOfSync(() => validateCrisisNote({ note: 'x', risk: 'high' }))[0]).toBe('inference/invalid-output');
	});

	it('asks the model to reword the recorded facts only, keeping "Not documented"', () => {
		const request = crisisNoteRequest(fresh());
		expect(request.prompt).toContain(riskNoteOutline(fresh()));
		expect(request.system).toContain('Not documented');
		expect(request.outline?.()).toEqual({ note: riskNoteOutline(fresh()) });
	});
});

describe('drafting the risk assessment note', () => {
	const modelSpec = { modelId: 'scripted', modelUrl: '', modelLibUrl: '', contextWindow: 4096, requiredFeatures: [], vramRequiredMB: 0 };
	afterEach(() => engineStatus.unload());

	it('without a model is the outline itself, with nothing flagged', async () => {
		const p = allDone();
		const result = await draftCrisisNote({ client: newClient('c1'), protocol: p, onText: () => undefined });
		expect(result).toMatchObject({ note: riskNoteOutline(p), draftedWith: 'outline' });
		expect(result.grounding.flaggedCount).toBe(0);
	});

	it('refuses to send the recorded steps to a model for a client without AI consent', async () => {
		await engineStatus.load(new ScriptedEngine({ tokens: tokenize(JSON.stringify({ note: 'x' })), intervalMs: 0 }), modelSpec);
		let streamed = '';
		const attempt = draftCrisisNote({ client: newClient('c1'), protocol: allDone(), onText: (t) => (streamed = t) });
		expect(await codeOf(attempt)).toBe('note/no-ai-consent');
		expect(streamed).toBe('');
	});
});

describe('the crisis protocol in the record', () => {
	beforeEach(async () => {
		for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
	});

	async function flaggedClient(): Promise<{ vault: UnlockedVault; client: Client; flagId: string }> {
		const vault = new UnlockedVault(await createVault(fastDeps, { displayName: 'Dr. Crisis', passphrase: PASSPHRASE }));
		const client = { ...newClient('c1'), name: 'Robin Case' };
		await vault.clients.put(client);
		const answers = { '1': 1, '2': 1, '3': 1, '4': 1, '5': 0, '6': 0, '7': 0, '8': 0, '9': 1 };
		const saved = await recordAssessment(vault, { client, instrument: instrument('phq9'), answers, context: {}, sessionId: 's1', administeredBy: 'client' });
		return { vault, client: saved.client, flagId: saved.flags[0]!.id };
	}

	const open = (vault: UnlockedVault, client: Client, flagId: string) => {
		const flag = client.riskFlags!.find((f) => f.id === flagId)!;
		return openCrisisProtocol(vault, { clientId: client.id, sessionId: flag.sessionId, trigger: triggerFromFlag(flag) });
	};
	const crisisEntries = async (vault: UnlockedVault) =>
		(await vault.auditEntries()).filter((e) => e.action.startsWith('crisis.')).map((e) => `${e.action} ${e.detail}`);

	it('opens once per flag: opening from the same flag again reopens the same protocol', async () => {
		const { vault, client, flagId } = await flaggedClient();
		const first = await open(vault, client, flagId);
		const again = await open(vault, client, flagId);
		expect(first.created).toBe(true);
		expect(again).toEqual({ protocol: first.protocol, created: false });
		expect(await vault.crisisProtocols.where('clientId', 'c1')).toHaveLength(1);
		expect(await crisisEntries(vault)).toEqual(['crisis.open source:phq9-item9']);
	});

	it('a PHQ-9 with item 9 above 0 leads to a completed protocol with every step in the audit trail and the flag reviewed', async () => {
		const { vault, client, flagId } = await flaggedClient();
		let { protocol } = await open(vault, client, flagId);
		for (const step of CRISIS_STEPS) {
			const note = step === 'emergency-services' ? 'Not needed: Robin agreed to stay with her sister.' : `Robin: ${step} done.`;
			protocol = await recordCrisisStep(vault, protocol, step, note);
		}
		const result = await completeCrisisProtocol(vault, protocol, client);
		expect((await vault.crisisProtocols.get(protocol.id)).status).toBe('completed');
		expect(result.client.riskFlags!.find((f) => f.id === flagId)!.reviewedAt).not.toBeNull();
		expect((await vault.clients.get('c1')).riskFlags![0]!.reviewedAt).not.toBeNull();
		expect(await crisisEntries(vault)).toEqual([
			'crisis.open source:phq9-item9',
			...CRISIS_STEPS.map((s: CrisisStepId) => `crisis.step step:${s}`),
			'crisis.complete source:phq9-item9'
		]);
		const entries = await vault.auditEntries();
		expect(entries.map((e) => e.action)).toContain('risk.review');
		// The trail names steps and records, never what the clinician wrote.
		expect(JSON.stringify(entries)).not.toMatch(/Robin|sister|Several days/);
		expect((await vault.verifyAudit()).intact).toBe(true);
	});

	it('records taking a mark back, and writes nothing when a step is marked again unchanged', async () => {
		const { vault, client, flagId } = await flaggedClient();
		let { protocol } = await open(vault, client, flagId);
		protocol = await recordCrisisStep(vault, protocol, 'cssrs', 'Moderate.');
		protocol = await recordCrisisStep(vault, protocol, 'cssrs', 'Moderate.');
		protocol = await unrecordCrisisStep(vault, protocol, 'cssrs');
		expect((await vault.crisisProtocols.get(protocol.id)).steps.cssrs.doneAt).toBeNull();
		expect(await crisisEntries(vault)).toEqual(['crisis.open source:phq9-item9', 'crisis.step step:cssrs', 'crisis.step step:cssrs:unmarked']);
	});

	it('refuses to complete with a step missing, and stores nothing', async () => {
		const { vault, client, flagId } = await flaggedClient();
		const { protocol } = await open(vault, client, flagId);
		expect(await codeOf(completeCrisisProtocol(vault, protocol, client))).toBe('record/invalid');
		expect((await vault.crisisProtocols.get(protocol.id)).status).toBe('open');
		expect((await vault.clients.get('c1')).riskFlags![0]!.reviewedAt).toBeNull();
	});

	it('never rewrites a completed protocol, even from a copy opened before it was completed', async () => {
		const { vault, client, flagId } = await flaggedClient();
		const { protocol } = await open(vault, client, flagId);
		const stale = allDone({ ...protocol });
		await saveCrisisDraft(vault, stale, false);
		await completeCrisisProtocol(vault, stale, client);
		expect(await codeOf(saveCrisisDraft(vault, { ...stale, riskNote: 'Rewritten.' }, true))).toBe('crisis/completed');
		expect(await codeOf(recordCrisisStep(vault, { ...stale, steps: { ...stale.steps, cssrs: { doneAt: null, note: '' } } }, 'cssrs', 'x'))).toBe(
			'crisis/completed'
		);
		expect((await vault.crisisProtocols.get(protocol.id)).riskNote).toBe('');
	});

	it('opens a protocol from a completed one’s flag as that completed protocol, not a new one', async () => {
		const { vault, client, flagId } = await flaggedClient();
		const { protocol } = await open(vault, client, flagId);
		const done = await completeCrisisProtocol(vault, allDone(protocol), client);
		const again = await open(vault, done.client, flagId);
		expect(again).toMatchObject({ created: false, protocol: { id: protocol.id, status: 'completed' } });
	});
});

/** The code a synchronous call throws with, and what it says is missing. */
function codeOfSync(fn: () => unknown): [string, unknown?] {
	try {
		fn();
	} catch (e) {
		const err = e as { code?: string; details?: { missing?: unknown } };
		return err.details?.missing === undefined ? [err.code ?? ''] : [err.code ?? '', err.details.missing];
	}
	return ['returned'];
}
