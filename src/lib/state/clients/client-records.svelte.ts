import type { Assessment } from '$lib/domain/instruments/assessment';
import { AppError, toAppError } from '$lib/domain/core/app-error';
import type { TreatmentPlan } from '$lib/domain/plans/treatment-plan';
import { recordAssessment, reviewRiskFlag, type AdministrationInput } from '$lib/documents/instruments/record-assessment';
import { accountingPdf } from '$lib/documents/compliance/accounting-export';
import { revokeStoredConsent } from '$lib/documents/compliance/disclose';
import type { Disclosure, Part2Consent } from '$lib/domain/compliance/consent';
import { today } from '$lib/domain/core/dates';
import { vaultSession } from '../vault/vault-session.svelte';

/**
 * One client's administrations and plan versions, decrypted for the page that shows them and
 * dropped with it. Records that fail their integrity check are reported, never skipped silently.
 */
export class ClientRecords {
	readonly clientId: string;
	assessments = $state<Assessment[]>([]);
	plans = $state<TreatmentPlan[]>([]);
	consents = $state<Part2Consent[]>([]);
	disclosures = $state<Disclosure[]>([]);
	loading = $state(true);
	error = $state<AppError | null>(null);

	constructor(clientId: string) {
		this.clientId = clientId;
	}

	async load(): Promise<void> {
		this.loading = true;
		try {
			const vault = vaultSession.vault;
			// One damaged record is named on screen (the vault session lists it); the rest still shows.
			const readable = <T>(read: Promise<{ records: T[] }>) => read.then((r) => r.records);
			const [assessments, plans, consents, disclosures] = await Promise.all([
				readable(vault.assessments.readWhere('clientId', this.clientId)),
				readable(vault.plans.readWhere('clientId', this.clientId)),
				readable(vault.consents.readWhere('clientId', this.clientId)),
				readable(vault.disclosures.readWhere('clientId', this.clientId))
			]);
			this.consents = consents.sort((a, b) => b.signedOn.localeCompare(a.signedOn));
			this.disclosures = disclosures;
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

	async saveConsent(consent: Part2Consent): Promise<void> {
		await vaultSession.vault.consents.put(consent);
		this.consents = [consent, ...this.consents.filter((c) => c.id !== consent.id)];
	}

	async revokeConsent(id: string): Promise<void> {
		const consent = this.consents.find((c) => c.id === id);
		if (!consent) return;
		const revoked = await revokeStoredConsent(vaultSession.vault, $state.snapshot(consent) as Part2Consent, today());
		this.consents = this.consents.map((c) => (c.id === id ? revoked : c));
	}

	/** The accounting of disclosures as a PDF; printing it is itself recorded in the audit trail. */
	async accountingPdf(): Promise<{ blob: Blob; fileName: string }> {
		const client = vaultSession.clients.find((c) => c.id === this.clientId);
		if (!client) throw new AppError('record/not-found', { table: 'clients' });
		return accountingPdf(vaultSession.vault, {
			client,
			disclosures: this.disclosures,
			consents: this.consents,
			now: new Date(),
			practiceName: vaultSession.settings?.practice?.name ?? ''
		});
	}

	async reviewFlag(flagId: string): Promise<void> {
		const client = vaultSession.clients.find((c) => c.id === this.clientId);
		if (!client) return;
		vaultSession.clientSaved(await reviewRiskFlag(vaultSession.vault, $state.snapshot(client) as typeof client, flagId));
	}
}
