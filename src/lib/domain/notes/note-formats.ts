/**
 * Progress note formats and their sections, in order (tests/fixtures/reference/clinical.md). Each
 * section carries short guidance, used by the prompts and by the outline engine's rules.
 */
export type NoteFormatId = 'SOAP' | 'DAP' | 'BIRP' | 'GIRP' | 'PIE' | 'SIRP';

export interface NoteSection {
	key: string;
	title: string;
	guidance: string;
}

export interface NoteFormat {
	/** A built-in id, or `practice:<slug>` for a format the practice defined. */
	id: string;
	name: string;
	sections: readonly NoteSection[];
}

const section = (key: string, title: string, guidance: string): NoteSection => ({ key, title, guidance });

const PLAN = section('plan', 'Plan', 'Next steps, homework, referrals, next appointment.');
const INTERVENTION = section('intervention', 'Intervention', 'What the clinician did: techniques, modalities, topics addressed.');
const RESPONSE = section('response', 'Response', 'How the client responded to the interventions, in session.');

export const NOTE_FORMATS: Readonly<Record<NoteFormatId, NoteFormat>> = {
	SOAP: {
		id: 'SOAP',
		name: 'SOAP',
		sections: [
			section('subjective', 'Subjective', 'What the client reported: concerns, symptoms, events, in their words.'),
			section('objective', 'Objective', 'What the clinician observed: appearance, behaviour, affect, scores.'),
			section('assessment', 'Assessment', 'Clinical impression and progress toward goals.'),
			PLAN
		]
	},
	DAP: {
		id: 'DAP',
		name: 'DAP',
		sections: [
			section('data', 'Data', 'What the client said and what the clinician observed.'),
			section('assessment', 'Assessment', 'Clinical impression and progress toward goals.'),
			PLAN
		]
	},
	BIRP: {
		id: 'BIRP',
		name: 'BIRP',
		sections: [section('behavior', 'Behavior', 'The client’s presentation and reported behaviour.'), INTERVENTION, RESPONSE, PLAN]
	},
	GIRP: {
		id: 'GIRP',
		name: 'GIRP',
		sections: [section('goals', 'Goals', 'The treatment plan goals this session addressed.'), INTERVENTION, RESPONSE, PLAN]
	},
	PIE: {
		id: 'PIE',
		name: 'PIE',
		sections: [
			section('problem', 'Problem', 'The problem or concern addressed in this session.'),
			INTERVENTION,
			section('evaluation', 'Evaluation', 'How the client responded and progress made.')
		]
	},
	SIRP: {
		id: 'SIRP',
		name: 'SIRP',
		sections: [section('situation', 'Situation', 'The situation or presenting concern this session.'), INTERVENTION, RESPONSE, PLAN]
	}
};

/** The text a section holds when the session content does not support anything for it. */
export const NOT_DOCUMENTED = 'Not documented';

export const BUILT_IN_FORMATS: readonly NoteFormat[] = Object.values(NOTE_FORMATS);

/**
 * A practice's own format from plain lines "Title: guidance" (one section per line), so an
 * administrator can add one without code. Returns the format or the reason it is not valid.
 */
export function practiceFormat(name: string, lines: string): { format: NoteFormat } | { problem: string } {
	const title = name.trim();
	if (!title) return { problem: 'Give the format a name.' };
	const sections = lines
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => {
			const [head = '', ...rest] = line.split(':');
			return { title: head.trim(), guidance: rest.join(':').trim() };
		});
	if (sections.length < 1 || sections.length > 8) return { problem: 'A format needs between 1 and 8 sections, one per line.' };
	const keys = sections.map((s) => slug(s.title));
	if (keys.some((k) => !k)) return { problem: 'Every section needs a title before the colon.' };
	if (new Set(keys).size !== keys.length) return { problem: 'Two sections have the same title.' };
	return {
		format: {
			id: `practice:${slug(title)}`,
			name: title,
			sections: sections.map((s, i) => ({ key: keys[i]!, title: s.title, guidance: s.guidance || `What the session content says about ${s.title.toLowerCase()}.` }))
		}
	};
}

function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
