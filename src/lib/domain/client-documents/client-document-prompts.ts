import * as v from 'valibot';
import { AppError } from '../core/app-error';
import { diagnosesParagraph, isLetterTemplate, letterhead, type ClientDocumentTemplate, type PracticeDetails } from './client-document';
import { splitSentences } from '../notes/outline';
import { plainerWords, simplifyText } from './client-language';
import { READING_LEVEL_TARGET, SIMPLER_TARGET } from './readability';
import type { Client, Session } from '../core/records';

/**
 * Drafting client-facing documents. A model answers `{ title, body }`; the outline (no AI)
 * answers with a fixed template per kind, filled only from the record. Each template gets only
 * the facts it needs (minimum necessary, for the model as well): diagnoses only when the
 * clinician included them, session content only for the summary and the activity plan.
 */
export interface DocumentSource {
	template: ClientDocumentTemplate;
	client: Pick<Client, 'name' | 'preferredName' | 'dateOfBirth' | 'diagnoses'>;
	/** The signing clinician. */
	clinician: string;
	practice: Partial<PracticeDetails> | null | undefined;
	/** ISO date. */
	today: string;
	recipient: string;
	includeDiagnoses: boolean;
	/** The chosen session: the appointment a letter confirms, or the session summarised. */
	session: Pick<Session, 'date' | 'startTime' | 'serviceType' | 'content'> | null;
	/** Sessions held on or before today, oldest first (attendance letters). */
	attended: readonly Pick<Session, 'date' | 'startTime' | 'serviceType'>[];
	/** The next session after today, when one is booked. */
	next: Pick<Session, 'date' | 'startTime'> | null;
	/** Goals of the active treatment plan. */
	goals: readonly string[];
}

export interface DocumentDraft {
	title: string;
	body: string;
}

// ---- Dates and times as a client reads them --------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "2026-05-02" → "Saturday, May 2, 2026"; anything else is returned as it is. */
export function longDate(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
	return `${DAYS[day]}, ${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
}

/** "14:30" → "2:30 p.m."; empty stays empty. */
export function clockTime(hhmm: string): string {
	const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
	if (!m) return hhmm;
	const hour = Number(m[1]);
	return `${hour % 12 || 12}:${m[2]} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
}

const firstName = (c: DocumentSource['client']) => c.preferredName.trim() || c.name.trim().split(/\s+/)[0] || '[first name]';
const fullName = (c: DocumentSource['client']) => c.name.trim() || '[client name]';
const or = (value: string, placeholder: string) => value.trim() || placeholder;

// ---- The facts each template may use ---------------------------------------------------

const USES_CONTENT: ReadonlySet<ClientDocumentTemplate> = new Set(['session-summary', 'behavioural-activation']);

/** The record as labelled lines: the model's only facts, and the grounding check's source. */
export function sourceFacts(s: DocumentSource): string[] {
	const head = letterhead(s.practice);
	const facts = [`Client's first name: ${firstName(s.client)}`, `Clinician: ${or(s.clinician, '[your name]')}`, `Practice: ${head.name}`];
	facts.push(`Practice phone: ${head.phone}`, `Today: ${longDate(s.today)}`);
	if (isLetterTemplate(s.template)) facts.push(`Client's full name: ${fullName(s.client)}`, `Recipient: ${or(s.recipient, '[recipient]')}`);
	if (s.template === 'referral' && s.client.dateOfBirth) facts.push(`Client's date of birth: ${longDate(s.client.dateOfBirth)}`);
	if (s.session && s.template !== 'attendance') {
		facts.push(`Session: ${longDate(s.session.date)}${s.session.startTime ? ` at ${clockTime(s.session.startTime)}` : ''}, ${s.session.serviceType}`);
	}
	if (s.template === 'attendance') facts.push(...s.attended.map((a) => `Attended: ${attendedLine(a)}`));
	if (s.next && s.template === 'session-summary') facts.push(`Next session: ${appointment(s.next)}`);
	if (s.template === 'referral') facts.push(...s.goals.map((g) => `Treatment goal: ${g}`));
	if (s.includeDiagnoses && isLetterTemplate(s.template)) facts.push(diagnosesParagraph(s.client.diagnoses).replace(/\.$/, ''));
	return facts;
}

