import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { ValidateFunction } from 'ajv';
import { fhirR4Validator, pdfText as readPdf, squash } from '../export-readers';
import type { Assessment } from '$lib/domain/instruments/assessment';
import type { InstrumentId } from '$lib/domain/instruments/types';
import { PART2_NOTICE } from '$lib/domain/notes/note-document';
import type { TreatmentPlan } from '$lib/domain/plans/treatment-plan';
import { planBlocks, planToPlainText, type PlanDocument } from '$lib/domain/plans/plan-document';
import { assessmentSummaryToPlainText, type AssessmentSummaryDocument } from '$lib/domain/instruments/assessment-document';
import { assessmentsToFhirBundle, planToFhirBundle, type FhirCollection, type FhirEntryResource } from '$lib/domain/plans/plan-fhir';
import { blocksToPdf } from '$lib/documents/common/pdf-blocks';
import { exportAssessmentSummary, exportPlan } from '$lib/documents/plans/plan-exports';
import { createVault } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { fastDeps, PASSPHRASE } from './helpers';

const signedPlan = (): TreatmentPlan => ({
	id: 'plan-2',
	clientId: 'c-1',
	seriesId: 'plan-1',
	version: 2,
	previousVersionId: 'plan-1',
	status: 'signed',
	startDate: '2026-01-05',
	reviewDate: '2026-04-05',
	responsibleClinician: 'Dr. Mira Okafor, PsyD',
	problems: [
		{
			id: 'p1',
			text: 'Depressed mood interfering with work',
			diagnosisCodes: ['F32.1'],
			goals: [
				{
					id: 'g1',
					text: 'Improve mood',
					objectives: [
						{ id: 'o1', text: 'Reduce depressive symptoms', targetDate: '2026-04-01', instrumentTarget: { instrumentId: 'phq9', below: 10 }, status: 'In progress' },
						{ id: 'o2', text: 'Schedule two pleasant activities a week', targetDate: '', instrumentTarget: null, status: 'Met' }
					]
				}
			],
			interventions: [{ id: 'i1', text: 'Cognitive restructuring', modality: 'CBT', frequency: 'Weekly, 53 minutes' }]
		},
		{
			id: 'p2',
			text: 'Worry and trauma reminders',
			diagnosisCodes: ['F41.1', 'F43.10'],
			goals: [
				{
					id: 'g2',
					text: 'Feel safe outside the home',
					objectives: [
						{ id: 'o3', text: 'Lower trauma symptoms', targetDate: '2026-05-01', instrumentTarget: { instrumentId: 'pcl5', below: 33 }, status: 'Not started' },
						{ id: 'o4', text: 'Reduce worry', targetDate: '', instrumentTarget: { instrumentId: 'gad7', below: 5 }, status: 'In progress' }
					]
				}
			],
			interventions: [{ id: 'i2', text: 'Prolonged exposure', modality: 'PE', frequency: 'Weekly' }]
		}
	],
	draftedWith: '',
	signedBy: 'Dr. Mira Okafor, PsyD',
	// Midday UTC: the same calendar date in any time zone from UTC-11 to UTC+11.
	signedAt: '2026-01-05T12:00:00.000Z',
	contentHash: 'cd'.repeat(32)
});

const DIAGNOSES = [
	{ code: 'F32.1', description: 'Major depressive disorder, single episode, moderate' },
	{ code: 'F41.1', description: 'Generalized anxiety disorder' },
	{ code: 'F43.10', description: 'Post-traumatic stress disorder, unspecified' }
];

function planDoc(overrides: Partial<PlanDocument> = {}): PlanDocument {
	return {
		client: { id: 'c-1', name: 'Jordan Avery', dateOfBirth: '1988-04-12', part2: false },
		plan: signedPlan(),
		diagnoses: DIAGNOSES,
		objectiveScores: { o1: 'PHQ-9 12 on 2026-03-02 (target below 10: not yet met)' },
		practiceName: 'Harbor Counseling',
		...overrides
	};
}
const draftDoc = () => planDoc({ plan: { ...signedPlan(), status: 'draft', signedBy: null, signedAt: null, contentHash: null } });
const part2Doc = () => planDoc({ client: { id: 'c-2', name: 'Sam Rivera', dateOfBirth: '1979-11-30', part2: true } });

