import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { pdfText, squash } from '../export-readers';
import { PART2_NOTICE } from '$lib/domain/notes/note-document';
import { blocksToPlainText } from '$lib/domain/plans/plan-document';
import {
	assertSafetyPlanChangeAllowed,
	newSafetyPlan,
	newestSafetyPlan,
	nextSafetyPlanVersion,
	NOTHING_TO_REMOVE,
	safetyPlanGaps,
	safetyPlanSignatureHolds,
	signSafetyPlan,
	type SafetyPlan
} from '$lib/domain/safety/safety-plan';
import { handoutLines, safetyPlanBlocks } from '$lib/domain/safety/safety-plan-document';
import { exportSafetyPlanHandout, exportSafetyPlanRecord, handoutPdf } from '$lib/documents/safety/safety-plan-exports';
import { createVault } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

const CLINICIAN = 'Dr. Mira Okafor, PsyD';

/** A plan a clinician and client would typically sign: every step filled in the client's words. */
function completePlan(): SafetyPlan {
	const plan = newSafetyPlan('sp-1', 'c-1', 's-1', '2026-03-02', CLINICIAN, '555-0100');
	plan.steps = {
		warningSigns: ['Lying awake past 2 am', 'Thinking nobody would notice if I was gone'],
		copingStrategies: ['Go for a walk around the block', 'Play guitar', 'Take a hot shower'],
		distractionPeople: [{ name: 'Cousin Dana', contact: '555-0111' }],
		distractionPlaces: ['The climbing gym', 'Coffee shop on Main Street'],
		helpers: [
			{ name: 'My sister Ana', contact: '555-0122' },
			{ name: 'My friend Luis', contact: 'text 555-0133' }
		],
		professionals: [{ name: CLINICIAN, contact: '555-0100' }],
		meansSafety: ['Ana keeps my sleeping pills at her place', 'Lock box for the razor blades'],
		reasonsForLiving: ['My daughter', 'Seeing the ocean again']
	};
	return plan;
}
const signed = () => signSafetyPlan(completePlan(), CLINICIAN, new Date('2026-03-02T12:00:00Z'));
const blockingIds = (plan: SafetyPlan, today?: string) => safetyPlanGaps(plan, today).filter((g) => g.blocking).map((g) => g.step);

describe('a new safety plan', () => {
	it('starts as a draft with the clinician on step 5 and a review 30 days out', () => {
		const plan = newSafetyPlan('sp-1', 'c-1', null, '2026-03-02', CLINICIAN, '555-0100');
		expect(plan).toMatchObject({ status: 'draft', version: 1, seriesId: 'sp-1', reviewDate: '2026-04-01', sessionId: null });
		expect(plan.steps.professionals).toEqual([{ name: CLINICIAN, contact: '555-0100' }]);
		expect(plan.steps.warningSigns).toEqual([]);
	});
});

