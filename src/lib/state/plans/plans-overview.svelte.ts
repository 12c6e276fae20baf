import { toAppError, type AppError } from '$lib/domain/core/app-error';
import { latestVersions, reviewsDue, type TreatmentPlan } from '$lib/domain/plans/treatment-plan';
import { vaultSession } from '../vault/vault-session.svelte';

/** Every client's plans, for the dashboard of reviews due and the plan list. */
export class PlansOverview {
	plans = $state<TreatmentPlan[]>([]);
	loading = $state(true);
	error = $state<AppError | null>(null);
	/** Plan versions that did not decrypt: reported, never left out silently. */
	unreadable = $state(0);

	latest = $derived(latestVersions(this.plans));

	async load(): Promise<void> {
		try {
			const { records, failures } = await vaultSession.vault.plans.readAll();
			this.plans = records;
			this.unreadable = failures.length;
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}

	due(today: string, withinDays = 30) {
		return reviewsDue(this.plans, today, withinDays);
	}
}