function assessment(id: string, instrumentId: InstrumentId, total: number | null, band: string, administeredAt: string): Assessment {
	return {
		id,
		clientId: 'c-1',
		sessionId: null,
		instrumentId,
		answers: {},
		context: {},
		administeredAt,
		administeredBy: 'client',
		result: { total, band: { label: band, severity: 2 }, subscales: [], findings: [], risk: [], riskLevel: 'none' }
	};
}
const ASSESSMENTS = [
	assessment('a-phq', 'phq9', 12, 'Moderate', '2026-03-02T15:00:00.000Z'),
	assessment('a-gad', 'gad7', 8, 'Mild', '2026-03-02T15:05:00.000Z'),
	assessment('a-pcl', 'pcl5', 41, 'Probable PTSD', '2026-03-02T15:10:00.000Z'),
	assessment('a-cssrs', 'cssrs-screener', null, 'Low risk', '2026-03-02T15:15:00.000Z')
];

function summaryDoc(overrides: Partial<AssessmentSummaryDocument> = {}): AssessmentSummaryDocument {
	return {
		client: { id: 'c-1', name: 'Jordan Avery', dateOfBirth: '1988-04-12', part2: false },
		instrument: { id: 'phq9', name: 'PHQ-9', fullName: 'Patient Health Questionnaire-9', licence: 'Public domain', attribution: 'Developed by Drs. Spitzer, Williams and Kroenke' },
		// Out of order on purpose: the summary reads oldest first. Midday UTC keeps the local date fixed (UTC-11 to UTC+11).
		administrations: [
			{ id: 'a-3', date: '2026-03-02T12:00:00.000Z', total: 12, band: 'Moderate', findings: ['Item 9 answered above 0'] },
			{ id: 'a-1', date: '2026-01-05', total: 19, band: 'Moderately severe', findings: [] }
		],
		summary: 'Symptoms have eased since January; not yet below the target of 10.',
		reviewedBy: 'Dr. Mira Okafor, PsyD',
		practiceName: 'Harbor Counseling',
		...overrides
	};
}

async function pdfText(blob: Blob): Promise<{ pages: number; text: string }> {
	return readPdf(new Uint8Array(await blob.arrayBuffer()));
}
const planPdf = (doc: PlanDocument) =>
	blocksToPdf(planBlocks(doc), { title: 'Treatment plan', signed: doc.plan.status === 'signed', pageLabel: `${doc.client.name} · Treatment plan v2` });

describe('treatment plan document', () => {
	it('lists the header, each problem with its diagnoses, numbered goals, objectives and interventions, then the signature', () => {
		expect(planToPlainText(planDoc())).toBe(`TREATMENT PLAN
Version 2
Practice: Harbor Counseling
Client: Jordan Avery
Date of birth: 1988-04-12
Start date: 2026-01-05
Review date: 2026-04-05
Responsible clinician: Dr. Mira Okafor, PsyD

PROBLEM 1: Depressed mood interfering with work
Diagnoses: F32.1 Major depressive disorder, single episode, moderate

Goal 1.1: Improve mood
Objective 1.1.1: Reduce depressive symptoms. Target date: 2026-04-01. Target: PHQ-9 below 10. Status: In progress. Latest: PHQ-9 12 on 2026-03-02 (target below 10: not yet met)
Objective 1.1.2: Schedule two pleasant activities a week. Status: Met.

Interventions
Intervention 1.1: Cognitive restructuring. Modality: CBT. Frequency: Weekly, 53 minutes.

PROBLEM 2: Worry and trauma reminders
Diagnoses: F41.1 Generalized anxiety disorder; F43.10 Post-traumatic stress disorder, unspecified

Goal 2.1: Feel safe outside the home
Objective 2.1.1: Lower trauma symptoms. Target date: 2026-05-01. Target: PCL-5 below 33. Status: Not started.
Objective 2.1.2: Reduce worry. Target: GAD-7 below 5. Status: In progress.

Interventions
Intervention 2.1: Prolonged exposure. Modality: PE. Frequency: Weekly.

Electronically signed by Dr. Mira Okafor, PsyD on 2026-01-05 12:00 UTC
Content hash (SHA-256): ${'cd'.repeat(32)}
`);
	});

	it('marks an unsigned plan as a draft under the title and in place of the signature', () => {
		const text = planToPlainText(draftDoc());
		expect(text.split('\n').slice(0, 4)).toEqual(['TREATMENT PLAN', 'Version 2', 'Practice: Harbor Counseling', 'DRAFT — not signed']);
		expect(text.trimEnd().endsWith('DRAFT — not signed')).toBe(true);
		expect(text).not.toContain('Electronically signed');
		expect(text).not.toContain('Content hash');
	});

	it('does not call a plan signed whose status is still draft, even with a signer recorded', () => {
		const text = planToPlainText(planDoc({ plan: { ...signedPlan(), status: 'draft' } }));
		expect(text).toContain('DRAFT — not signed');
		expect(text).not.toContain('Electronically signed');
	});

	it('appends the 42 CFR 2.32 notice only for a Part 2 client, or the practice’s own text', () => {
		expect(planToPlainText(part2Doc()).trimEnd().endsWith(`NOTICE: 42 CFR PART 2\n${PART2_NOTICE}`)).toBe(true);
		expect(planToPlainText(planDoc())).not.toContain('42 CFR');
		const custom = planToPlainText({ ...part2Doc(), part2Notice: 'Edited notice.' });
		expect(custom).toContain('Edited notice.');
		expect(custom).not.toContain(PART2_NOTICE);
	});
});