describe('what a safety plan needs before it is signed', () => {
	it('names every core step that is empty, and the clinician\'s phone when it is missing', () => {
		const empty = newSafetyPlan('sp-1', 'c-1', null, '2026-03-02', CLINICIAN);
		expect(blockingIds(empty)).toEqual(['warning-signs', 'coping', 'distractions', 'helpers', 'professionals', 'means-safety']);
		for (const gap of safetyPlanGaps(empty)) expect(gap.message).toMatch(/^[A-Z].*\.$/);
	});

	it('is complete with every core step filled', () => {
		expect(blockingIds(completePlan())).toEqual([]);
	});

	it('accepts either a person or a place for step 3', () => {
		const personOnly = completePlan();
		personOnly.steps.distractionPlaces = [];
		const placeOnly = completePlan();
		placeOnly.steps.distractionPeople = [];
		const neither = { ...placeOnly, steps: { ...placeOnly.steps, distractionPlaces: ['   '] } };
		expect(blockingIds(personOnly)).toEqual([]);
		expect(blockingIds(placeOnly)).toEqual([]);
		expect(blockingIds(neither)).toEqual(['distractions']);
	});

	it('needs a way to reach at least one helper and one professional', () => {
		const plan = completePlan();
		plan.steps.helpers = [{ name: 'My sister Ana', contact: '' }];
		plan.steps.professionals = [{ name: CLINICIAN, contact: ' ' }];
		expect(blockingIds(plan)).toEqual(['helpers', 'professionals']);
	});

	it('counts "nothing to remove", said after talking it through, as step 6 done', () => {
		const plan = completePlan();
		plan.steps.meansSafety = [];
		expect(blockingIds(plan)).toEqual(['means-safety']);
		plan.steps.meansSafety = [NOTHING_TO_REMOVE];
		expect(blockingIds(plan)).toEqual([]);
	});

	it('only encourages reasons for living: a plan without them can still be signed', () => {
		const plan = completePlan();
		plan.steps.reasonsForLiving = [];
		const gaps = safetyPlanGaps(plan);
		expect(gaps).toEqual([{ step: 'reasons-for-living', blocking: false, message: expect.stringContaining('encouraged') }]);
		expect(signSafetyPlan(plan, CLINICIAN).status).toBe('signed');
	});

	it('needs a real review date, and one that has not passed', () => {
		expect(blockingIds({ ...completePlan(), reviewDate: '' })).toEqual(['review-date']);
		expect(blockingIds({ ...completePlan(), reviewDate: '2026-02-30' })).toEqual(['review-date']);
		expect(blockingIds({ ...completePlan(), reviewDate: '2026-03-01' }, '2026-03-02')).toEqual(['review-date']);
		expect(blockingIds({ ...completePlan(), reviewDate: '2026-03-02' }, '2026-03-02')).toEqual([]);
	});
});

describe('signing a safety plan', () => {
	it('refuses an incomplete plan and names the missing steps by id only', () => {
		const plan = completePlan();
		plan.steps.warningSigns = [];
		plan.steps.meansSafety = [];
		try {
			signSafetyPlan(plan, CLINICIAN);
			expect.unreachable();
		} catch (e) {
			expect(e).toMatchObject({ code: 'safety-plan/incomplete', details: { missing: 'warning-signs,means-safety', count: 2 } });
			expect(JSON.stringify((e as { details: unknown }).details)).not.toContain('Ana');
		}
	});

	it('records signer, time and a content hash that stops holding when the content changes', () => {
		const plan = signed();
		expect(plan).toMatchObject({ status: 'signed', signedBy: CLINICIAN, signedAt: '2026-03-02T12:00:00.000Z' });
		expect(plan.contentHash).toMatch(/^[0-9a-f]{64}$/);
		expect(safetyPlanSignatureHolds(plan)).toBe(true);
		const edited = { ...plan, steps: { ...plan.steps, helpers: [{ name: 'Someone else', contact: '555-0199' }] } };
		expect(safetyPlanSignatureHolds(edited)).toBe(false);
	});

	it('refuses to sign a plan twice', () => {
		expect(() => signSafetyPlan(signed(), CLINICIAN)).toThrow('safety-plan/signed');
	});

	it('lets storage rewrite a draft but never change a signed version', () => {
		const draft = completePlan();
		expect(() => assertSafetyPlanChangeAllowed(draft, { ...draft, reviewDate: '2026-05-01' })).not.toThrow();
		const plan = signed();
		const reordered = Object.fromEntries(Object.entries(plan).reverse()) as unknown as SafetyPlan;
		expect(() => assertSafetyPlanChangeAllowed(plan, reordered)).not.toThrow();
		expect(() => assertSafetyPlanChangeAllowed(plan, { ...plan, reviewDate: '2026-05-01' })).toThrow('safety-plan/signed');
		expect(() => assertSafetyPlanChangeAllowed(plan, { ...plan, status: 'draft' })).toThrow('safety-plan/signed');
	});
});

