import { WORKSHEET_TEMPLATES } from '$lib/domain/client-documents/client-document';
import { outlineDocument, type DocumentSource } from '$lib/domain/client-documents/client-document-prompts';
import { readingLevel } from '$lib/domain/client-documents/readability';
import { newSafetyPlan } from '$lib/domain/safety/safety-plan';
import { handoutPdf } from '$lib/documents/safety/safety-plan-exports';

/** Client-facing writing must read at or below grade 8 (Flesch-Kincaid). */
export const CLIENT_GRADE_BUDGET = 8;

const SESSION =
	'Client said the week was hard at work. We practised the 5-4-3-2-1 grounding exercise. ' +
	'She will walk after dinner on three evenings and write down one thought that upset her each day. Next session on Friday.';

/** A safety plan as filled in on a typical visit: several entries on every step. */
function typicalPlan() {
	const plan = newSafetyPlan('sp-1', 'c-1', null, '2026-11-26', 'Dr. Sam Rivera', '555-0100');
	plan.reviewDate = '2026-12-26';
	plan.steps.warningSigns = ['I stop answering my phone', 'I stay in bed past noon', 'I think nothing will get better'];
	plan.steps.copingStrategies = ['Walk the dog around the park', 'Take a hot shower', 'Play guitar for ten minutes'];
	plan.steps.distractionPeople = [{ name: 'My neighbour Ana', contact: '555-0111' }];
	plan.steps.distractionPlaces = ['The library on Main Street', 'The coffee shop near work'];
	plan.steps.helpers = [
		{ name: 'My sister Maddie', contact: '555-0142' },
		{ name: 'My friend Jo', contact: '555-0177' }
	];
	plan.steps.meansSafety = ['Maddie keeps my extra medication', 'No alcohol in the house this month'];
	plan.steps.reasonsForLiving = ['Seeing my nephew grow up', 'My dog, Pepper'];
	return plan;
}

export async function benchClientWriting(log: (message: string) => void) {
	const source = (template: (typeof WORKSHEET_TEMPLATES)[number]): DocumentSource => ({
		template,
		client: { name: 'Robin Case', preferredName: '', dateOfBirth: '', diagnoses: [] },
		clinician: 'Dr. Sam Rivera',
		practice: { name: 'Harbor Counseling', address: '12 Quay Street', phone: '555-0199' },
		today: '2026-11-26',
		recipient: '',
		includeDiagnoses: false,
		session: { date: '2026-11-26', startTime: '10:00', serviceType: 'Individual psychotherapy', content: SESSION },
		attended: [],
		next: null,
		goals: []
	});
	const worksheets = Object.fromEntries(
		WORKSHEET_TEMPLATES.map((t) => {
			const draft = outlineDocument(source(t));
			return [t, Math.round(readingLevel(`${draft.title}. ${draft.body}`).grade * 10) / 10];
		})
	);
	const t = performance.now();
	const handout = await handoutPdf(typicalPlan());
	const handoutMs = Math.round((performance.now() - t) * 10) / 10;
	const maxGrade = Math.max(...Object.values(worksheets));
	log(`Worksheet grades ${JSON.stringify(worksheets)}; handout ${handout.pages} page(s) at ${handout.fontSize} pt in ${handoutMs} ms`);
	return { worksheetGrades: worksheets, maxGrade, handout: { pages: handout.pages, fontSize: handout.fontSize, fits: handout.fits, ms: handoutMs, bytes: handout.blob.size } };
}