/** The session content the template may read, or '' (only the summary and activity plan read it). */
export function sourceContent(s: DocumentSource): string {
	return USES_CONTENT.has(s.template) ? (s.session?.content ?? '') : '';
}

const attendedLine = (a: Pick<Session, 'date' | 'startTime' | 'serviceType'>) =>
	`${longDate(a.date)}${a.startTime ? ` at ${clockTime(a.startTime)}` : ''} (${a.serviceType})`;
const appointment = (a: Pick<Session, 'date' | 'startTime'>) => `${longDate(a.date)}${a.startTime ? ` at ${clockTime(a.startTime)}` : ''}`;
/** Adds a full stop unless the text already ends with one ("2:30 p.m." does). */
const endSentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

// ---- Outline drafts (no AI) ------------------------------------------------------------

const HOMEWORK = /\b(homework|practi[cs]e|will try|try to|agreed|plans? to|this week|before (?:our |the )?next|each day|every day|daily|keep a|write down|track)\b/i;
const SPEAKER = /^\s*[A-Za-z]{1,12}\s*:\s*/;

const SUBJECT = /^(?:the\s+)?(?:client|patient|pt)\s+(\w+)/i;
const VERBS: Readonly<Record<string, string>> = { is: 'are', was: 'were', has: 'have', says: 'say', reports: 'report', states: 'state', agrees: 'agree', plans: 'plan', wants: 'want', feels: 'feel', notes: 'note', shares: 'share', notices: 'notice' };

/**
 * Speaks to the client: "Client agreed to walk" becomes "You agreed to walk", and the client's
 * own words are quoted as theirs. A deliberately small rewrite; the clinician reviews the rest.
 */
function toClient(sentence: { text: string; speaker: 'client' | 'clinician' | null }): string {
	const text = sentence.speaker ? sentence.text.replace(SPEAKER, '').trim() : sentence.text.trim();
	if (sentence.speaker === 'client') return `You said: “${text}”`;
	return text.replace(SUBJECT, (_, verb: string) => `You ${VERBS[verb.toLowerCase()] ?? verb}`);
}

/** The content's sentences, spoken to the client, split into agreed homework and the rest. */
export function sessionPoints(content: string): { talked: string[]; homework: string[] } {
	const sentences = splitSentences(content)
		.filter((s) => !s.text.trim().endsWith('?'))
		.map(toClient)
		.filter(Boolean);
	return { talked: sentences.filter((s) => !HOMEWORK.test(s)), homework: sentences.filter((s) => HOMEWORK.test(s)) };
}

/** The outline shows at most this many points from a session: a summary for a client, not a transcript. */
const MAX_POINTS = 8;
const list = (items: readonly string[], placeholder: string) => (items.length ? items.map((i) => `- ${i}`).join('\n') : placeholder);
const BLANK = '______';

function closing(s: DocumentSource): string {
	return `Sincerely,\n${or(s.clinician, '[your name]')}\n${letterhead(s.practice).name}`;
}

function diagnosesPart(s: DocumentSource): string[] {
	return s.includeDiagnoses ? [diagnosesParagraph(s.client.diagnoses)] : [];
}