describe('treatment plan PDF', () => {
	it('holds every line of the plan, its objectives and the page label, without draft marks when signed', async () => {
		const { pages, text } = await pdfText(await planPdf(planDoc()));
		expect(pages).toBe(1);
		for (const line of planToPlainText(planDoc()).split('\n').filter(Boolean)) expect(text).toContain(squash(line));
		expect(text).toContain('Objective 1.1.1: Reduce depressive symptoms.');
		expect(text).toContain('Jordan Avery · Treatment plan v2 Page 1 of 1');
		expect(text).not.toContain('DRAFT');
	});

	it('carries the draft marks for an unsigned plan and the Part 2 notice for a Part 2 client', async () => {
		expect((await pdfText(await planPdf(draftDoc()))).text).toContain('DRAFT — not signed');
		expect((await pdfText(await planPdf(part2Doc()))).text).toContain(PART2_NOTICE);
		expect((await pdfText(await planPdf(planDoc()))).text).not.toContain('42 CFR');
	});
});

type Of<T extends FhirEntryResource['resourceType']> = Extract<FhirEntryResource, { resourceType: T }>;
function resources<T extends FhirEntryResource['resourceType']>(bundle: FhirCollection, type: T): Of<T>[] {
	return bundle.entry.map((e) => e.resource).filter((r): r is Of<T> => r.resourceType === type);
}
const resolve = (bundle: FhirCollection, reference: string) => bundle.entry.find((e) => e.fullUrl === reference)?.resource;

