import { AppError, toAppError } from '$lib/domain/core/app-error';
import type { Assessment } from '$lib/domain/instruments/assessment';
import { latestResult } from '$lib/domain/instruments/assessment-trend';
import { diffPlans } from '$lib/domain/plans/plan-diff';
import type { Client, Session } from '$lib/domain/core/records';
import { nextVersion, objectiveScore, signPlan, validatePlan, type PlanProblem, type TreatmentPlan } from '$lib/domain/plans/treatment-plan';
import { draftPlan } from '$lib/documents/plans/draft-plan';
import { exportPlan } from '$lib/documents/plans/plan-exports';
import { disclosurePrompt, exportRecord, type DisclosureRequest } from '$lib/documents/compliance/part2-export';
import type { Part2Consent } from '$lib/domain/compliance/consent';
import { today } from '$lib/domain/core/dates';
import { isPart2 } from '$lib/domain/compliance/part2-notice';
import { diagnosisByCode } from '$lib/domain/plans/icd10';
import { Autosaver } from '../common/autosave.svelte';
import { auditThrottle } from '../common/autosave-lifecycle';
import { vaultSession } from '../vault/vault-session.svelte';

/**
 * One treatment plan version on screen: the draft being edited (autosaved), or a signed
 * version that can only be updated into a new version. Every version of the series is loaded,
 * so the page can show the history and the diff from the previous version.
 */
export class PlanWorkspace {
	plan = $state<TreatmentPlan | null>(null);
	client = $state<Client | null>(null);
	series = $state<TreatmentPlan[]>([]);
	sessions = $state<Session[]>([]);
	assessments = $state<Assessment[]>([]);
	loading = $state(true);
	error = $state<AppError | null>(null);
	/** The client's Part 2 consents, to suggest recipients and purposes when the plan is disclosed. */
	consents = $state<Part2Consent[]>([]);
	disclosure = $derived(
		this.client && this.plan ? disclosurePrompt(this.client, vaultSession.settings, this.consents, `Treatment plan version ${this.plan.version}`) : null
	);
	drafting = $state<{ text: string; controller: AbortController } | null>(null);
	/** The problems before the last model draft replaced them: one step of undo. */
	undoProblems = $state<PlanProblem[] | null>(null);

