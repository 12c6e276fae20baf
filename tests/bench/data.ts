/**
 * Deterministic synthetic data for the benchmarks: clients with plausible demographics and
 * session notes of about 2 KB of clinical-sounding prose. Everything comes from one seeded
 * PRNG, so every run (and every machine) benchmarks exactly the same records.
 */
import { newClient, newSession, SERVICE_TYPES, type Client, type Session } from '$lib/domain/core/records';

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for test data. */
export function mulberry32(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
	return items[Math.floor(rng() * items.length)]!;
}

function int(rng: Rng, min: number, max: number): number {
	return min + Math.floor(rng() * (max - min + 1));
}

/** A UUID-shaped id (v4 layout) from the PRNG, so ids are deterministic too. */
export function fakeUuid(rng: Rng): string {
	let hex = '';
	for (let i = 0; i < 32; i++) hex += Math.floor(rng() * 16).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rng() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const FIRST_NAMES = [
	'Maria', 'James', 'Aisha', 'Daniel', 'Sofia', 'Michael', 'Priya', 'David', 'Elena', 'Jamal',
	'Hannah', 'Luis', 'Grace', 'Omar', 'Chloe', 'Ethan', 'Fatima', 'Noah', 'Yuki', 'Samuel',
	'Olivia', 'Mateo', 'Leila', 'Benjamin', 'Amara', 'Lucas', 'Isabel', 'Kwame', 'Rosa', 'Tyler',
	'Mei', 'Gabriel', 'Nadia', 'Owen', 'Zara', 'Isaac', 'Camila', 'Theo', 'Ingrid', 'Andre',
	'Beatriz', 'Connor', 'Dalia', 'Felix', 'Giulia', 'Hector', 'Imani', 'Jonah', 'Keiko', 'Marcus'
] as const;

export const LAST_NAMES = [
	'Lopez', 'Okafor', 'Nguyen', 'Smith', 'Kowalski', 'Haddad', 'Patel', 'Johansson', 'Garcia', 'Kim',
	'Brown', 'Rossi', 'Mensah', 'Schmidt', 'Tanaka', 'Oliveira', 'Murphy', 'Novak', 'Ibrahim', 'Chen',
	'Fischer', 'Silva', 'Walker', 'Moreau', 'Hughes', 'Petrov', 'Castillo', 'Dubois', 'Adeyemi', 'Larsen',
	'Morales', 'Singh', 'Bennett', 'Yilmaz', 'Reyes', 'Sato', 'Kaplan', 'Duarte', 'Osei', 'Lindqvist'
] as const;

const PRONOUNS = ['she/her', 'he/him', 'they/them', '', 'she/they', 'he/they'] as const;

const DIAGNOSES = [
	{ code: 'F41.1', description: 'Generalized anxiety disorder' },
	{ code: 'F33.1', description: 'Major depressive disorder, recurrent, moderate' },
	{ code: 'F43.10', description: 'Post-traumatic stress disorder, unspecified' },
	{ code: 'F41.0', description: 'Panic disorder' },
	{ code: 'F42.2', description: 'Mixed obsessional thoughts and acts' },
	{ code: 'F43.23', description: 'Adjustment disorder with mixed anxiety and depressed mood' },
	{ code: 'F90.0', description: 'ADHD, predominantly inattentive type' },
	{ code: 'F10.20', description: 'Alcohol use disorder, moderate' },
	{ code: 'F50.2', description: 'Bulimia nervosa' },
	{ code: 'F31.81', description: 'Bipolar II disorder' }
] as const;

const STREETS = ['Maple', 'Oak', 'Harbor', 'Cedar', 'Elm', 'Willow', 'Lakeview', 'Hillcrest', 'Juniper', 'Bayview'] as const;

// Prose building blocks. Large enough that notes differ and search terms are selective.
const FEELINGS = [
	'anxious', 'overwhelmed', 'irritable', 'hopeless', 'tearful', 'restless', 'numb', 'guilty', 'ashamed',
	'lonely', 'hopeful', 'calmer', 'frustrated', 'exhausted', 'on edge', 'discouraged', 'relieved', 'detached',
	'resentful', 'motivated', 'flat', 'agitated', 'apprehensive', 'content', 'embarrassed', 'jealous', 'panicky'
] as const;
const SYMPTOMS = [
	'racing thoughts', 'early morning waking', 'chest tightness', 'intrusive memories', 'nightmares',
	'difficulty concentrating', 'low energy', 'loss of interest', 'muscle tension', 'headaches', 'panic attacks',
	'rumination', 'hypervigilance', 'avoidance of crowds', 'binge eating', 'skipped meals', 'social withdrawal',
	'increased alcohol use', 'checking behaviours', 'irritability with family', 'stomach aches', 'dissociation',
	'procrastination', 'trouble falling asleep', 'excessive worry', 'flashbacks', 'tremor', 'dizziness'
] as const;
const CONTEXTS = [
	'at work', 'in the evenings', 'before meetings', 'around her mother', 'around his father', 'on the commute',
	'at the grocery store', 'during weekends', 'after phone calls with the ex-partner', 'at family dinners',
	'when alone at home', 'in class', 'during performance reviews', 'while driving', 'at church', 'at the gym',
	'on social media', 'during custody exchanges', 'in the waiting room', 'before bedtime', 'at the pharmacy'
] as const;
const INTERVENTIONS = [
	'cognitive restructuring', 'behavioural activation', 'diaphragmatic breathing', 'progressive muscle relaxation',
	'exposure hierarchy', 'thought records', 'grounding techniques', 'motivational interviewing', 'values clarification',
	'distress tolerance skills', 'sleep hygiene education', 'problem solving therapy', 'mindfulness of breath',
	'interpersonal effectiveness', 'chain analysis', 'safety planning', 'psychoeducation about panic',
	'worry postponement', 'self-compassion exercises', 'imaginal exposure', 'assertiveness practice', 'urge surfing'
] as const;
const TOPICS = [
	'the divorce', 'job loss', 'a recent promotion', 'grief after the death of a grandparent', 'conflict with a roommate',
	'parenting stress', 'a breakup', 'financial pressure', 'immigration paperwork', 'a chronic pain diagnosis',
	'returning to university', 'caring for an ageing parent', 'a car accident last spring', 'workplace bullying',
	'the pregnancy', 'moving to a new city', 'coming out to family', 'retirement', 'a court date', 'fertility treatment',
	'a friendship ending', 'military service', 'the anniversary of the assault', 'the new medication', 'sobriety'
] as const;
const RELATIONS = [
	'partner', 'mother', 'father', 'sister', 'brother', 'daughter', 'son', 'manager', 'best friend', 'roommate',
	'grandmother', 'coworker', 'sponsor', 'teacher', 'ex-husband', 'ex-wife', 'stepfather', 'aunt', 'neighbour'
] as const;
const RELATION_EVENTS = [
	'has been more supportive lately', 'criticised the client in front of others', 'moved back home',
	'was hospitalised last week', 'stopped returning calls', 'offered to attend a session', 'started drinking again',
	'announced an engagement', 'is moving out next month', 'has been checking the client’s phone',
	'apologised for the argument', 'lost a job', 'was diagnosed with cancer', 'has been encouraging exercise'
] as const;
const MOODS = ['euthymic', 'depressed', 'anxious', 'irritable', 'dysphoric', 'mildly elevated', 'labile', 'calm'] as const;
const AFFECTS = ['congruent', 'constricted', 'blunted', 'full range', 'tearful at times', 'reactive', 'guarded'] as const;
const THOUGHT = ['linear and goal-directed', 'circumstantial', 'tangential at times', 'organised', 'slowed'] as const;
const SLEEP = [
	'about five hours per night with frequent waking', 'improved to seven hours', 'variable, late bedtime after screens',
	'disrupted by nightmares twice this week', 'restorative on most nights', 'fragmented since the move'
] as const;
const APPETITE = ['reduced', 'increased', 'stable', 'irregular with skipped lunches', 'improving', 'poor in the mornings'] as const;
const HOMEWORK = [
	'complete two thought records', 'schedule three pleasant activities', 'practise breathing twice daily',
	'track sleep in the diary', 'draft the letter to the sister', 'attend one support group meeting',
	'climb two steps on the exposure hierarchy', 'call the pharmacy about the refill', 'walk twenty minutes daily',
	'write down three values', 'use the worry window at six in the evening', 'try the grounding card at work'
] as const;
const MEDS = ['sertraline', 'escitalopram', 'bupropion', 'fluoxetine', 'venlafaxine', 'quetiapine', 'lamotrigine', 'trazodone', 'hydroxyzine', 'naltrexone'] as const;
const ADHERENCE = ['taken as prescribed', 'missed several doses', 'stopped two weeks ago without consulting the prescriber', 'dose recently increased by the psychiatrist', 'reports mild nausea'] as const;
const SCALES = ['PHQ-9', 'GAD-7', 'PCL-5', 'AUDIT-C', 'DASS-21'] as const;
const PROGRESS = [
	'Client is making steady progress toward treatment goals.',
	'Progress is slower than expected; barriers were explored.',
	'Client appears ambivalent about change and this was reflected back.',
	'Gains from previous sessions appear to be maintained.',
	'Symptoms have intensified in the context of recent stressors.',
	'Client engaged well and was able to identify cognitive distortions independently.'
] as const;

const SYLLABLES = [
	'ka', 'lo', 'mi', 'ren', 'tor', 'va', 'bel', 'sha', 'dun', 'fi', 'gor', 'hal', 'ix', 'jo', 'kel', 'lum',
	'mar', 'nor', 'ost', 'pra', 'quin', 'ros', 'sel', 'tan', 'ul', 'vin', 'wes', 'yor', 'zan', 'bri', 'cor', 'del'
] as const;
const NOUN_KINDS = ['friend', 'coworker', 'the bakery', 'the clinic', 'the dog', 'Street', 'the team', 'Park', 'the school', 'the company'] as const;

/** Pseudo proper nouns (friends, streets, employers, pets): the long tail of a real vocabulary. */
function properNouns(rng: Rng, count: number): string[] {
	const seen = new Set<string>();
	while (seen.size < count) {
		let w = '';
		const n = int(rng, 2, 3);
		for (let i = 0; i < n; i++) w += pick(rng, SYLLABLES);
		seen.add(w[0]!.toUpperCase() + w.slice(1));
	}
	return [...seen];
}

function iso(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export interface Dataset {
	clients: Client[];
	sessions: Session[];
	/** Words that occur in the notes, for building queries. */
	vocabulary: {
		single: string[];
		names: string[];
		properNouns: string[];
	};
}

export function generateDataset(opts: { clients: number; sessions: number; seed: number; noteBytes: number }): Dataset {
	const rng = mulberry32(opts.seed);
	const nouns = properNouns(rng, 6000);
	// Zipf-like: a few names recur a lot, most are rare.
	const noun = () => nouns[Math.floor(Math.pow(rng(), 3) * nouns.length)]!;

	const clients: Client[] = [];
	for (let i = 0; i < opts.clients; i++) {
		const c = newClient(fakeUuid(rng));
		const first = pick(rng, FIRST_NAMES);
		const last = pick(rng, LAST_NAMES);
		c.name = `${first} ${last}`;
		c.preferredName = rng() < 0.2 ? first.slice(0, 3) : '';
		c.pronouns = pick(rng, PRONOUNS);
		c.dateOfBirth = iso(new Date(Date.UTC(int(rng, 1950, 2006), int(rng, 0, 11), int(rng, 1, 28))));
		c.phone = `555-${int(rng, 100, 999)}-${int(rng, 1000, 9999)}`;
		c.email = `${first}.${last}${int(rng, 1, 99)}@example.org`.toLowerCase();
		c.address = `${int(rng, 1, 9999)} ${pick(rng, STREETS)} Avenue, Springfield`;
		c.diagnoses = [pick(rng, DIAGNOSES)];
		if (rng() < 0.4) c.diagnoses.push(pick(rng, DIAGNOSES));
		c.part2 = c.diagnoses.some((d) => d.code.startsWith('F10'));
		c.aiConsent = rng() < 0.7 ? { given: true, date: '2024-01-15' } : { given: false, date: '' };
		clients.push(c);
	}

	const start = Date.UTC(2023, 0, 2);
	const sessions: Session[] = [];
	for (let i = 0; i < opts.sessions; i++) {
		const client = clients[i % clients.length]!;
		const nth = Math.floor(i / clients.length);
		const date = iso(new Date(start + (nth * 7 + int(rng, 0, 4)) * 86_400_000));
		const s = newSession(fakeUuid(rng), client.id, date);
		const hour = int(rng, 8, 18);
		s.startTime = `${String(hour).padStart(2, '0')}:00`;
		s.endTime = `${String(hour).padStart(2, '0')}:${pick(rng, ['45', '50', '53'])}`;
		s.serviceType = rng() < 0.8 ? 'Individual psychotherapy' : pick(rng, SERVICE_TYPES);
		s.participants = rng() < 0.85 ? 'Client' : `Client and ${pick(rng, RELATIONS)}`;
		s.content = note(rng, client, noun, opts.noteBytes);
		sessions.push(s);
	}

	const single = [...FEELINGS, ...SYMPTOMS, ...INTERVENTIONS, ...TOPICS, ...RELATIONS, ...MEDS]
		.flatMap((p) => p.split(/[^A-Za-z]+/))
		.filter((w) => w.length >= 4);
	return {
		clients,
		sessions,
		vocabulary: {
			single: [...new Set(single.map((w) => w.toLowerCase()))],
			names: clients.map((c) => c.name),
			properNouns: nouns.slice(0, 600)
		}
	};
}

/** A SOAP-style note of roughly `target` bytes (±15%). */
function note(rng: Rng, client: Client, noun: () => string, target: number): string {
	const first = client.preferredName || client.name.split(' ')[0]!;
	const they = client.pronouns.startsWith('he') ? 'He' : client.pronouns.startsWith('she') ? 'She' : 'They';
	const sentences: Array<() => string> = [
		() => `${first} reported feeling ${pick(rng, FEELINGS)} ${pick(rng, CONTEXTS)}, with ${pick(rng, SYMPTOMS)} most days this week.`,
		() => `${they} described ${pick(rng, SYMPTOMS)} and ${pick(rng, SYMPTOMS)} that began after ${pick(rng, TOPICS)}.`,
		() => `Discussed ${pick(rng, TOPICS)} and how it relates to ${pick(rng, TOPICS)}.`,
		() => `${first} said that the ${pick(rng, RELATIONS)} ${pick(rng, RELATION_EVENTS)}, and felt ${pick(rng, FEELINGS)} about it.`,
		() => `Mentioned ${noun()} (${pick(rng, NOUN_KINDS)}) several times when talking about ${pick(rng, TOPICS)}.`,
		() => `Spent about ${int(rng, 5, 25)} minutes on ${pick(rng, INTERVENTIONS)}; ${first} was ${pick(rng, ['engaged', 'hesitant', 'curious', 'tired but willing', 'skeptical at first'])}.`,
		() => `Met with ${noun()} from ${noun()} ${pick(rng, ['last Tuesday', 'over the weekend', 'twice', 'briefly', 'after work'])}, which left ${first} feeling ${pick(rng, FEELINGS)}.`,
		() => `Sleep ${pick(rng, SLEEP)}; appetite ${pick(rng, APPETITE)}.`,
		() => `Medication: ${pick(rng, MEDS)} ${int(rng, 1, 20) * 10} mg, ${pick(rng, ADHERENCE)}.`,
		() => `${pick(rng, SCALES)} score today was ${int(rng, 2, 24)}, compared with ${int(rng, 2, 24)} at intake.`
	];
	const section = (title: string, body: string[]) => `${title}: ${body.join(' ')}`;
	const subjective: string[] = [];
	const objective = [
		`Client arrived ${pick(rng, ['on time', 'ten minutes late', 'early'])}, ${pick(rng, ['casually dressed', 'well groomed', 'dressed for work'])}, with ${pick(rng, ['good', 'fair', 'limited'])} eye contact.`,
		`Mood ${pick(rng, MOODS)}, affect ${pick(rng, AFFECTS)}; thought process ${pick(rng, THOUGHT)}.`,
		`Denied suicidal ideation, intent or plan; denied homicidal ideation.`
	];
	const assessment = [pick(rng, PROGRESS), `Continued focus on ${pick(rng, INTERVENTIONS)} is indicated.`];
	const plan = [`Homework: ${pick(rng, HOMEWORK)} and ${pick(rng, HOMEWORK)}.`, `Next session in ${pick(rng, ['one week', 'two weeks', 'ten days'])}.`];
	const fixed = [objective, assessment, plan].flat().join(' ').length + 40;
	const goal = target * (0.85 + rng() * 0.3) - fixed;
	let length = 0;
	while (length < goal) {
		const s = pick(rng, sentences)();
		subjective.push(s);
		length += s.length + 1;
	}
	return [
		section('Subjective', subjective),
		section('Objective', objective),
		section('Assessment', assessment),
		section('Plan', plan)
	].join('\n\n');
}

/** A deterministic mix of realistic queries: single words, two words, prefixes, names. */
export function generateQueries(rng: Rng, data: Dataset, count: number): { kind: string; q: string }[] {
	const out: { kind: string; q: string }[] = [];
	const { single, names, properNouns } = data.vocabulary;
	for (let i = 0; i < count; i++) {
		const r = i % 10;
		if (r < 3) out.push({ kind: 'word', q: pick(rng, single) });
		else if (r < 5) out.push({ kind: 'two-words', q: `${pick(rng, single)} ${pick(rng, single)}` });
		else if (r < 7) {
			const w = pick(rng, single);
			out.push({ kind: 'prefix', q: w.slice(0, int(rng, 3, Math.min(5, w.length))) });
		} else if (r < 9) {
			const n = pick(rng, names);
			out.push({ kind: 'name', q: rng() < 0.5 ? n : n.split(' ')[1]! });
		} else out.push({ kind: 'proper-noun', q: pick(rng, properNouns) });
	}
	return out;
}
