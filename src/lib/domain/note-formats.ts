/**
 * Progress note formats and their sections, in order (shared/reference/clinical.md). Each
 * section carries short guidance, used by the prompts and by the outline engine's rules.
 */
export type NoteFormatId = 'SOAP' | 'DAP' | 'BIRP' | 'GIRP' | 'PIE' | 'SIRP';

export interface NoteSection {
	key: string;
	title: string;
	guidance: string;
}

export interface NoteFormat {
	id: NoteFormatId;
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
