import { AppError, toAppError } from '$lib/domain/core/app-error';
import type { Part2Consent } from '$lib/domain/compliance/consent';
import { today } from '$lib/domain/core/dates';
import type { Client, Session } from '$lib/domain/core/records';
import {
	activeSafetyPlan,
	newSafetyPlan,
	newestSafetyPlan,
	nextSafetyPlanVersion,
	safetyPlanGaps,
	signSafetyPlan,
	type SafetyPlan
} from '$lib/domain/safety/safety-plan';
import { entryText, mergeDraftIntoSteps, type SafetyPlanFlag } from '$lib/domain/safety/safety-plan-draft';
import { draftSafetyPlan } from '$lib/documents/safety/draft-safety-plan';
import { disclosurePrompt, type DisclosureRequest, type ExportFile } from '$lib/documents/compliance/part2-export';
import { exportSafetyPlanHandout, exportSafetyPlanRecord } from '$lib/documents/safety/safety-plan-exports';
import { Autosaver } from '../common/autosave.svelte';
import { auditThrottle } from '../common/autosave-lifecycle';
import { vaultSession } from '../vault/vault-session.svelte';

const snapshot = (plan: SafetyPlan) => $state.snapshot(plan) as SafetyPlan;

/**
 * The plan to open for a client: the newest version, or a new draft when there is none. A
 * session given links the draft to it (the crisis protocol sends the clinician here from one).
 */
export async function openClientSafetyPlan(clientId: string, sessionId: string | null): Promise<SafetyPlan> {
	const vault = vaultSession.vault;
	const newest = newestSafetyPlan(await vault.safetyPlans.where('clientId', clientId));
	if (!newest) {
		const phone = vaultSession.settings?.practice?.phone ?? '';
		const plan = newSafetyPlan(crypto.randomUUID(), clientId, sessionId, today(), vaultSession.profileName, phone);
		await vault.safetyPlans.put(plan);
		return plan;
	}
	if (newest.status === 'draft' && sessionId && newest.sessionId !== sessionId) {
		const linked = { ...newest, sessionId };
		await vault.safetyPlans.put(linked);
		return linked;
	}
	return newest;
}

/**
 * One safety plan version on screen: a draft being built with the client (autosaved), or a
 * signed version that can only be reviewed into a new version and exported.
 */
export class SafetyPlanEditor {
	plan = $state<SafetyPlan | null>(null);
	client = $state<Client | null>(null);
	series = $state<SafetyPlan[]>([]);
	sessions = $state<Session[]>([]);
	consents = $state<Part2Consent[]>([]);
	loading = $state(true);
	error = $state<AppError | null>(null);
	/** Drafted entries the session content does not support; kept until removed or confirmed. */
	flags = $state<SafetyPlanFlag[]>([]);
	drafting = $state<{ text: string; controller: AbortController } | null>(null);
	/** The last handout's fit: false means even 11 pt needed a second page. */
	handoutFit = $state<{ fits: boolean; fontSize: number } | null>(null);