const OUTLINES: Readonly<Record<ClientDocumentTemplate, (s: DocumentSource) => DocumentDraft>> = {
	'thought-record': (s) => ({
		title: 'Thought record',
		body: [
			`Hi ${firstName(s.client)}. Use this page when a strong feeling shows up. Write short answers. There are no wrong answers.`,
			`1. What happened?\nWhere were you? Who was there?\n${BLANK}`,
			`2. What went through your mind?\nWrite the thought in your own words.\n${BLANK}`,
			`3. How did you feel?\nName the feeling. Rate how strong it was from 0 to 10.\n${BLANK}`,
			`4. What makes the thought seem true?\n${BLANK}`,
			`5. What does not fit with the thought?\n${BLANK}`,
			`6. What is another way to see it?\nThink of what you would tell a friend.\n${BLANK}`,
			`7. How do you feel now?\nRate the feeling again from 0 to 10.\n${BLANK}`,
			'Bring this page to our next session.'
		].join('\n\n')
	}),
	'behavioural-activation': (s) => {
		const ideas = sessionPoints(sourceContent(s)).homework.slice(0, MAX_POINTS);
		const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => `${d}: ${BLANK}`);
		return {
			title: 'My activity plan',
			body: [
				`Hi ${firstName(s.client)}. Doing small things you enjoy or care about can lift your mood. Plan a few for this week. Start small.`,
				...(ideas.length ? [`Ideas from our session:\n${list(ideas, '')}`] : []),
				'For each day, write one thing you will do and when. After you do it, rate your mood from 0 to 10.',
				days.join('\n'),
				`What did you notice this week?\n${BLANK}`
			].join('\n\n')
		};
	},
	grounding: (s) => ({
		title: 'Grounding: 5-4-3-2-1',
		body: [
			`Hi ${firstName(s.client)}. Use this when you feel stressed or far away. It helps you come back to right now. Go slowly. Breathe in and out.`,
			['Notice 5 things you can see.', 'Notice 4 things you can touch.', 'Notice 3 things you can hear.', 'Notice 2 things you can smell.', 'Notice 1 thing you can taste.'].join('\n'),
			'Take one more slow breath. How do you feel now?',
			'If you ever feel unsafe, call or text 988 at any time.'
		].join('\n\n')
	}),
	'session-summary': (s) => {
		const points = sessionPoints(sourceContent(s));
		const date = s.session ? longDate(s.session.date) : '[session date]';
		return {
			title: 'Summary of our session',
			body: [
				`Hi ${firstName(s.client)}. Here is a short summary of our session on ${date}.`,
				`What we talked about:\n${list(points.talked.slice(0, MAX_POINTS), '[Add what you talked about]')}`,
				`What you agreed to try before next time:\n${list(points.homework.slice(0, MAX_POINTS), '[Add the homework you agreed on]')}`,
				...(s.next ? [endSentence(`Our next session: ${appointment(s.next)}`)] : [])
			].join('\n\n')
		};
	},
	appointment: (s) => ({
		title: 'Appointment confirmation',
		body: [
			`Dear ${firstName(s.client)},`,
			`This letter confirms your next appointment with ${or(s.clinician, '[your name]')} at ${letterhead(s.practice).name}.`,
			[`Date: ${s.session ? longDate(s.session.date) : '[date]'}`, `Time: ${s.session?.startTime ? clockTime(s.session.startTime) : '[time]'}`, `Type: ${s.session?.serviceType ?? '[type of appointment]'}`].join('\n'),
			`If you need to change this time, please call us at ${letterhead(s.practice).phone}.`,
			closing(s)
		].join('\n\n')
	}),
	attendance: (s) => ({
		title: 'Confirmation of attendance',
		body: [
			`Dear ${or(s.recipient, '[recipient]')},`,
			`This letter confirms that ${fullName(s.client)} attended appointments at ${letterhead(s.practice).name} on these dates:`,
			list(s.attended.map(attendedLine), '[dates attended]'),
			`Please call me at ${letterhead(s.practice).phone} if you have any questions.`,
			closing(s)
		].join('\n\n')
	}),
	accommodation: (s) => ({
		title: 'Request for accommodations',
		body: [
			`Dear ${or(s.recipient, '[recipient]')},`,
			`I am writing at the request of ${fullName(s.client)}, who sees me at ${letterhead(s.practice).name}.`,
			'I support the following accommodations: [what the client needs, for example extra time, a quiet place to work, or time off for appointments].',
			`To protect ${firstName(s.client)}'s privacy, this letter does not give clinical details.`,
			...diagnosesPart(s),
			`Please call me at ${letterhead(s.practice).phone} if you have any questions.`,
			closing(s)
		].join('\n\n')
	}),
	referral: (s) => ({
		title: 'Referral',
		body: [
			`Dear ${or(s.recipient, '[recipient]')},`,
			`I am referring ${fullName(s.client)}${s.client.dateOfBirth ? ` (date of birth ${longDate(s.client.dateOfBirth)})` : ''} to you for [reason for referral].`,
			...(s.goals.length ? [`Goals we have been working on:\n${list(s.goals, '')}`] : []),
			...diagnosesPart(s),
			`Please call me at ${letterhead(s.practice).phone} to arrange care or if you need more information.`,
			closing(s)
		].join('\n\n')
	})
};

export function outlineDocument(source: DocumentSource): DocumentDraft {
	return OUTLINES[source.template](source);
}

// ---- Model prompts ---------------------------------------------------------------------

