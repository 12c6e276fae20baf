import type { Assessment } from '$lib/domain/assessment';
import { AppError, toAppError } from '$lib/domain/app-error';
import type { TreatmentPlan } from '$lib/domain/treatment-plan';
import { recordAssessment, reviewRiskFlag, type AdministrationInput } from '$lib/documents/record-assessment';
import { vaultSession } from './vault-session.svelte';

/**
 * One client's administrations and plan versions, decrypted for the page that shows them and
 * dropped with it. Records that fail their integrity check are reported, never skipped silently.
 */
export class ClientRecords {
	readonly clientId: string;
	assessments = $state<Assessment[]>([]);
	plans = $state<TreatmentPlan[]>([]);
	loading = $state(true);
	error = $state<AppError | null>(null);

	constructor(clientId: string) {
		this.clientId = clientId;
	}

	async load(): Promise<void> {
		this.loading = true;
		try {
			const vault = vaultSession.vault;
			const [assessments, plans] = await Promise.all([
				vault.assessments.where('clientId', this.clientId),
				vault.plans.where('clientId', this.clientId)
			]);
			this.assessments = assessments.sort((a, b) => a.administeredAt.localeCompare(b.administeredAt));
			this.plans = plans.sort((a, b) => a.version - b.version);
			this.error = null;
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}

	async administer(input: Omit<AdministrationInput, 'client'>): Promise<Assessment> {
		const client = vaultSession.clients.find((c) => c.id === this.clientId);
		if (!client) throw new AppError('record/not-found', { table: 'clients' });
		const saved = await recordAssessment(vaultSession.vault, { ...input, client: $state.snapshot(client) as typeof client });
		vaultSession.clientSaved(saved.client);
		this.assessments = [...this.assessments, saved.assessment];
		return saved.assessment;
	}

	async reviewFlag(flagId: string): Promise<void> {
		const client = vaultSession.clients.find((c) => c.id === this.clientId);
		if (!client) return;
		vaultSession.clientSaved(await reviewRiskFlag(vaultSession.vault, $state.snapshot(client) as typeof client, flagId));
	}
}
