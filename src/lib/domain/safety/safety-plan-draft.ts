import * as v from 'valibot';
import { AppError } from '../core/app-error';
import { checkGrounding, indexSource, type GroundingFlag, type GroundingHint } from '../grounding/check';
import { splitSentences } from '../notes/outline';
import { copySteps, emptySteps, EMERGENCY_NUMBER, type Contact, type SafetyPlanSteps } from './safety-plan';

/**
 * Pre-drafting a safety plan from session content: a model (or the outline, without one)
 * answers with the plan's lists, and every entry is then checked against the content, so an
 * entry the session does not support is shown flagged in the builder. The plan stays the
 * client's: drafted entries are only added, never replace what the client said.
 */

export type SafetyPlanDraft = SafetyPlanSteps;
export type StepKey = keyof SafetyPlanSteps;
const CONTACT_KEYS = ['distractionPeople', 'helpers', 'professionals'] as const satisfies readonly StepKey[];
const TEXT_KEYS = ['warningSigns', 'copingStrategies', 'distractionPlaces', 'meansSafety', 'reasonsForLiving'] as const satisfies readonly StepKey[];
type ContactKey = (typeof CONTACT_KEYS)[number];
type TextKey = (typeof TEXT_KEYS)[number];
const isContactKey = (key: StepKey): key is ContactKey => (CONTACT_KEYS as readonly string[]).includes(key);

export function safetyPlanSystemPrompt(): string {
	return [
		'You help a mental health clinician prepare a safety plan with their client, from the session content.',
		'Answer with one JSON object with these lists:',
		'- warningSigns: thoughts, feelings, situations or behaviours the client said come before a crisis;',
		'- copingStrategies: things the client can do alone to feel better or take their mind off things;',
		'- distractionPeople (name, contact) and distractionPlaces: people and places that take the client\'s mind off things;',
		'- helpers (name, contact): people the client can ask for help;',
		'- professionals (name, contact): clinicians and services the client can call, other than 988 and emergency services;',
		'- meansSafety: what the client agreed to do to make their surroundings safer;',
		'- reasonsForLiving: what the client said matters to them and is worth living for.',
		'Rules:',
		'- Use only what the content states. Leave a list empty when the content does not say.',
		'- Do not invent names, phone numbers, places or plans. Use "" for a contact the content does not give.',
		'- Write each entry in short, plain first-person words the client would use ("Call my sister"), no clinical terms.'
	].join('\n');
}

export function safetyPlanUserPrompt(content: string): string {
	return `Content:\n${content}`;
}

const string = { type: 'string' };
const strings = { type: 'array', items: string };
const contacts = {
	type: 'array',
	items: { type: 'object', properties: { name: string, contact: string }, required: ['name', 'contact'] }
};

/** Handed to WebLLM's structured output: the plan's lists, nothing else. */
export const safetyPlanJsonSchema = {
	type: 'object',
	properties: {
		warningSigns: strings,
		copingStrategies: strings,
		distractionPeople: contacts,
		distractionPlaces: strings,
		helpers: contacts,
		professionals: contacts,
		meansSafety: strings,
		reasonsForLiving: strings
	},
	required: ['warningSigns', 'copingStrategies', 'distractionPeople', 'distractionPlaces', 'helpers', 'professionals', 'meansSafety', 'reasonsForLiving']
} as const;

const contactShape = v.array(v.object({ name: v.string(), contact: v.string() }));
const draftShape = v.object({
	warningSigns: v.array(v.string()),
	copingStrategies: v.array(v.string()),
	distractionPeople: contactShape,
	distractionPlaces: v.array(v.string()),
	helpers: contactShape,
	professionals: contactShape,
	meansSafety: v.array(v.string()),
	reasonsForLiving: v.array(v.string())
});