describe('reviewing a signed safety plan', () => {
	it('starts the next version as a draft with the client\'s words kept and a new review date', () => {
		const v1 = signed();
		const v2 = nextSafetyPlanVersion(v1, 1, 'sp-2', '2026-04-01', 's-9');
		expect(v2).toMatchObject({ id: 'sp-2', seriesId: 'sp-1', version: 2, previousVersionId: 'sp-1', status: 'draft', sessionId: 's-9' });
		expect(v2).toMatchObject({ reviewDate: '2026-05-01', signedBy: null, signedAt: null, contentHash: null });
		expect(v2.steps).toEqual(v1.steps);
		v2.steps.helpers[0]!.contact = 'changed';
		expect(v1.steps.helpers[0]!.contact).toBe('555-0122');
		expect(newestSafetyPlan([v1, v2])?.id).toBe('sp-2');
	});

	it('refuses to version a draft or an older version', async () => {
		expect(await codeOf(Promise.resolve().then(() => nextSafetyPlanVersion(completePlan(), 1, 'x', '2026-04-01')))).toBe('plan/not-signed');
		expect(await codeOf(Promise.resolve().then(() => nextSafetyPlanVersion(signed(), 2, 'x', '2026-04-01')))).toBe('plan/not-latest');
	});
});

describe('the client handout', () => {
	const text = (plan: SafetyPlan) => handoutLines(plan).map((l) => l.text).join('\n');

	it('uses plain step headings in order and always lists 988 and emergency services on step 5', () => {
		const plan = signed();
		plan.steps.professionals = [];
		const headings = handoutLines(plan).filter((l) => l.kind === 'heading').map((l) => l.text);
		expect(headings).toEqual([
			'1. Warning signs that a crisis may be starting',
			'2. Things I can do on my own to feel better',
			'3. People and places that take my mind off things',
			'4. People I can ask for help',
			'5. Professionals I can call',
			'6. Making my surroundings safer',
			'My reasons for living'
		]);
		const lines = handoutLines(plan).map((l) => l.text);
		expect(lines.slice(0, 2)).toEqual(['My safety plan', 'Made on March 2, 2026. We will look at it again on April 1, 2026.']);
		const step5 = lines.indexOf('5. Professionals I can call');
		expect(lines.slice(step5 + 1, step5 + 3)).toEqual(['988 Suicide and Crisis Lifeline: Call or text 988', 'Emergency services: call 911']);
	});

	it('carries no clinical jargon', () => {
		const words = text(signed()).toLowerCase();
		for (const jargon of ['lethal', 'means safety', 'coping', 'suicidal', 'ideation', 'intervention', 'clinician', 'client']) {
			expect(words).not.toContain(jargon);
		}
	});

	it('fits a typical plan on one page in 14 pt type, with 988 on it', async () => {
		const handout = await handoutPdf(signed());
		expect(handout).toMatchObject({ fits: true, fontSize: 14, pages: 1 });
		const { pages, text: pdf } = await pdfText(new Uint8Array(await handout.blob.arrayBuffer()));
		expect(pages).toBe(1);
		expect(pdf).toContain('Call or text 988');
		expect(pdf).toContain(squash('Go for a walk around the block'));
	});

	it('shrinks the type for a longer plan, but never below 11 pt, and says when it still does not fit', async () => {
		const longer = signed();
		longer.steps.copingStrategies = Array.from({ length: 12 }, (_, i) => `Something that helps me number ${i + 1}, which takes a few words to say`);
		const shrunk = await handoutPdf(longer);
		expect(shrunk.pages).toBe(1);
		expect(shrunk.fits).toBe(true);
		expect(shrunk.fontSize).toBeLessThan(14);
		expect(shrunk.fontSize).toBeGreaterThanOrEqual(11);

		const tooLong = signed();
		tooLong.steps.copingStrategies = Array.from({ length: 40 }, (_, i) => `Something that helps me number ${i + 1}, which takes a few words to say`);
		const overflow = await handoutPdf(tooLong);
		expect(overflow).toMatchObject({ fits: false, fontSize: 11, pages: 2 });
		expect((await pdfText(new Uint8Array(await overflow.blob.arrayBuffer()))).text).toContain('Call or text 988');
	});
});