	readonly #shouldAudit = auditThrottle();
	readonly saver = new Autosaver<TreatmentPlan>({
		// A draft may be half-written; it is stored as it is, and checked in full at signing.
		isValid: () => true,
		save: (plan) => vaultSession.vault.plans.put(plan, { audit: this.#shouldAudit() }).then(() => undefined)
	});

	errors = $derived(this.plan ? validatePlan(this.plan) : {});
	previous = $derived(this.plan?.previousVersionId ? (this.series.find((p) => p.id === this.plan!.previousVersionId) ?? null) : null);
	changes = $derived(this.plan && this.previous ? diffPlans(this.previous, this.plan) : []);
	latestVersion = $derived(Math.max(0, ...this.series.map((p) => p.version)));
	/** "PHQ-9 12 on 2026-03-02 (target below 10: not yet met)" beside each objective with a target. */
	objectiveScores = $derived(this.#objectiveScores());

	async load(id: string): Promise<void> {
		this.loading = true;
		try {
			const vault = vaultSession.vault;
			const plan = await vault.plans.get(id);
			const [plans, sessions, assessments, consents] = await Promise.all([
				vault.plans.where('clientId', plan.clientId),
				vault.sessions.where('clientId', plan.clientId),
				vault.assessments.where('clientId', plan.clientId),
				vault.consents.where('clientId', plan.clientId)
			]);
			this.consents = consents;
			this.plan = plan;
			this.client = vaultSession.clients.find((c) => c.id === plan.clientId) ?? null;
			this.series = plans.filter((p) => p.seriesId === plan.seriesId).sort((a, b) => a.version - b.version);
			this.sessions = sessions.sort((a, b) => b.date.localeCompare(a.date));
			this.assessments = assessments;
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}

	update(plan: TreatmentPlan): void {
		if (plan.status === 'signed') return;
		this.plan = plan;
		this.saver.schedule($state.snapshot(plan) as TreatmentPlan);
	}

	async sign(signer: string): Promise<void> {
		if (!this.plan) return;
		this.error = null;
		try {
			await this.saver.flush();
			const signed = signPlan($state.snapshot(this.plan) as TreatmentPlan, signer);
			await vaultSession.vault.plans.put(signed, { event: { action: 'plan.sign', detail: `sha256:${signed.contentHash}` } });
			this.plan = signed;
			this.series = this.series.map((p) => (p.id === signed.id ? signed : p));
		} catch (error) {
			this.error = toAppError(error);
		}
	}

	/** A signed version stays as it is; the update is a new draft version in the same series. */
	async newVersion(today: string): Promise<TreatmentPlan | null> {
		if (!this.plan) return null;
		try {
			const next = nextVersion($state.snapshot(this.plan) as TreatmentPlan, this.latestVersion, crypto.randomUUID(), today);
			await vaultSession.vault.plans.put(next);
			return next;
		} catch (error) {
			this.error = toAppError(error);
			return null;
		}
	}

	async draftFrom(sessionId: string, today: string): Promise<void> {
		const plan = this.plan;
		const client = this.client;
		const session = this.sessions.find((s) => s.id === sessionId);
		if (!plan || !client || plan.status === 'signed') return;
		if (!session?.content.trim()) {
			this.error = new AppError('record/invalid', { field: 'content' });
			return;
		}
		const controller = new AbortController();
		this.drafting = { text: '', controller };
		this.error = null;
		try {
			const result = await draftPlan({
				client,
				content: session.content,
				today,
				newId: () => crypto.randomUUID(),
				signal: controller.signal,
				onText: (text) => {
					if (this.drafting) this.drafting.text = text;
				}
			});
			this.undoProblems = $state.snapshot(plan.problems) as PlanProblem[];
			this.update({ ...plan, problems: result.problems, draftedWith: result.draftedWith });
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.drafting = null;
		}
	}

	/** The plan as shown, with the linked diagnoses and the latest score beside each target. */
	/** A Part 2 client's plan leaves only through the consent gate, to the recipient and for the purpose given. */
	async export(kind: 'pdf' | 'json', request?: DisclosureRequest): Promise<{ blob: Blob; fileName: string } | null> {
		const plan = this.plan;
		const found = this.client;
		if (!plan || !found) throw new AppError('record/not-found', { table: 'plans' });
		const settings = vaultSession.settings;
		const client = { ...found, part2: isPart2(found, settings ?? undefined) };
		await this.saver.flush();
		const codes = new Set(plan.problems.flatMap((p) => p.diagnosisCodes));
		const diagnoses = [...codes].map(
			(code) => client.diagnoses.find((d) => d.code === code) ?? diagnosisByCode(code) ?? { code, description: '' }
		);
		const doc = {
			client: { id: client.id, name: client.name, dateOfBirth: client.dateOfBirth, part2: client.part2 },
			plan: $state.snapshot(plan) as TreatmentPlan,
			diagnoses,
			objectiveScores: this.objectiveScores,
			assessments: this.assessments,
			practiceName: settings?.practice?.name ?? ''
		};
		const what = `Treatment plan version ${plan.version} (${kind === 'json' ? 'FHIR' : 'PDF'})`;
		return exportRecord(vaultSession.vault, { client, settings, recordKind: 'plan', recordId: plan.id, what, today: today(), request }, (attachment) =>
			exportPlan(vaultSession.vault, attachment ? { ...doc, part2Notice: attachment.notice, part2Consent: attachment.consentSummary } : doc, kind)
		);
	}

	undoDraft(): void {
		if (!this.plan || !this.undoProblems) return;
		this.update({ ...this.plan, problems: this.undoProblems });
		this.undoProblems = null;
	}

	#objectiveScores(): Record<string, string> {
		const scores: Record<string, string> = {};
		for (const problem of this.plan?.problems ?? []) {
			for (const goal of problem.goals) {
				for (const objective of goal.objectives) {
					if (!objective.instrumentTarget) continue;
					const latest = latestResult(this.assessments, objective.instrumentTarget.instrumentId);
					scores[objective.id] = objectiveScore(objective, latest ? { total: latest.result.total, administeredAt: latest.administeredAt } : null).text;
				}
			}
		}
		return scores;
	}
}
