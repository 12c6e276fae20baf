import { describe, expect, it } from 'vitest';
import { MEDICATION_GROUPS, MEDICATIONS } from '$lib/domain/grounding/medications';
import { findMedications } from '$lib/domain/grounding/facts';

/**
 * Ordinary English words and first names that must never be read as a medicine, including
 * brand names that collide with them ("Allegra", "Soma", "Versed") and substances too everyday
 * to flag ("caffeine", "iron").
 */
const DENYLIST = `
	a an the and or but if then so to of in on at by for with as is it be was were are am
	may will can shall might must should would could one two ever never max plan focus clear zest care
	take takes help relief free plus extra strength daily night day morning rest calm peace sleep dream
	pill pills tablet tablets capsule patch shot shots spray cream gel drops dose doses water sugar salt
	fish oil milk tea coffee wine beer juice
	grace hope faith joy max mark bill will jack rose daisy iris ivy ella allegra yasmin camila skyla
	kyleena liletta alora errin nora lily amber ruby crystal dawn summer autumn april june august
	victoria sophia olivia emma ava mia james john michael david chris sam alex jordan taylor
	soma nix emend versed luminal doral armour urso tums gas alli bonine cambia
	caffeine iron zinc calcium oxygen saline alcohol nicotinamide vitamin vitamins mineral
	sodium acid chloride sulfate carbonate citrate oxide acetate phosphate hydrochloride
	dopamine serotonin norepinephrine adrenaline oxytocin cortisol histamine endorphin endorphins
	steroid steroids antibiotic antibiotics medication medications medicine meds
	inhaler inhaled regular extended release
`
	.split(/\s+/)
	.filter(Boolean);

const heads = MEDICATION_GROUPS.map((g) => g.split(' ')[0]!);
const brands = MEDICATION_GROUPS.flatMap((g) => g.split(' ').slice(1));
const generics = new Set(heads.flatMap((h) => h.split('+')));
const entries = MEDICATION_GROUPS.flatMap((g) => g.split(/[ +]/));

describe('the medication list', () => {
	it('is broad: several hundred medicines and well over a thousand names', () => {
		expect(MEDICATION_GROUPS.length).toBeGreaterThanOrEqual(600);
		expect(MEDICATION_GROUPS.length).toBeLessThanOrEqual(900);
		expect(MEDICATIONS.size).toBeGreaterThan(1200);
	});

	it('has every entry as one lower-case word of letters, as the matcher reads words', () => {
		const bad = entries.filter((e) => !/^[a-z]+$/.test(e));
		expect(bad).toEqual([]);
	});

	it('gives each brand one group, so a brand stands for one generic set', () => {
		const seen = new Set<string>();
		const twice = brands.filter((b) => (seen.has(b) ? true : (seen.add(b), false)));
		expect(twice).toEqual([]);
	});

	it('never lists a generic as another medicine’s brand, so every generic stands for itself', () => {
		expect(brands.filter((b) => generics.has(b))).toEqual([]);
		for (const g of generics) expect(MEDICATIONS.get(g)).toEqual([g]);
	});

	it('contains no ordinary English word or first name from the denylist', () => {
		expect(DENYLIST.filter((w) => MEDICATIONS.has(w))).toEqual([]);
	});

	it('lists no medicine twice under the same generic', () => {
		const seen = new Set<string>();
		const twice = heads.filter((h) => (seen.has(h) ? true : (seen.add(h), false)));
		expect(twice).toEqual([]);
	});
});

describe('finding medications in text', () => {
	const generic = (sentence: string) => findMedications(sentence).map((m) => [m.text, [...m.generics]]);

	it('maps a brand and its generic to the same generic name', () => {
		expect(generic('Takes Pepcid at night, famotidine 20 mg.')).toEqual([
			['Pepcid', ['famotidine']],
			['famotidine', ['famotidine']]
		]);
		expect(generic('Lupron injections (leuprolide) every three months.')).toEqual([
			['Lupron', ['leuprolide']],
			['leuprolide', ['leuprolide']]
		]);
		expect(generic('Given Toradol, that is ketorolac, in the ED.')).toEqual([
			['Toradol', ['ketorolac']],
			['ketorolac', ['ketorolac']]
		]);
	});

	it('maps a combination brand to each of its generics', () => {
		expect(generic('Started Bactrim for a UTI.')).toEqual([['Bactrim', ['sulfamethoxazole', 'trimethoprim']]]);
		expect(generic('Sinemet was increased.')).toEqual([['Sinemet', ['carbidopa', 'levodopa']]]);
		expect(generic('Takes carbidopa-levodopa three times a day.')).toEqual([
			['carbidopa', ['carbidopa']],
			['levodopa', ['levodopa']]
		]);
		expect(generic('Remains on Trizivir.')).toEqual([['Trizivir', ['abacavir', 'lamivudine', 'zidovudine']]]);
	});

	it('finds medicines across body systems whatever their case', () => {
		const found = (s: string) => findMedications(s).flatMap((m) => m.generics);
		expect(found('LANTUS 20 units at bedtime and Humalog with meals')).toEqual(['glargine', 'insulin', 'lispro', 'insulin']);
		expect(found('Eliquis, Lipitor, Lasix and metoprolol')).toEqual(['apixaban', 'atorvastatin', 'furosemide', 'metoprolol']);
		expect(found('Uses a Symbicort inhaler and Singulair')).toEqual(['budesonide', 'formoterol', 'montelukast']);
		expect(found('Finished Keflex; Diflucan for thrush; Humira for Crohn disease')).toEqual(['cephalexin', 'fluconazole', 'adalimumab']);
		expect(found('Proscar and Flomax for BPH, Fosamax weekly, Bactroban to the wound')).toEqual([
			'finasteride',
			'tamsulosin',
			'alendronate',
			'mupirocin'
		]);
	});

	it('finds nothing in ordinary text that names no drug', () => {
		expect(findMedications('She plans to walk to the store with Grace and Max.')).toEqual([]);
		expect(findMedications('He will focus on rest, drinks less coffee and takes an iron-rich diet with calcium.')).toEqual([]);
		expect(findMedications('We discussed how dopamine and serotonin affect mood; she felt clear and calm.')).toEqual([]);
	});
});