const GUIDANCE: Readonly<Record<ClientDocumentTemplate, string>> = {
	'thought-record': 'A thought record worksheet: numbered steps (situation, thought, feeling rated 0 to 10, evidence for, evidence against, a balanced thought, feeling again), each with a blank line "______" to write on.',
	'behavioural-activation': 'A behavioural activation plan, titled in plain words (e.g. "My activity plan"): why small activities help, ideas taken only from the session content, a line per day of the week to write an activity and a time, and a mood rating from 0 to 10.',
	grounding: 'The 5-4-3-2-1 grounding exercise: notice 5 things you see, 4 you can touch, 3 you hear, 2 you smell, 1 you taste; slow breathing; and "If you ever feel unsafe, call or text 988 at any time."',
	'session-summary': 'A short summary of the session for the client: what was talked about, and the homework agreed, only as the session content states it; the next session if it is listed.',
	appointment: 'A letter to the client confirming the appointment listed (date, time, type), with the practice phone number to change it.',
	attendance: 'A letter confirming the dates the client attended, exactly as listed, and nothing about why.',
	accommodation: 'A letter to a school or an employer supporting accommodations. Leave "[what the client needs]" for the clinician to fill in. No clinical details.',
	referral: 'A referral letter to another provider: who is referred, "[reason for referral]" for the clinician to fill in, and the treatment goals listed.'
};

export function documentSystemPrompt(template: ClientDocumentTemplate): string {
	const letter = isLetterTemplate(template);
	return [
		`You write a ${letter ? 'letter' : 'worksheet'} that a mental health clinician gives ${letter ? 'on behalf of' : 'to'} a client. ${GUIDANCE[template]}`,
		'Answer with one JSON object: {"title": "...", "body": "..."}. The body is plain text; separate paragraphs with a blank line.',
		'Rules:',
		'- Use only the facts given. Do not add names, dates, times, numbers, places, medications or events that are not in them.',
		'- No diagnoses, diagnosis codes or clinical labels unless a "Diagnoses:" line is given; then copy it exactly.',
		`- ${letter ? 'Plain, polite words a reader outside health care understands' : `Plain, warm words at grade ${READING_LEVEL_TARGET} reading level or below: short sentences, common words`}. No jargon or abbreviations.`,
		'- Where a needed fact is missing, write a short placeholder in square brackets, e.g. [date], for the clinician to fill in.',
		letter ? '- End with "Sincerely," and the clinician and practice names given.' : '- Speak to the client as "you".'
	].join('\n');
}

export function documentUserPrompt(source: DocumentSource): string {
	const content = sourceContent(source);
	const facts = `Facts from the record:\n${sourceFacts(source).map((f) => `- ${f}`).join('\n')}`;
	return content.trim() ? `${facts}\n\nSession content:\n${content}` : facts;
}

export function simplerSystemPrompt(): string {
	return [
		`You rewrite a document for a client so it reads at grade ${SIMPLER_TARGET} or below.`,
		'Answer with one JSON object: {"title": "...", "body": "..."}.',
		'- Keep every fact: every name, date, time, number, phone number, step and homework item.',
		'- Keep the layout: numbered steps, lists, blank lines "______" and placeholders in square brackets stay.',
		'- Use short sentences and common words. Do not add anything, and add no diagnoses or clinical labels.'
	].join('\n');
}

export function simplerUserPrompt(doc: DocumentDraft): string {
	return `Title: ${doc.title}\n\nText:\n${doc.body}`;
}

// ---- "Make it simpler" without a model --------------------------------------------------

/** The outline's simpler version: see `simplifyText` (client-language.ts). It keeps every fact. */
export function outlineSimpler(doc: DocumentDraft): DocumentDraft {
	return { title: plainerWords(doc.title), body: simplifyText(doc.body) };
}

// ---- The answer's shape ----------------------------------------------------------------

export const documentJsonSchema = {
	type: 'object',
	properties: { title: { type: 'string' }, body: { type: 'string' } },
	required: ['title', 'body']
} as const;

const draftShape = v.object({
	title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
	body: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(20_000))
});

export function validateDocumentDraft(value: unknown): DocumentDraft {
	const result = v.safeParse(draftShape, value);
	// Counts only: the values are model output and may hold PHI.
	if (!result.success) throw new AppError('inference/invalid-output', { shape: 'client-document', issues: result.issues.length });
	return result.output;
}
