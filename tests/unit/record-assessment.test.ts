import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { recordAssessment, reviewRiskFlag } from '$lib/documents/instruments/record-assessment';
import { instrument } from '$lib/domain/instruments/registry';
import { newClient, type Client } from '$lib/domain/core/records';
import { newPlan, signPlan, type TreatmentPlan } from '$lib/domain/plans/treatment-plan';
import { createVault } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

async function vaultWithClient(): Promise<{ vault: UnlockedVault; client: Client }> {
	const vault = new UnlockedVault(await createVault(fastDeps, { displayName: 'Dr. Flag', passphrase: PASSPHRASE }));
	const client = { ...newClient('c1'), name: 'Robin Case' };
	await vault.clients.put(client);
	return { vault, client };
}

const phq9 = (item9: number) => ({ '1': 1, '2': 1, '3': 1, '4': 1, '5': 0, '6': 0, '7': 0, '8': 0, '9': item9 });
const actions = async (vault: UnlockedVault) => (await vault.auditEntries()).map((e) => e.action);

describe('storing an administration', () => {
	it('stores the score computed in code and, for PHQ-9 item 9 above 0, flags the client and the session in the audit trail', async () => {
		const { vault, client } = await vaultWithClient();
		const saved = await recordAssessment(vault, {
			client,
			instrument: instrument('phq9'),
			answers: phq9(1),
			context: {},
			sessionId: 's1',
			administeredBy: 'client'
		});
		expect(saved.assessment.result.total).toBe(5);
		expect(saved.assessment.result.band.label).toBe('Mild');
		const stored = await vault.clients.get('c1');
		expect(stored.riskFlags).toHaveLength(1);
		expect(stored.riskFlags![0]).toMatchObject({ sessionId: 's1', assessmentId: saved.assessment.id, reviewedAt: null });
		expect(stored.riskFlags![0]!.finding.kind).toBe('phq9-item9');
		expect((await vault.assessments.where('clientId', 'c1')).map((a) => a.id)).toEqual([saved.assessment.id]);
		const entries = await vault.auditEntries();
		const flag = entries.find((e) => e.action === 'risk.flag')!;
		expect(flag).toMatchObject({ recordKind: 'client', recordId: 'c1', detail: `assessment:${saved.assessment.id}` });
		// The trail names records, never answers or names.
		expect(JSON.stringify(entries)).not.toMatch(/Robin|item 9|Several days/);
		expect((await vault.verifyAudit()).intact).toBe(true);
	});

	it('raises no flag when item 9 is 0', async () => {
		const { vault, client } = await vaultWithClient();
		await recordAssessment(vault, { client, instrument: instrument('phq9'), answers: phq9(0), context: {}, sessionId: null, administeredBy: 'clinician' });
		expect((await vault.clients.get('c1')).riskFlags).toEqual([]);
		expect(await actions(vault)).not.toContain('risk.flag');
	});

	it('flags a C-SSRS at moderate risk and drops an answer to a question that was not asked', async () => {
		const { vault, client } = await vaultWithClient();
		const saved = await recordAssessment(vault, {
			client,
			instrument: instrument('cssrs-screener'),
			// Question 3 was answered before question 2 changed to No: it was not asked, so it is not kept.
			answers: { '1': 1, '2': 0, '3': 1, '6': 1, '6b': 0 },
			context: {},
			sessionId: null,
			administeredBy: 'clinician'
		});
		expect(saved.assessment.answers).toEqual({ '1': 1, '2': 0, '6': 1, '6b': 0 });
		expect(saved.assessment.result.riskLevel).toBe('moderate');
		expect(saved.flags.map((f) => f.finding.level)).toEqual(['moderate']);
	});

	it('refuses an incomplete answer set and stores nothing', async () => {
		const { vault, client } = await vaultWithClient();
		const { '4': _, ...missing } = phq9(1);
		const attempt = recordAssessment(vault, { client, instrument: instrument('phq9'), answers: missing, context: {}, sessionId: null, administeredBy: 'client' });
		expect(await codeOf(attempt)).toBe('assessment/incomplete');
		expect(await vault.assessments.where('clientId', 'c1')).toEqual([]);
		expect((await vault.clients.get('c1')).riskFlags).toEqual([]);
	});

	it('marks a flag reviewed, keeps it on the record, and audits the review', async () => {
		const { vault, client } = await vaultWithClient();
		const saved = await recordAssessment(vault, { client, instrument: instrument('phq9'), answers: phq9(2), context: {}, sessionId: null, administeredBy: 'client' });
		const reviewed = await reviewRiskFlag(vault, saved.client, saved.flags[0]!.id, new Date('2026-11-26T12:00:00Z'));
		expect(reviewed.riskFlags![0]!.reviewedAt).toBe('2026-11-26T12:00:00.000Z');
		expect((await vault.clients.get('c1')).riskFlags![0]!.reviewedAt).toBe('2026-11-26T12:00:00.000Z');
		expect(await actions(vault)).toContain('risk.review');
	});
});

describe('stored plan versions', () => {
	it('refuses to rewrite a signed plan version, and stores the signing in the audit trail', async () => {
		const { vault } = await vaultWithClient();
		const draft: TreatmentPlan = {
			...newPlan('p1', 'c1', '2026-11-26', 'Dr. Flag'),
			problems: [{ id: 'pr1', text: 'Low mood', diagnosisCodes: ['F32.1'], goals: [], interventions: [] }]
		};
		const signed = signPlan(draft, 'Dr. Flag');
		await vault.plans.put(signed, { event: { action: 'plan.sign', detail: `sha256:${signed.contentHash}` } });
		const tampered = { ...signed, problems: [{ ...signed.problems[0]!, text: 'Changed after signing' }] };
		expect(await codeOf(vault.plans.put(tampered))).toBe('plan/signed');
		expect((await vault.plans.get('p1')).problems[0]!.text).toBe('Low mood');
		expect(await actions(vault)).toContain('plan.sign');
	});
});
