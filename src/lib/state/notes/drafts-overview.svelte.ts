import { toAppError, type AppError } from '$lib/domain/core/app-error';
import type { PlansOverview } from '../plans/plans-overview.svelte';
import { vaultSession } from '../vault/vault-session.svelte';

/** A document still waiting for the clinician's review and signature. */
export interface UnsignedDraft {
	id: string;
	clientId: string;
	kind: 'Progress note' | 'Treatment plan' | 'Safety plan' | 'Worksheet' | 'Letter';
	href: string;
}

/**
 * Every draft on this profile that nobody has signed yet, for Today: a draft that is never
 * signed is a note that never reaches the record. Records that do not decrypt are counted,
 * never silently left out. Plan drafts come from the plans Today has already read.
 */
export class DraftsOverview {
	readonly #plans: PlansOverview;
	#others = $state<UnsignedDraft[]>([]);
	unreadable = $state(0);
	loading = $state(true);
	error = $state<AppError | null>(null);

	readonly drafts: UnsignedDraft[];

	constructor(plans: PlansOverview) {
		this.#plans = plans;
		this.drafts = $derived([
			...this.#others,
			...this.#plans.plans
				.filter((p) => p.status === 'draft')
				.map((p) => ({ id: p.id, clientId: p.clientId, kind: 'Treatment plan' as const, href: `/plans/${p.id}` }))
		]);
	}

	async load(): Promise<void> {
		try {
			const vault = vaultSession.vault;
			const [notes, safetyPlans, documents] = await Promise.all([
				vault.notes.readAll(),
				vault.safetyPlans.readAll(),
				vault.clientDocuments.readAll()
			]);
			this.unreadable = [notes, safetyPlans, documents].reduce((n, r) => n + r.failures.length, 0);
			this.#others = [
				...notes.records
					.filter((n) => n.status === 'draft')
					.map((n) => ({ id: n.id, clientId: n.clientId, kind: 'Progress note' as const, href: `/sessions/${n.sessionId}` })),
				...safetyPlans.records
					.filter((p) => p.status === 'draft')
					.map((p) => ({ id: p.id, clientId: p.clientId, kind: 'Safety plan' as const, href: `/safety-plans/${p.id}` })),
				...documents.records
					.filter((d) => d.status === 'draft')
					.map((d) => ({
						id: d.id,
						clientId: d.clientId,
						kind: d.kind === 'letter' ? ('Letter' as const) : ('Worksheet' as const),
						href: `/client-documents/${d.id}`
					}))
			];
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.loading = false;
		}
	}
}
