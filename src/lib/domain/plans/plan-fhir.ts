import type { Assessment } from '../instruments/assessment';
import { UNREVIEWED_LINE, chronological, type AssessmentSummaryDocument } from '../instruments/assessment-document';
import type { InstrumentId } from '../instruments/types';
import { LOINC, PART2_SECURITY, type FhirCoding, type FhirOptions, type FhirPatient } from '../notes/note-fhir';
import { isPlanSigned, sentence, type PlanDocument } from './plan-document';
import { isIsoDate } from '../core/records';
import { INSTRUMENT_SHORT_NAMES, type PlanObjective, type TreatmentPlan } from './treatment-plan';

/**
 * A treatment plan (and the scores that measure it) as FHIR R4 JSON: a `collection` Bundle,
 * for the reasons note-fhir.ts gives, holding a Patient, the Conditions the problems address,
 * a Goal per plan goal, the CarePlan tying them together and an Observation per scored
 * assessment. References are the entries' urn:uuid fullUrls, so they resolve inside the Bundle.
 * The system URLs identify code systems; nothing ever fetches them.
 */
export const ICD_10_CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const UCUM = 'http://unitsofmeasure.org';

/** LOINC total-score codes; instruments without one get text only, never an invented code. */
export const INSTRUMENT_LOINC: Partial<Record<InstrumentId, FhirCoding>> = {
	phq9: { system: LOINC, code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
	gad7: { system: LOINC, code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' }
};

type Reference = { reference: string };
type Meta = { meta?: { security: FhirCoding[] } };
type Annotation = { text: string; authorString?: string };
interface CodeableConcept {
	coding?: (Omit<FhirCoding, 'display'> & { display?: string })[];
	text?: string;
}

export interface FhirCondition extends Meta {
	resourceType: 'Condition';
	id: string;
	clinicalStatus: CodeableConcept;
	verificationStatus: CodeableConcept;
	code: CodeableConcept;
	subject: Reference;
}

export interface FhirGoalTarget {
	measure: CodeableConcept;
	detailQuantity?: { value: number; comparator: '<'; unit: string; system: string; code: string };
	dueDate?: string;
}

export interface FhirGoal extends Meta {
	resourceType: 'Goal';
	id: string;
	lifecycleStatus: 'active' | 'proposed';
	description: { text: string };
	subject: Reference;
	addresses?: Reference[];
	target?: FhirGoalTarget[];
	note?: Annotation[];
}

export interface FhirCarePlan extends Meta {
	resourceType: 'CarePlan';
	id: string;
	status: 'active' | 'draft';
	intent: 'plan';
	title: string;
	subject: Reference;
	period?: { start?: string; end?: string };
	created: string;
	author?: { display: string };
	addresses?: Reference[];
	goal?: Reference[];
	activity?: { detail: { status: 'scheduled'; description: string } }[];
}

export interface FhirObservation extends Meta {
	resourceType: 'Observation';
	id: string;
	status: 'final';
	category: CodeableConcept[];
	code: CodeableConcept;
	subject: Reference;
	effectiveDateTime: string;
	valueInteger: number;
	interpretation: { text: string }[];
	note?: Annotation[];
}

export type FhirEntryResource = FhirPatient | FhirCondition | FhirGoal | FhirCarePlan | FhirObservation;

export interface FhirCollection extends Meta {
	resourceType: 'Bundle';
	id: string;
	type: 'collection';
	timestamp: string;
	entry: { fullUrl: string; resource: FhirEntryResource }[];
}

export interface PlanFhirInput extends PlanDocument {
	/** Scored assessments to send with the plan (the objectives' measures). */
	assessments?: Assessment[];
	/** A clinician-reviewed interpretation, attached as a note to the latest Observation. */
	assessmentSummary?: string;
}

/** One scored administration, whichever export it comes from. */
interface Score {
	instrumentId: InstrumentId;
	name: string;
	date: string;
	total: number | null;
	band: string;
}

/** What every resource of one Bundle shares: the id source, the Part 2 labels and the subject. */
interface BundleContext {
	newId: () => string;
	now: string;
	security: Meta;
	subject: Reference;
}

/** Starts a Bundle with its Patient; `bundle()` wraps whatever has been added to `entries`. */
function startBundle(client: PlanDocument['client'], options: FhirOptions) {
	const newId = options.newId ?? (() => crypto.randomUUID());
	const now = (options.now ?? new Date()).toISOString();
	const security = client.part2 ? { meta: { security: PART2_SECURITY.map((c) => ({ ...c })) } } : {};
	const bundleId = newId();
	const patient: FhirPatient = {
		resourceType: 'Patient',
		id: newId(),
		...security,
		name: [{ text: client.name.trim() || 'Unnamed client' }],
		...(isIsoDate(client.dateOfBirth) ? { birthDate: client.dateOfBirth } : {})
	};
	const entries: FhirEntryResource[] = [patient];
	const context: BundleContext = { newId, now, security, subject: urn(patient.id) };
	const bundle = (): FhirCollection => ({
		resourceType: 'Bundle',
		id: bundleId,
		...security,
		type: 'collection',
		timestamp: now,
		entry: entries.map((resource) => ({ fullUrl: urn(resource.id).reference, resource }))
	});
	return { context, entries, bundle };
}

export function planToFhirBundle(input: PlanFhirInput, options: FhirOptions = {}): FhirCollection {
	const { context, entries, bundle } = startBundle(input.client, options);
	const conditions = conditionsFor(input, context);
	const goals = goalsFor(input.plan, conditions, context);
	entries.push(...conditions.values(), ...goals, carePlanFor(input.plan, [...conditions.values()], goals, context));

	const scores = (input.assessments ?? []).map((a) => ({
		instrumentId: a.instrumentId,
		name: INSTRUMENT_SHORT_NAMES[a.instrumentId],
		date: a.administeredAt,
		total: a.result.total,
		band: a.result.band.label
	}));
	const summary = input.assessmentSummary?.trim();
	entries.push(...observations(scores, context, summary ? { text: summary } : null));
	return bundle();
}

/** One Condition per diagnosis code the problems link to, keyed by code. */
function conditionsFor(input: PlanFhirInput, { newId, security, subject }: BundleContext): Map<string, FhirCondition> {
	const conditions = new Map<string, FhirCondition>();
	for (const code of input.plan.problems.flatMap((p) => p.diagnosisCodes)) {
		if (conditions.has(code)) continue;
		const description = input.diagnoses.find((d) => d.code === code)?.description.trim();
		conditions.set(code, {
			resourceType: 'Condition',
			id: newId(),
			...security,
			clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active', display: 'Active' }] },
			verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed', display: 'Confirmed' }] },
			code: { coding: [{ system: ICD_10_CM, code, ...(description ? { display: description } : {}) }], ...(description ? { text: description } : {}) },
			subject
		});
	}
	return conditions;
}

/** A Goal per plan goal, addressing its own problem's Conditions, a target per objective. */
function goalsFor(plan: TreatmentPlan, conditions: Map<string, FhirCondition>, { newId, security, subject }: BundleContext): FhirGoal[] {
	const lifecycleStatus = isPlanSigned(plan) ? 'active' : 'proposed';
	return plan.problems.flatMap((problem) => {
		const addresses = [...new Set(problem.diagnosisCodes)].map((code) => urn(conditions.get(code)!.id));
		return problem.goals.map((goal): FhirGoal => {
			// The target carries the measure; the note keeps each objective's own words and status.
			const notes = goal.objectives.map((o) => ({ text: `${sentence(o.text) || 'Objective.'} Status: ${o.status}.` }));
			return {
				resourceType: 'Goal',
				id: newId(),
				...security,
				lifecycleStatus,
				description: { text: goal.text.trim() || 'Not documented' },
				subject,
				...(addresses.length ? { addresses } : {}),
				...(goal.objectives.length ? { target: goal.objectives.map(goalTarget), note: notes } : {})
			};
		});
	});
}

function carePlanFor(plan: TreatmentPlan, conditions: FhirCondition[], goals: FhirGoal[], context: BundleContext): FhirCarePlan {
	const signed = isPlanSigned(plan);
	const activities = plan.problems.flatMap((p) => p.interventions).map((i) => ({ detail: { status: 'scheduled' as const, description: interventionText(i) } }));
	const period = { ...(isIsoDate(plan.startDate) ? { start: plan.startDate } : {}), ...(isIsoDate(plan.reviewDate) ? { end: plan.reviewDate } : {}) };
	return {
		resourceType: 'CarePlan',
		id: context.newId(),
		...context.security,
		status: signed ? 'active' : 'draft',
		intent: 'plan',
		title: `Treatment plan, version ${plan.version}`,
		subject: context.subject,
		...(Object.keys(period).length ? { period } : {}),
		created: signed ? instant(plan.signedAt!) : context.now,
		...(plan.responsibleClinician.trim() ? { author: { display: plan.responsibleClinician.trim() } } : {}),
		...(conditions.length ? { addresses: conditions.map((c) => urn(c.id)) } : {}),
		...(goals.length ? { goal: goals.map((g) => urn(g.id)) } : {}),
		...(activities.length ? { activity: activities } : {})
	};
}

/** The assessment-summary export: the Patient and one Observation per scored administration. */
export function assessmentsToFhirBundle(doc: AssessmentSummaryDocument, options: FhirOptions = {}): FhirCollection {
	const { context, entries, bundle } = startBundle(doc.client, options);
	const scores = doc.administrations.map((a) => ({ instrumentId: doc.instrument.id, name: doc.instrument.name, date: a.date, total: a.total, band: a.band }));
	const reviewer = doc.reviewedBy?.trim();
	const summary = doc.summary.trim();
	// An unreviewed interpretation says so in the record it lands in, not only in the PDF.
	const note = !summary ? null : reviewer ? { text: summary, authorString: reviewer } : { text: `${UNREVIEWED_LINE}. ${summary}` };
	entries.push(...observations(scores, context, note));
	return bundle();
}

/** Scores with a total become Observations, oldest first; the note goes on the latest. */
function observations(scores: Score[], { newId, security, subject }: BundleContext, note: Annotation | null): FhirObservation[] {
	const scored = chronological(scores.filter((s) => s.total !== null));
	return scored.map((s, i) => {
		const loinc = INSTRUMENT_LOINC[s.instrumentId];
		return {
			resourceType: 'Observation',
			id: newId(),
			...security,
			status: 'final',
			category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
			code: { ...(loinc ? { coding: [{ ...loinc }] } : {}), text: `${s.name} total score` },
			subject,
			effectiveDateTime: isIsoDate(s.date) ? s.date : instant(s.date),
			valueInteger: s.total!,
			interpretation: [{ text: s.band }],
			...(note && i === scored.length - 1 ? { note: [note] } : {})
		};
	});
}

function goalTarget(objective: PlanObjective): FhirGoalTarget {
	const target = objective.instrumentTarget;
	const due = isIsoDate(objective.targetDate) ? { dueDate: objective.targetDate } : {};
	if (!target) return { measure: { text: objective.text.trim() || 'Objective' }, ...due };
	const loinc = INSTRUMENT_LOINC[target.instrumentId];
	return {
		measure: { ...(loinc ? { coding: [{ ...loinc }] } : {}), text: `${INSTRUMENT_SHORT_NAMES[target.instrumentId]} total score` },
		// "Below 10" is a strict bound: a Quantity with comparator '<', not a range's inclusive high.
		detailQuantity: { value: target.below, comparator: '<', unit: 'score', system: UCUM, code: '{score}' },
		...due
	};
}

/** "CBT: Cognitive restructuring (Weekly, 53 minutes)". */
function interventionText(i: { text: string; modality: string; frequency: string }): string {
	const text = i.text.trim() || 'Not documented';
	const withModality = i.modality.trim() ? `${i.modality.trim()}: ${text}` : text;
	return i.frequency.trim() ? `${withModality} (${i.frequency.trim()})` : withModality;
}

function urn(id: string): Reference {
	return { reference: `urn:uuid:${id}` };
}

/** FHIR `instant` needs seconds and a zone; a stored ISO string may lack either. */
function instant(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : date.toISOString();
}