describe('the copy for the record', () => {
	const options = { clientName: 'Jordan Avery', clinicianName: CLINICIAN, practice: { name: 'Harbor Counseling' } };

	it('lists who and when, every step in order with 988, then the signature and hash', () => {
		const plan = signed();
		const record = blocksToPlainText(safetyPlanBlocks(plan, options));
		expect(record.split('\n').slice(0, 6)).toEqual([
			'SAFETY PLAN',
			'Version 1',
			'Practice: Harbor Counseling',
			'Client: Jordan Avery',
			`Clinician: ${CLINICIAN}`,
			'Review date: 2026-04-01'
		]);
		expect(record).toContain('STEP 5: PROFESSIONALS I CAN CALL\n• Dr. Mira Okafor, PsyD: 555-0100\n• 988 Suicide and Crisis Lifeline: Call or text 988');
		expect(record).toContain(`Content hash (SHA-256): ${plan.contentHash}`);
		expect(record).not.toContain('42 CFR');
	});

	it('marks an unsigned plan as a draft and carries the Part 2 notice for a Part 2 client', () => {
		const draft = blocksToPlainText(safetyPlanBlocks(completePlan(), { ...options, part2: true }));
		expect(draft).toContain('DRAFT — not signed');
		expect(draft).not.toContain('Electronically signed');
		expect(draft).toContain(PART2_NOTICE);
	});
});

describe('exporting a safety plan', () => {
	let vault: UnlockedVault;
	const client = { id: 'c-1', name: 'Jordan Avery', part2: false };
	const recordInput = (plan: SafetyPlan) => ({ plan, client, clinicianName: CLINICIAN, practice: null, settings: null, today: '2026-03-02' });
	const exportsAudited = async () =>
		(await vault.auditEntries()).filter((e) => e.action === 'record.export').map((e) => [e.recordKind, e.recordId, e.detail]);

	beforeEach(async () => {
		for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
		vault = new UnlockedVault(await createVault(fastDeps, { displayName: 'Dr. Okafor', passphrase: PASSPHRASE }));
	});

	it('refuses an unsigned plan before anything is written or made', async () => {
		expect(await codeOf(exportSafetyPlanHandout(vault, completePlan()))).toBe('client-document/not-signed');
		expect(await codeOf(exportSafetyPlanRecord(vault, recordInput(completePlan())))).toBe('client-document/not-signed');
		expect(await exportsAudited()).toEqual([]);
	});

	it('audits the handout and the record copy, with file names that name no one', async () => {
		const plan = signed();
		const handout = await exportSafetyPlanHandout(vault, plan);
		const record = await exportSafetyPlanRecord(vault, recordInput(plan));
		expect(handout.fileName).toBe('safety-plan-handout-v1-2026-03-02.pdf');
		expect(record!.fileName).toBe('safety-plan-record-v1-2026-03-02.pdf');
		expect(await exportsAudited()).toEqual([
			['safety-plan', 'sp-1', 'handout-pdf'],
			['safety-plan', 'sp-1', 'record-pdf']
		]);
		const { text } = await pdfText(new Uint8Array(await record!.blob.arrayBuffer()));
		expect(text).toContain('Client: Jordan Avery');
		expect(text).toContain('Call or text 988');
	});

	it('gives a Part 2 client their handout without the consent gate, but gates the record copy', async () => {
		const plan = signed();
		const part2Client = { ...client, part2: true };
		expect((await exportSafetyPlanHandout(vault, plan)).pages).toBe(1);
		expect(await codeOf(exportSafetyPlanRecord(vault, { ...recordInput(plan), client: part2Client }))).toBe('disclosure/refused');
		expect(await exportsAudited()).toEqual([['safety-plan', 'sp-1', 'handout-pdf']]);
	});
});