export function validateSafetyPlanDraft(value: unknown): SafetyPlanDraft {
	const result = v.safeParse(draftShape, value);
	// Counts only: the values are model output and may hold PHI.
	if (!result.success) throw new AppError('inference/invalid-output', { shape: 'safety-plan', issues: result.issues.length });
	return result.output;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const sameText = (a: string, b: string) => oneLine(a).toLowerCase() === oneLine(b).toLowerCase();
/** 988 and emergency services are fixed lines of every plan; a drafted copy of them would only repeat them. */
const FIXED_LINE = new RegExp(`\\b(988|${EMERGENCY_NUMBER})\\b`);

/** The draft cleaned: blank and repeated entries dropped, the fixed crisis lines not duplicated. */
export function stepsFromDraft(draft: SafetyPlanDraft): SafetyPlanSteps {
	const steps = emptySteps();
	for (const key of TEXT_KEYS) steps[key] = mergeTexts([], draft[key]);
	for (const key of CONTACT_KEYS) steps[key] = mergeContacts([], draft[key]);
	steps.professionals = steps.professionals.filter((c) => !FIXED_LINE.test(`${c.name} ${c.contact}`));
	return steps;
}

function mergeTexts(current: readonly string[], added: readonly string[]): string[] {
	const out = [...current];
	for (const text of added.map(oneLine)) if (text && !out.some((t) => sameText(t, text))) out.push(text);
	return out;
}

function mergeContacts(current: readonly Contact[], added: readonly Contact[]): Contact[] {
	const out = current.map((c) => ({ ...c }));
	for (const c of added) {
		const person = { name: oneLine(c.name), contact: oneLine(c.contact) };
		if (person.name && !out.some((o) => sameText(o.name, person.name))) out.push(person);
	}
	return out;
}

/** The client's entries first, unchanged; drafted entries they do not already have after them. */
export function mergeDraftIntoSteps(current: SafetyPlanSteps, drafted: SafetyPlanSteps): SafetyPlanSteps {
	const steps = copySteps(current);
	for (const key of TEXT_KEYS) steps[key] = mergeTexts(steps[key], drafted[key]);
	for (const key of CONTACT_KEYS) steps[key] = mergeContacts(steps[key], drafted[key]);
	return steps;
}

/**
 * Outline cues, most safety-critical first; a sentence goes to the first step it matches.
 * Deliberately narrow: a missed sentence costs a tap, a wrong one could mislead the plan.
 */
const CUES: readonly (readonly [TextKey | 'helpers', RegExp])[] = [
	['meansSafety', /\b(firearms?|guns?|weapons?|lethal means|means safety|lock ?box|safe storage|lock(ed|s)? (it |them )?(up|away))\b/i],
	['reasonsForLiving', /\b(reasons? (for|to) liv(e|ing)|worth living|live for|keeps? (me|him|her|them) going)\b/i],
	['warningSigns', /\b(warning signs?|triggers?|triggered|a crisis (is )?coming)\b/i],
	['helpers', /\b(ask(ed|s)? for help|reach(ed)? out to|can (call|text|talk to)|support person)\b/i],
	['copingStrategies', /\b(cop(e|es|ing)|calms? (me|him|her|them) down|helps? (me|him|her|them) (feel better|relax|calm down))\b/i],
	['distractionPlaces', /\b(distract(s|ed|ion|ions)?|takes? (my|his|her|their) mind off)\b/i]
];
const SPEAKER = /^\s*[A-Za-z]{1,12}\s*:\s*/;

/**
 * The outline (no AI): the content's own sentences, whole and unchanged apart from a speaker
 * label, under the step their words point to. Professionals are left to the clinician.
 */
export function outlineSafetyPlanDraft(content: string): SafetyPlanDraft {
	const draft = emptySteps();
	for (const sentence of splitSentences(content)) {
		const text = sentence.speaker ? sentence.text.replace(SPEAKER, '') : sentence.text;
		const step = CUES.find(([, cue]) => cue.test(text))?.[0];
		if (!step || !text.trim()) continue;
		if (step === 'helpers') draft.helpers.push({ name: text, contact: '' });
		else draft[step].push(text);
	}
	return draft;
}

/** One flagged entry: which list, the entry's text as shown, why, and the nearest session text. */
export interface SafetyPlanFlag {
	step: StepKey;
	entry: string;
	reasons: string[];
	closestSource: string | null;
}

/** How an entry reads for the grounding check and for matching a flag to the entry on screen. */
export function entryText(entry: string | Contact): string {
	return typeof entry === 'string' ? oneLine(entry) : [entry.name, entry.contact].map(oneLine).filter(Boolean).join(', ');
}

/**
 * The grounding check on every drafted entry, each checked on its own so a flag points at one
 * entry: a name, number or plan the session content does not contain is flagged with the reason.
 */
export function groundSafetyPlanDraft(content: string, drafted: SafetyPlanSteps): SafetyPlanFlag[] {
	const source = indexSource(content);
	const sections: Record<string, string> = {};
	for (const key of Object.keys(drafted) as StepKey[]) {
		const list: readonly (string | Contact)[] = isContactKey(key) ? drafted[key] : drafted[key as TextKey];
		list.forEach((entry, i) => (sections[`${key}:${i}`] = entryText(entry)));
	}
	const flags = new Map<string, SafetyPlanFlag>();
	for (const sentence of checkGrounding(source, sections).sentences) {
		// An entry is short and in the client's own words: one with no close source is worth a look too.
		const marks = [...sentence.flags, ...sentence.hints];
		if (!marks.length) continue;
		const id = sentence.section;
		const step = id.slice(0, id.lastIndexOf(':')) as StepKey;
		const flag = flags.get(id) ?? { step, entry: sections[id]!, reasons: [], closestSource: firstSource(marks) };
		for (const f of marks) if (!flag.reasons.includes(f.reason)) flag.reasons.push(f.reason);
		flags.set(id, flag);
	}
	return [...flags.values()];
}

function firstSource(flags: readonly (GroundingFlag | GroundingHint)[]): string | null {
	return flags.find((f) => f.closestSource)?.closestSource ?? null;
}