	readonly #shouldAudit = auditThrottle();
	readonly saver = new Autosaver<SafetyPlan>({
		// A draft may be half-built; it is stored as it is and checked in full at signing.
		isValid: () => true,
		save: (plan) => vaultSession.vault.safetyPlans.put(plan, { audit: this.#shouldAudit() }).then(() => undefined)
	});

	gaps = $derived(this.plan ? safetyPlanGaps(this.plan, today()) : []);
	latestVersion = $derived(Math.max(0, ...this.series.map((p) => p.version)));
	disclosure = $derived(
		this.client && this.plan
			? disclosurePrompt(this.client, vaultSession.settings, this.consents, `Safety plan version ${this.plan.version} (record copy)`)
			: null
	);

	async load(id: string): Promise<void> {
		this.loading = true;
		try {
			const vault = vaultSession.vault;
			const plan = await vault.safetyPlans.get(id);
			const [plans, sessions, consents] = await Promise.all([
				vault.safetyPlans.where('clientId', plan.clientId),
				vault.sessions.where('clientId', plan.clientId),
				vault.consents.where('clientId', plan.clientId)
			]);
			this.plan = plan;
			this.client = vaultSession.clients.find((c) => c.id === plan.clientId) ?? null;
			this.series = plans.filter((p) => p.seriesId === plan.seriesId).sort((a, b) => a.version - b.version);
			this.sessions = sessions.sort((a, b) => b.date.localeCompare(a.date));
			this.consents = consents;
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}

	update(plan: SafetyPlan): void {
		if (plan.status === 'signed') return;
		this.plan = plan;
		const shown = new Set(allEntries(plan));
		this.flags = this.flags.filter((f) => shown.has(`${f.step}|${f.entry}`));
		this.saver.schedule(snapshot(plan));
	}

	/** The clinician checked a flagged entry with the client and keeps it. */
	dismissFlag(flag: SafetyPlanFlag): void {
		this.flags = this.flags.filter((f) => f !== flag);
	}

	async sign(signer: string): Promise<void> {
		if (!this.plan) return;
		this.error = null;
		try {
			await this.saver.flush();
			const signed = signSafetyPlan(snapshot(this.plan), signer);
			await vaultSession.vault.safetyPlans.put(signed, { event: { action: 'safety-plan.sign', detail: `sha256:${signed.contentHash}` } });
			this.plan = signed;
			this.flags = [];
			this.series = this.series.map((p) => (p.id === signed.id ? signed : p));
		} catch (error) {
			this.error = toAppError(error);
		}
	}

	/** A signed version stays as it is; the review is a new draft version in the same series. */
	async review(sessionId: string | null): Promise<SafetyPlan | null> {
		if (!this.plan) return null;
		try {
			const next = nextSafetyPlanVersion(snapshot(this.plan), this.latestVersion, crypto.randomUUID(), today(), sessionId ?? this.plan.sessionId);
			await vaultSession.vault.safetyPlans.put(next);
			return next;
		} catch (error) {
			this.error = toAppError(error);
			return null;
		}
	}

	/** Adds entries drafted from a session's content; the client's own entries stay first and unchanged. */
	async draftFrom(sessionId: string): Promise<void> {
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
			const result = await draftSafetyPlan({
				client,
				content: session.content,
				signal: controller.signal,
				onText: (text) => {
					if (this.drafting) this.drafting.text = text;
				}
			});
			const steps = mergeDraftIntoSteps(snapshot(plan).steps, result.steps);
			this.flags = [...this.flags, ...result.flags];
			this.update({ ...plan, steps, sessionId: plan.sessionId ?? sessionId, draftedWith: result.draftedWith });
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.drafting = null;
		}
	}

	async exportHandout(): Promise<ExportFile> {
		const plan = this.#signedPlan();
		const handout = await exportSafetyPlanHandout(vaultSession.vault, plan);
		this.handoutFit = { fits: handout.fits, fontSize: handout.fontSize };
		return { blob: handout.blob, fileName: handout.fileName };
	}

	/** A Part 2 client's copy leaves only through the consent gate, to the recipient and for the purpose given. */
	async exportRecord(request?: DisclosureRequest): Promise<ExportFile | null> {
		const plan = this.#signedPlan();
		if (!this.client) throw new AppError('record/not-found', { table: 'clients' });
		const settings = vaultSession.settings;
		return exportSafetyPlanRecord(vaultSession.vault, {
			plan,
			client: $state.snapshot(this.client) as Client,
			clinicianName: plan.signedBy ?? vaultSession.profileName,
			practice: settings?.practice ?? null,
			settings,
			today: today(),
			request
		});
	}

	#signedPlan(): SafetyPlan {
		if (!this.plan) throw new AppError('record/not-found', { table: 'safetyPlans' });
		// Refused again in the pipeline; checked here so nothing is flushed for an unsigned plan.
		if (this.plan.status !== 'signed') throw new AppError('client-document/not-signed', { id: this.plan.id });
		return snapshot(this.plan);
	}
}

/** "step|text" for every entry on screen, to drop flags of entries that were removed. */
function allEntries(plan: SafetyPlan): string[] {
	return Object.entries(plan.steps).flatMap(([step, list]: [string, (string | { name: string; contact: string })[]]) =>
		list.map((entry) => `${step}|${entryText(entry)}`)
	);
}

/** The client page's view of the safety plan: the newest version and the one in force. */
export class ClientSafetyPlanSummary {
	readonly clientId: string;
	plans = $state<SafetyPlan[]>([]);
	loading = $state(true);
	error = $state<AppError | null>(null);
	current = $derived(newestSafetyPlan(this.plans));
	active = $derived(activeSafetyPlan(this.plans));

	constructor(clientId: string) {
		this.clientId = clientId;
	}

	async load(): Promise<void> {
		this.loading = true;
		try {
			this.plans = await vaultSession.vault.safetyPlans.where('clientId', this.clientId);
			this.error = null;
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}
}
