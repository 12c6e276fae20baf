import { toAppError, type AppError } from '$lib/domain/core/app-error';
import type { Assessment } from '$lib/domain/instruments/assessment';
import { latestResult } from '$lib/domain/instruments/assessment-trend';
import { summaryFacts } from '$lib/domain/instruments/assessment-summary';
import { checkGrounding, type GroundedSentence } from '$lib/domain/grounding/check';
import type { Instrument } from '$lib/domain/instruments/types';
import type { Client } from '$lib/domain/core/records';
import { draftAssessmentSummary } from '$lib/documents/instruments/draft-assessment-summary';
import { exportAssessmentSummary } from '$lib/documents/plans/plan-exports';
import { disclosurePrompt, exportRecord, type DisclosureRequest } from '$lib/documents/compliance/part2-export';
import type { Part2Consent } from '$lib/domain/compliance/consent';
import { today } from '$lib/domain/core/dates';
import { isPart2 } from '$lib/domain/compliance/part2-notice';
import { Autosaver } from '../common/autosave.svelte';
import { auditThrottle } from '../common/autosave-lifecycle';
import { vaultSession } from '../vault/vault-session.svelte';

/**
 * The interpretation of one instrument's results for one client: drafted by the engine around
 * the computed scores, edited by the clinician, kept on the latest administration, and checked
 * against the computed facts on every edit (a number that is not a computed one is flagged).
 */
export class InterpretationDraft {
	readonly client: Client;
	readonly instrument: Instrument;
	readonly assessments: Assessment[];
	readonly facts: string;
	text = $state('');
	draftedWith = $state('manual');
	drafting = $state<AbortController | null>(null);
	streamed = $state('');
	error = $state<AppError | null>(null);
	readonly saver: Autosaver<string>;
	readonly #shouldAudit = auditThrottle();

	/** Sentences with a number, risk statement or claim the computed facts do not support. */
	readonly flagged: GroundedSentence[];

	/** Set for a Part 2 client: what the export buttons ask before the summary leaves. */
	readonly disclosure: ReturnType<typeof disclosurePrompt>;

	constructor(client: Client, instrument: Instrument, assessments: Assessment[], consents: readonly Part2Consent[] = []) {
		this.client = client;
		this.disclosure = disclosurePrompt(client, vaultSession.settings, consents, `${instrument.name} summary`);
		this.instrument = instrument;
		this.assessments = assessments.filter((a) => a.instrumentId === instrument.id);
		this.facts = summaryFacts(instrument, this.assessments);
		const latest = this.#latest();
		this.text = latest?.interpretation?.text ?? '';
		this.draftedWith = latest?.interpretation?.draftedWith ?? 'manual';
		this.saver = new Autosaver<string>({ save: (text) => this.#store(text) });
		this.flagged = $derived(
			this.text.trim() ? checkGrounding(this.facts, { summary: this.text }).sentences.filter((s) => s.flags.length > 0) : []
		);
	}

	#latest(): Assessment | null {
		return latestResult(this.assessments, this.instrument.id);
	}

	edit(text: string): void {
		this.text = text;
		this.saver.schedule(text);
	}

	async draft(): Promise<void> {
		const controller = new AbortController();
		this.drafting = controller;
		this.streamed = '';
		this.error = null;
		try {
			const result = await draftAssessmentSummary({
				client: this.client,
				instrument: this.instrument,
				assessments: this.assessments,
				signal: controller.signal,
				onText: (text) => (this.streamed = text)
			});
			this.draftedWith = result.draftedWith;
			this.edit(result.summary);
			await this.saver.flush();
		} catch (error) {
			this.error = toAppError(error);
		} finally {
			this.drafting = null;
		}
	}

	async #store(text: string): Promise<void> {
		const latest = this.#latest();
		if (!latest) return;
		const next: Assessment = { ...latest, interpretation: { text, draftedWith: this.draftedWith, updatedAt: new Date().toISOString() } };
		await vaultSession.vault.assessments.put(next, { audit: this.#shouldAudit() });
		const i = this.assessments.findIndex((a) => a.id === next.id);
		if (i >= 0) this.assessments[i] = next;
	}

	/** A Part 2 client's summary leaves only through the consent gate, to the recipient and for the purpose given. */
	async export(kind: 'pdf' | 'json', request?: DisclosureRequest): Promise<{ blob: Blob; fileName: string } | null> {
		await this.saver.flush();
		const settings = vaultSession.settings;
		const part2 = isPart2(this.client, settings ?? undefined);
		const doc = {
			client: { id: this.client.id, name: this.client.name, dateOfBirth: this.client.dateOfBirth, part2 },
			instrument: {
				id: this.instrument.id,
				name: this.instrument.name,
				fullName: this.instrument.fullName,
				licence: this.instrument.licence,
				attribution: this.instrument.attribution
			},
			administrations: this.assessments.map((a) => ({
				id: a.id,
				date: a.administeredAt.slice(0, 10),
				total: a.result.total,
				band: a.result.band.label,
				findings: a.result.findings
			})),
			assessments: this.assessments,
			summary: this.text,
			reviewedBy: vaultSession.profileName,
			practiceName: settings?.practice?.name ?? ''
		};
		const latest = this.#latest();
		const record = { client: doc.client, settings, recordKind: 'assessment' as const, recordId: latest?.id ?? '', today: today(), request };
		const what = `${this.instrument.name} summary (${kind === 'json' ? 'FHIR' : 'PDF'})`;
		return exportRecord(vaultSession.vault, { ...record, what }, (attachment) =>
			exportAssessmentSummary(vaultSession.vault, attachment ? { ...doc, part2Notice: attachment.notice, part2Consent: attachment.consentSummary } : doc, kind)
		);
	}
}