describe('treatment plan FHIR export', () => {
	let validate: ValidateFunction;
	beforeAll(() => {
		validate = fhirR4Validator();
	}, 60_000);
	const errors = () => JSON.stringify(validate.errors?.slice(0, 5));
	const withScores = (doc: PlanDocument) => planToFhirBundle({ ...doc, assessments: ASSESSMENTS, assessmentSummary: 'Improving.' });

	it('produces bundles that the R4 JSON schema accepts, signed, draft and Part 2', () => {
		for (const doc of [planDoc(), draftDoc(), part2Doc()]) expect(validate(withScores(doc)), errors()).toBe(true);
		expect(validate(assessmentsToFhirBundle(summaryDoc())), errors()).toBe(true);
	});

	it('links the CarePlan to the patient, every Condition and every Goal inside the bundle', () => {
		const bundle = withScores(planDoc());
		const [carePlan] = resources(bundle, 'CarePlan');
		expect(carePlan).toMatchObject({ status: 'active', intent: 'plan', period: { start: '2026-01-05', end: '2026-04-05' }, author: { display: 'Dr. Mira Okafor, PsyD' } });
		expect(resolve(bundle, carePlan!.subject.reference)?.resourceType).toBe('Patient');
		const conditionCodes = carePlan!.addresses!.map((a) => (resolve(bundle, a.reference) as Of<'Condition'>).code.coding![0]);
		expect(conditionCodes.map((c) => c!.code)).toEqual(['F32.1', 'F41.1', 'F43.10']);
		expect(conditionCodes[0]!.system).toBe('http://hl7.org/fhir/sid/icd-10-cm');
		expect(carePlan!.goal!.map((g) => (resolve(bundle, g.reference) as Of<'Goal'>).description.text)).toEqual(['Improve mood', 'Feel safe outside the home']);
		expect(carePlan!.activity!.map((a) => a.detail)).toEqual([
			{ status: 'scheduled', description: 'CBT: Cognitive restructuring (Weekly, 53 minutes)' },
			{ status: 'scheduled', description: 'PE: Prolonged exposure (Weekly)' }
		]);
		for (const entry of bundle.entry) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
	});

	it('points each Goal at its own problem’s Conditions, with a strict “below” target coded in LOINC only for PHQ-9 and GAD-7', () => {
		const bundle = withScores(planDoc());
		const [mood, safety] = resources(bundle, 'Goal');
		const codesOf = (goal: Of<'Goal'>) => goal.addresses!.map((a) => (resolve(bundle, a.reference) as Of<'Condition'>).code.coding![0]!.code);
		expect(codesOf(mood!)).toEqual(['F32.1']);
		expect(codesOf(safety!)).toEqual(['F41.1', 'F43.10']);
		expect(mood!.lifecycleStatus).toBe('active');
		expect(mood!.target![0]).toMatchObject({ measure: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, detailQuantity: { value: 10, comparator: '<' }, dueDate: '2026-04-01' });
		expect(mood!.target![1]).toEqual({ measure: { text: 'Schedule two pleasant activities a week' } });
		expect(safety!.target![0]!.measure).toEqual({ text: 'PCL-5 total score' });
		expect(safety!.target![1]!.measure.coding![0]!.code).toBe('70274-6');
	});

	it('records PHQ-9 and GAD-7 totals as LOINC-coded survey Observations, PCL-5 as text only, and skips scores without a total', () => {
		const observations = resources(withScores(planDoc()), 'Observation');
		expect(observations.map((o) => o.code.text)).toEqual(['PHQ-9 total score', 'GAD-7 total score', 'PCL-5 total score']);
		const [phq, gad, pcl] = observations;
		expect(phq).toMatchObject({ status: 'final', valueInteger: 12, effectiveDateTime: '2026-03-02T15:00:00.000Z', interpretation: [{ text: 'Moderate' }] });
		expect(phq!.code.coding).toEqual([{ system: 'http://loinc.org', code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' }]);
		expect(gad).toMatchObject({ valueInteger: 8, code: { coding: [{ code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' }] } });
		expect(phq!.category[0]!.coding![0]).toMatchObject({ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' });
		expect(pcl!.valueInteger).toBe(41);
		expect(pcl!.code.coding).toBeUndefined();
		expect(pcl!.note).toEqual([{ text: 'Improving.' }]);
	});

	it('marks a draft plan’s CarePlan draft and its Goals proposed', () => {
		const bundle = planToFhirBundle(draftDoc(), { now: new Date('2026-03-03T09:00:00Z') });
		expect(resources(bundle, 'CarePlan')[0]).toMatchObject({ status: 'draft', created: '2026-03-03T09:00:00.000Z' });
		expect(resources(bundle, 'Goal').map((g) => g.lifecycleStatus)).toEqual(['proposed', 'proposed']);
		expect(resources(bundle, 'Observation')).toEqual([]);
	});

	it('labels a Part 2 record 42CFRPart2, NORDSCLCD and restricted on the bundle and every resource, and nothing else', () => {
		const codes = (item: { meta?: { security: { code: string }[] } }) => item.meta?.security.map((c) => c.code);
		const bundle = withScores(part2Doc());
		for (const item of [bundle, ...bundle.entry.map((e) => e.resource)]) expect(codes(item)).toEqual(['42CFRPart2', 'NORDSCLCD', 'R']);
		const plain = withScores(planDoc());
		for (const item of [plain, ...plain.entry.map((e) => e.resource)]) expect(item.meta).toBeUndefined();
		const summary = assessmentsToFhirBundle(summaryDoc({ client: part2Doc().client }));
		for (const item of [summary, ...summary.entry.map((e) => e.resource)]) expect(codes(item)).toEqual(['42CFRPart2', 'NORDSCLCD', 'R']);
	});
});

describe('assessment summary', () => {
	it('prints the licence line and the scores oldest first, then the reviewed interpretation', () => {
		expect(assessmentSummaryToPlainText(summaryDoc())).toBe(`ASSESSMENT SUMMARY: PHQ-9
Practice: Harbor Counseling
Client: Jordan Avery
Date of birth: 1988-04-12
Instrument: PHQ-9 (Patient Health Questionnaire-9)
Licence: Public domain. Developed by Drs. Spitzer, Williams and Kroenke.

SCORES
2026-01-05: total 19, Moderately severe.
2026-03-02: total 12, Moderate. Findings: Item 9 answered above 0.

SUMMARY
Symptoms have eased since January; not yet below the target of 10.

Reviewed by Dr. Mira Okafor, PsyD
`);
	});

	it('marks an unreviewed summary as a draft, in the text and in the FHIR note', () => {
		const doc = summaryDoc({ reviewedBy: undefined });
		const text = assessmentSummaryToPlainText(doc);
		expect(text.split('\n')[2]).toBe('DRAFT — summary not yet reviewed by a clinician');
		expect(text).not.toContain('Reviewed by');
		const [, latest] = resources(assessmentsToFhirBundle(doc), 'Observation');
		expect(latest!.note![0]!.text).toMatch(/^DRAFT — summary not yet reviewed by a clinician\. Symptoms/);
	});

	it('exports the patient and one coded Observation per administration, the summary on the latest', () => {
		const bundle = assessmentsToFhirBundle(summaryDoc());
		expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Patient', 'Observation', 'Observation']);
		const [first, latest] = resources(bundle, 'Observation');
		expect([first!.valueInteger, latest!.valueInteger]).toEqual([19, 12]);
		expect(first!.effectiveDateTime).toBe('2026-01-05');
		expect(first!.note).toBeUndefined();
		expect(latest!.note).toEqual([{ text: 'Symptoms have eased since January; not yet below the target of 10.', authorString: 'Dr. Mira Okafor, PsyD' }]);
		expect(latest!.code.coding![0]!.code).toBe('44261-6');
		expect(resolve(bundle, latest!.subject.reference)?.resourceType).toBe('Patient');
	});
});

describe('audited plan and summary exports', () => {
	beforeEach(async () => {
		for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
	});

	it('writes the export to the audit trail and names the files without PHI', async () => {
		const vault = new UnlockedVault(await createVault(fastDeps, { displayName: 'Dr. Okafor', passphrase: PASSPHRASE }));
		const pdf = await exportPlan(vault, part2Doc(), 'pdf');
		expect(pdf.fileName).toBe('treatment-plan-v2-2026-01-05.pdf');
		expect((await pdfText(pdf.blob)).text).toContain('Sam Rivera · Treatment plan v2 Page 1 of 1');
		const json = await exportAssessmentSummary(vault, summaryDoc(), 'json');
		expect(json.fileName).toBe('assessment-summary-phq9-2026-03-02.fhir.json');
		expect(JSON.parse(await json.blob.text()).resourceType).toBe('Bundle');
		expect((await exportPlan(vault, draftDoc(), 'txt')).fileName).toBe('treatment-plan-v2-2026-01-05.txt');

		const entries = (await vault.auditEntries()).slice(-3);
		expect(entries.map((e) => [e.action, e.recordKind, e.recordId, e.detail])).toEqual([
			['record.export', 'plan', 'plan-2', 'pdf'],
			['record.export', 'assessment', 'a-3', 'json'],
			['record.export', 'plan', 'plan-2', 'txt']
		]);
		expect(entries[1]!.recordIds).toEqual(['a-1', 'a-3']);
		expect(JSON.stringify(entries)).not.toMatch(/Jordan|Sam Rivera|Harbor/);
	});
});
