/**
 * Risk language in session content (DESIGN.md section 6): suicidal or homicidal ideation,
 * self-harm, abuse or neglect, overdose. Deterministic and local: it raises a banner that
 * points the clinician to the C-SSRS screener and a safety plan, and never contacts anyone.
 * A denial ("denies SI/HI") is kept as a finding: it records that risk was assessed.
 */

export const RISK_TOPICS = ['suicidal-ideation', 'homicidal-ideation', 'self-harm', 'abuse-neglect', 'overdose'] as const;
export type RiskTopic = (typeof RISK_TOPICS)[number];

export const RISK_TOPIC_LABELS: Readonly<Record<RiskTopic, string>> = {
	'suicidal-ideation': 'suicidal ideation',
	'homicidal-ideation': 'homicidal ideation',
	'self-harm': 'self-harm',
	'abuse-neglect': 'abuse or neglect',
	overdose: 'overdose'
};

export type RiskPolarity = 'endorsed' | 'denied' | 'unclear';

export interface RiskFinding {
	topic: RiskTopic;
	polarity: RiskPolarity;
	/** The sentence without any speaker label: content.slice(start, end). */
	sentence: string;
	start: number;
	end: number;
	/** The words that matched: content.slice(cueStart, cueEnd). */
	cue: string;
	cueStart: number;
	cueEnd: number;
	/** Endorsed, but in the past ("attempted suicide in 2019", "past self-harm"). */
	historical: boolean;
	/** The clinician asked or screened for it ("Have you had thoughts of suicide?", "assessed for SI"). */
	asked: boolean;
	speaker: string | null;
}

export interface RiskSummary {
	anyEndorsed: boolean;
	topicsEndorsed: RiskTopic[];
	/** Denied and never endorsed in this session. */
	topicsDenied: RiskTopic[];
	/** Only asked or mentioned hypothetically, with no clear answer. */
	topicsUnclear: RiskTopic[];
	/** The content records a risk assessment: a denial, or the clinician asking. */
	assessed: boolean;
}

// ---- Cues -------------------------------------------------------------------------------

interface CueContext {
	before: string;
	match: string;
	after: string;
	sentence: string;
}
interface Cue {
	topic: RiskTopic;
	re: RegExp;
	accept?: (c: CueContext) => boolean;
}

const re = (source: string, flags = 'gi') => new RegExp(source, flags);
const SELF = String.raw`(?:my|your|him|her|them|our|one)sel(?:f|ves)`;
const RELATIVE = String.raw`(?:boss|wife|husband|partner|boyfriend|girlfriend|ex|mother|father|mom|dad|brother|sister|son|daughter|kids?|children|child|baby|co-?workers?|neighbou?rs?|teacher|friend|family|step(?:dad|mom|father|mother)|roommate|guy|man|woman|manager|parents?)`;
const PEOPLE = String.raw`(?:(?:my|his|her|their|your|that|this|the)\s+(?:\w+\s+)?${RELATIVE}|him|her|them|someone|somebody|anyone|anybody|people|others|other\s+people)`;
const VICTIM = String.raw`(?:me|us|him|her|them|the\s+(?:kids|children|child|kid|baby)|(?:my|his|her|their|our)\s+(?:\w+\s+)?(?:kids?|children|child|baby|son|daughter|wife|husband|partner|mom|mother|dad|father|girlfriend|boyfriend|sister|brother|grand(?:ma|mother|pa|father)))`;
const NEGATED_WANT = String.raw`(?:don't|dont|do\s+not|didn't|did\s+not|doesn't|does\s+not|not|no\s+longer|never)\s+(?:really\s+|even\s+)?want(?:s|ed|ing)?\s+to`;

const not = (pattern: RegExp) => (text: string) => !pattern.test(text);
// SI and HI as words are only abbreviations in capitals or in a clinical phrase ("denies si/hi").
const CLINICAL_BEFORE = /(?:\b(?:no|denies|denied|deny|denying|endorses|endorsed|endorsing|reports?|reported|passive|active|any|current|chronic|positive\s+for|negative\s+for|screened\s+for|assessed\s+for|hx\s+of|history\s+of|with)|h\/o|\+|\/)\s*$/i;
const abbreviation = ({ before, match, after }: CueContext) =>
	/^[A-Z]+$/.test(match)
		? !(match === 'HI' && !before.trim() && /^\s*(?:[,!]|there\b)/i.test(after))
		: CLINICAL_BEFORE.test(before) || /^\s*[/:]/.test(after);
const HARMLESS_ON = /^\s+on\s+(?:tv|netflix|television|sugar|caffeine|coffee|chocolate|candy|sweets|junk\s+food|social\s+media|sun|vitamins?)\b/i;
const INTENT_BEFORE = /\b(?:want(?:s|ed|ing)?\s+to|going\s+to|gonna|thoughts?\s+(?:of|about)|think(?:s|ing)?\s+(?:of|about)|thought\s+about|urges?\s+to|impulses?\s+to|plan(?:s|ned|ning)?\s+to|intend(?:s|ed)?\s+to|fantasi[sz](?:e|es|ed|ing)\s+about|could|would|might|will|'ll|'d)\s+(?:\w+\s+){0,2}$/i;
const NOT_PEOPLE_HARM = /^\s*(?:'s\s+)?(?:feelings|with\s+kindness|chances|reputation|a\s+(?:text|email|e-mail|message|note|line|call|look|glance|smile)|an\s+(?:email|e-mail))\b/i;
const ACCIDENT = /^\s+(?:while\s+)?(?:shaving|cooking|chopping|slicing|skiing|playing|lifting|running|working\s+out|at\s+(?:the\s+gym|work)|by\s+accident|accidentally|on\s+(?:a|the|some)\b)/i;
const SUBSTANCE_BEFORE = /\b(?:substance|alcohol|drug|drugs|opioid|opiate|cannabis|marijuana|cocaine|meth|methamphetamine|polysubstance|stimulant|prescription|medication|benzodiazepine|benzo|inhalant|heroin|sedative|alcohol\s+and\s+drug)\s*(?:use\s+(?:and|or|\/)\s*)?$/i;
const CUTTING_NOT = /^\s+(?:back|down|out|off|up|in|the|a|an|it|my|his|her|their|your|our|this|that|corners|class(?:es)?|school|ties|hair|costs?|grass|carbs|sugar|wood|coupons|board|edge|through|across|remarks?|words?|onions?|vegetables|paper)\b/i;

const CUES: Cue[] = [
	// Suicidal ideation
	{ topic: 'suicidal-ideation', re: re(String.raw`\bsuicid(?:e|es|al|ality|ally)\b`), accept: (c) => not(/^\s+(?:squad|doors?|drills?|sprints?|runs?|king|prevention|hotline|lifeline|(?:&|and)\s+crisis)\b/i)(c.after) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\bsi\b`), accept: abbreviation },
	{ topic: 'suicidal-ideation', re: re(String.raw`\bS\/I\b`, 'g') },
	{ topic: 'suicidal-ideation', re: re(String.raw`\bkill(?:s|ed|ing)?\s+${SELF}\b`), accept: (c) => not(/^\s+laughing/i)(c.after) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\b(?:end(?:s|ed|ing)?|tak(?:e|es|ing)|took)\s+(?:my|your|his|her|their)\s+(?:own\s+)?life\b`), accept: (c) => not(/^\s+(?:savings|back|into)\b/i)(c.after) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\bbetter\s+off\s+(?:dead|gone|without\s+me)\b`) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\bwant(?:s|ed|ing)?\s+to\s+(?:just\s+)?(?:die|be\s+dead)\b`) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\bwish(?:es|ed|ing)?\s+(?:that\s+)?(?:I|she|he|they)(?:'d|\s+(?:was|were|could|would))?\s+(?:just\s+)?(?:be\s+)?(?:dead|die|disappear|(?:not|never)\s+wake\s+up|(?:go\s+to\s+)?sleep\s+(?:and\s+)?(?:not|never)\s+wake\s+up)\b`) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\b(?:rather|better)\s+be\s+dead\b`) },
	// The negation is part of the expression here: "I don't want to be here anymore" endorses.
	{ topic: 'suicidal-ideation', re: re(String.raw`\b${NEGATED_WANT}\s+(?:be\s+alive|exist|wake\s+up|live(?!\s+(?:with|in|at|near|there|here|alone|together|on|by|close|far|under|like))|be\s+here(?=\s*(?:anymore|any\s+more|any\s+longer|[.!?,;]|$)))`) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\b(?:no|nothing\s+to)\s+(?:reason|point)\s+(?:to|in|of)\s+(?:live|living|go(?:ing)?\s+on|being\s+alive)\b`) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\b(?:passive\s+)?death\s+wish(?:es)?\b|\bdanger\s+to\s+(?:self|${SELF})\b|\bwant(?:s|ed)?\s+(?:it\s+all|everything)\s+to\s+(?:end|be\s+over)\b|\bif\s+I\s+(?:was|were)\s+(?:gone|dead|not\s+(?:here|around))\b|\bif\s+I\s+(?:died|disappeared|wasn't\s+(?:here|around)|weren't\s+(?:here|around))\b`) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\b(?:thoughts?|think(?:s|ing)?)\s+(?:of|about)\s+(?:death|dying|being\s+dead|not\s+being\s+(?:here|alive))\b`), accept: (c) => not(/^\s+of\b/i)(c.after) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\b(?:hang(?:s|ed|ing)?|hung|shoot(?:s|ing)?|shot|drown(?:s|ed|ing)?|poison(?:s|ed|ing)?|suffocat(?:e|es|ed|ing))\s+${SELF}\b`), accept: (c) => not(/^\s+in\s+the\s+foot/i)(c.after) },
	{ topic: 'suicidal-ideation', re: re(String.raw`\bunalive\b|\bend\s+it\s+all\b|\bjump(?:s|ed|ing)?\s+(?:off|from|in\s+front\s+of)\s+(?:a|the)\s+(?:bridge|building|roof|train|car|cliff|balcony|overpass)\b`) },
	// Homicidal ideation
	{ topic: 'homicidal-ideation', re: re(String.raw`\bhomicid(?:e|al|ality)\b|\b(?:violent|homicidal)\s+(?:thoughts|urges|fantasies|impulses)\b|\bthoughts\s+of\s+violence\b`) },
	{ topic: 'homicidal-ideation', re: re(String.raw`\bhi\b`), accept: abbreviation },
	{ topic: 'homicidal-ideation', re: re(String.raw`\bH\/I\b`, 'g') },
	{ topic: 'homicidal-ideation', re: re(String.raw`\b(?:kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|stab(?:s|bed|bing)?|strangl(?:e|es|ed|ing)|shoot(?:s|ing)?)\s+${PEOPLE}\b`), accept: (c) => not(NOT_PEOPLE_HARM)(c.after) },
	// Hurting someone is ideation only with an intent ("want to hurt him"), not a report of the past.
	{ topic: 'homicidal-ideation', re: re(String.raw`\b(?:hurt(?:s|ing)?|harm(?:s|ed|ing)?|attack(?:s|ed|ing)?|beat(?:ing)?\s+up|get\s+back\s+at|get\s+even\s+with)\s+${PEOPLE}\b`), accept: (c) => INTENT_BEFORE.test(c.before) && !NOT_PEOPLE_HARM.test(c.after) },
	{ topic: 'homicidal-ideation', re: re(String.raw`\b(?:harm(?:s|ed|ing)?|hurt(?:s|ing)?|danger)\s+(?:to\s+)?(?:(?:self|${SELF})\s*(?:or|and|\/)\s*)?others\b`) },
	// Self-harm
	{ topic: 'self-harm', re: re(String.raw`\bself[-\s]?(?:harm(?:s|ed|ing)?|injur(?:y|ies|ious|ing|ed|e)|mutilat(?:ion|e|es|ed|ing)|inflicted)\b|\bnssib?\b|\bharm(?:s|ed|ing)?\s+(?:to\s+)?self\b`) },
	{ topic: 'self-harm', re: re(String.raw`\bSIB\b`, 'g') },
	{ topic: 'self-harm', re: re(String.raw`\b(?:cut(?:s|ting)?|burn(?:s|ed|t|ing)?|scratch(?:es|ed|ing)?|hit(?:s|ting)?|punch(?:es|ed|ing)?|hurt(?:s|ing)?|harm(?:s|ed|ing)?|injur(?:e|es|ed|ing)|bang(?:s|ed|ing)?|carv(?:e|es|ed|ing))\s+${SELF}\b`), accept: (c) => !ACCIDENT.test(c.after) && !/\baccidentally\s*$/i.test(c.before) },
	{ topic: 'self-harm', re: re(String.raw`\b(?:cut(?:s|ting)?|burn(?:s|ed|t|ing)?|carv(?:e|es|ed|ing)|scratch(?:es|ed|ing)?)\s+(?:on\s+|into\s+)?(?:my|your|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|body|forearms?)\b`), accept: (c) => !ACCIDENT.test(c.after) },
	{
		topic: 'self-harm',
		re: re(String.raw`\bcutting\b`),
		accept: (c) =>
			!CUTTING_NOT.test(c.after) &&
			(/^\s*(?:$|[.!?,;:)]|(?:again|behaviou?rs?|urges?|episodes?|history|since|when|on\s+(?:my|her|his|their)|(?:and|or)\s+burning)\b)/i.test(c.after) ||
				/\b(?:started|stopped|began|resumed|quit|been|reports?|reported|admit(?:s|ted)?|endorse[sd]?|denie[sd]|deny|no|any|about|of|relapsed?(?:\s+(?:on|with|into))?)\s*$/i.test(c.before))
	},
	{ topic: 'self-harm', re: re(String.raw`\b(?:urges?|used|started|began|tried)\s+to\s+(?:cut|burn|self[-\s]?harm)\b`), accept: (c) => !CUTTING_NOT.test(c.after) },
	// Abuse or neglect
	{ topic: 'abuse-neglect', re: re(String.raw`\babus(?:e|es|ed|ing|ive|er|ers)\b`), accept: (c) => !SUBSTANCE_BEFORE.test(c.before) && !/^\s+of\s+(?:alcohol|drugs|substances|opioids|prescription|medications?|power|discretion)\b/i.test(c.after) },
	{ topic: 'abuse-neglect', re: re(String.raw`\bneglect(?:s|ed|ful|ing)?\b`), accept: (c) => not(/^\s+to\b/i)(c.after) },
	{
		topic: 'abuse-neglect',
		re: re(String.raw`\b(?:hit(?:s|ting)?|beat(?:s|ing|en)?|punch(?:es|ed|ing)?|slap(?:s|ped|ping)?|kick(?:s|ed|ing)?|chok(?:e|es|ed|ing)|strangl(?:e|es|ed|ing)|shov(?:e|es|ed|ing)|whip(?:s|ped|ping)?|grab(?:s|bed|bing)?|threw|throw(?:s|ing)?|hurt(?:s)?)\s+${VICTIM}\b`),
		accept: ({ before, match, after }) => {
			const phrase = match.toLowerCase();
			// "want to hurt my dad" is ideation (homicidal-ideation), not a report of abuse.
			if (INTENT_BEFORE.test(before)) return false;
			// "his words hurt her" is not violence; "hurt me" and "hurt my son" are kept.
			if (/^hurt\s+(?:him|her|them)$/.test(phrase)) return false;
			if (/^(?:hit|hurt)/.test(phrase) && /\b(?:it|that|this|reality|news|realization|something)\s+(?:really\s+|finally\s+|suddenly\s+|just\s+)?$/i.test(before)) return false;
			if (/^hit/.test(phrase) && /^\s+up\b/i.test(after)) return false;
			if (/^beat/.test(phrase) && /^\s+(?:at|to)\b/i.test(after)) return false;
			if (/^kick/.test(phrase) && /^\s+out\b/i.test(after)) return false;
			return !(/^(?:grab|thr)/.test(phrase) && /^\s+(?:a|an|some)\b/i.test(after)) && !/^\s*(?:'s\s+)?feelings\b/i.test(after);
		}
	},
	{ topic: 'abuse-neglect', re: re(String.raw`\b(?:hit|beaten|hurt|kicked|punched|slapped|choked|raped|molested|assaulted|attacked|touched)\s+by\s+(?:(?:my|his|her|their|a|an|the)\s+)?(?:\w+\s+)?(?:dad|father|mom|mother|step(?:dad|father|mom|mother)|husband|wife|partner|boyfriend|girlfriend|ex|uncle|aunt|brother|sister|cousin|parents?|caregiver|teacher|coach|neighbou?r|grand(?:pa|father|ma|mother)|babysitter)\b`) },
	{ topic: 'abuse-neglect', re: re(String.raw`\b(?:domestic|family|intimate\s+partner|dating)\s+violence\b|\bsexual(?:ly)?\s+assault(?:s|ed)?\b|\bmolest(?:s|ed|ation|ing|er)?\b|\brap(?:e|ed|es|ist)\b|\bchild\s+welfare\b|\b(?:child|adult)\s+protective\s+services\b|\bcps\b`) },
	{ topic: 'abuse-neglect', re: re(String.raw`\b(?:DV|IPV|APS|DCFS|DCF)\b`, 'g') },
	{ topic: 'abuse-neglect', re: re(String.raw`\btouch(?:es|ed|ing)?\s+(?:me|her|him|them|us)\s+(?:inappropriately|sexually|down\s+there)\b`) },
	{ topic: 'abuse-neglect', re: re(String.raw`\b(?:unsafe|not\s+safe|scared|afraid|frightened|terrified)\s+(?:to\s+(?:go|be)\s+|of\s+going\s+|going\s+|being\s+|at\s+)?home\b|\b(?:don't|dont|do\s+not|doesn't|does\s+not|didn't|did\s+not|never)\s+feels?\s+safe\s+(?:at\s+home|(?:with|around)\s+(?:him|her|them|my\s+\w+)|in\s+(?:my|the|our)\s+(?:home|house))`) },
	{ topic: 'abuse-neglect', re: re(String.raw`\b(?:no|not\s+enough)\s+food\s+(?:in|at)\s+(?:the\s+house|home)\b|\bleft\s+(?:home\s+)?alone\s+(?:for\s+(?:days|hours|the\s+weekend|a\s+week)|overnight|all\s+(?:day|night|weekend))\b`) },
	// Overdose
	{ topic: 'overdose', re: re(String.raw`\boverdos(?:e|es|ed|ing)\b|\bod'd\b`), accept: (c) => !HARMLESS_ON.test(c.after) },
	{ topic: 'overdose', re: re(String.raw`\bOD(?:'?d|ed)?\b`, 'g'), accept: (c) => !HARMLESS_ON.test(c.after) },
	{ topic: 'overdose', re: re(String.raw`\b(?:took|take|taking|takes|swallowed|swallowing)\s+(?:way\s+)?(?:too\s+many|too\s+much|a\s+(?:whole\s+)?(?:bottle|bunch|handful|lot)\s+of|all(?:\s+of)?)\s+(?:(?:my|his|her|their|the|of)\s+)*(?:\w+\s+)?(?:pills|tablets|meds|medications?|medicine|tylenol|acetaminophen|xanax|benzos|opioids|oxys?|percocets?|capsules)\b|\bstomachs?\s+pumped\b|\bpump(?:ed)?\s+(?:my|his|her|their)\s+stomach\b`) },
	{
		topic: 'overdose',
		re: re(String.raw`\b(?:narcan|naloxone)\b`),
		// Naloxone that was used signals an overdose; a kit or training is harm reduction.
		accept: (c) =>
			/\b(?:used|use|using|administered|administer|revived|needed|had\s+to|gave|given|received|brought\s+(?:him|her|me|them)\s+back|deployed)\b/i.test(c.sentence) &&
			!/\b(?:kits?|prescri\w*|training|trained|carry|carries|carrying|keep|keeps|on\s+hand|education|educated|how\s+to)\b/i.test(c.sentence)
	}
];

// ---- Sentences and speakers ---------------------------------------------------------------

type Role = 'clinician' | 'client' | 'other';
interface Sentence {
	text: string;
	start: number;
	end: number;
	speaker: string | null;
	role: Role | null;
}

const LABEL = /^\s*(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*)?(therapist|clinician|counsell?or|provider|interviewer|psychologist|psychiatrist|dr\.?\s+[a-z][a-z'-]*|t|client|patient|pt|c|mother|mom|father|dad|parent|guardian|caregiver|partner|spouse|husband|wife|sibling|brother|sister|son|daughter|child|interpreter|speaker\s*\d+)\s*:\s*/i;
const ABBREVIATION = /\b(?:dr|mr|mrs|ms|st|vs|etc|e\.g|i\.e|approx|pt|hx|dx|tx)$/i;

function roleOf(label: string): Role {
	if (/^(?:therapist|clinician|counsell?or|provider|interviewer|psychologist|psychiatrist|dr\b|t$)/i.test(label)) return 'clinician';
	return /^(?:client|patient|pt|c)$/i.test(label) ? 'client' : 'other';
}

/** Sentences with offsets into the content; a label line sets the speaker until the next label. */
function sentences(text: string): Sentence[] {
	const out: Sentence[] = [];
	let speaker: string | null = null;
	let role: Role | null = null;
	let offset = 0;
	const push = (line: string, from: number, to: number) => {
		const raw = line.slice(from, to);
		const trimmed = raw.trim();
		if (!trimmed) return;
		const start = offset + from + raw.indexOf(trimmed);
		out.push({ text: trimmed, start, end: start + trimmed.length, speaker, role });
	};
	for (const line of text.split('\n')) {
		const label = LABEL.exec(line);
		if (label) {
			speaker = label[1]!;
			role = roleOf(speaker);
		}
		let from = label ? label[0].length : 0;
		for (const m of line.matchAll(/[.!?]+["')\]]*(?=\s|$)/g)) {
			const stop = m.index + m[0].length;
			if (stop <= from || (m[0] === '.' && ABBREVIATION.test(line.slice(from, m.index)))) continue;
			push(line, from, stop);
			from = stop;
		}
		push(line, from, line.length);
		offset += line.length + 1;
	}
	return out;
}

// ---- Polarity ---------------------------------------------------------------------------

// Words that may sit between a negation and the risk words it governs ("denies any current thoughts of").
const FILLER = new Set(
	(
		'any current currently active passive acute recent recently new further ongoing ever prior previous past history hx h o of ' +
		'having have has had been being be is are was were thoughts thought thinking think feelings feeling feel felt like urges urge ' +
		'ideas idea ideation intent intention intentions plan plans or and to about the a an wanting want wanted wants desire with ' +
		'reported report reports evidence signs sign symptoms self others harm si hi suicidal homicidal nssi behaviors behaviours ' +
		'behavior behaviour attempts attempt do does did i he she they we really actually at this time seriously significant specific ' +
		'overt immediate imminent safety concerns concern risk own self-harm self-injury suicide abuse neglect overdose also even all'
	).split(' ')
);
const ASK_WORDS = new Set('about for regarding client patient pt her him them you your whether if'.split(' '));
const NEGATION = /\b(?:denies|denied|deny|denying|no(?!\s+longer)|not|never|without|none|nor|negative\s+for|neg\s+for|free\s+of|absence\s+of|ruled\s+out|[a-z]+n't|dont|doesnt|didnt|havent|hasnt|isnt|wasnt|wont|cannot)\b/gi;
const ASKING = /\b(?:ask(?:s|ed|ing)?|(?:re)?screen(?:s|ed|ing)?|(?:re)?assess(?:es|ed|ing)?|inquir(?:e|es|ed|ing)|check(?:s|ed|ing)?\s+in|r\/o|rul(?:e|es|ing)\s+out)\b/gi;
const ABBREVIATIONS_AFTER = String.raw`^[\s/,]*(?:(?:SI|HI|S\/I|H\/I|AVH|self[-\s]?harm|NSSI|ideation|thoughts|urges|intent|plan|behaviou?rs?)\b[\s/,]*(?:(?:and|or)\s+)?)*`;
const SUBJECT = String.raw`(?:(?:the\s+)?(?:client|patient|pt|she|he|they)\s+)?`;
// "SI/HI: denied", "SI was denied", "screened for SI; client denied": the denial ends its clause,
// so "reports passive SI, denies active SI" still endorses the first.
const POST_DENIAL = re(String.raw`${ABBREVIATIONS_AFTER}(?:[:=(–—-]\s*|\s*(?:was|were|is|are)\s+|;\s*|,\s*)?${SUBJECT}(?:denied|denies|none|negative|neg|absent|not\s+(?:present|endorsed|reported|indicated)|no)(?:\s+(?:reported|endorsed|noted|currently|today|at\s+this\s+time|by\s+(?:the\s+)?\w+))?\s*(?:[.;,)]|$)`, 'i');
const POST_ENDORSEMENT = re(String.raw`${ABBREVIATIONS_AFTER}(?:[:=(–—-]\s*|;\s*|,\s*)${SUBJECT}(?:endorsed|endorses|positive|present|yes)\b`, 'i');
const HYPOTHETICAL = /\b(?:if|in\s+case(?:\s+of)?|should|whenever|in\s+the\s+event(?:\s+of)?)\b/gi;
const HYPOTHETICAL_WORDS = new Set('you your ever feel feels notice notices start starts get gets experience experiences client it'.split(' '));

/** Whether some trigger in `before` reaches the cue across filler words only. */
function governs(trigger: RegExp, before: string, extra: ReadonlySet<string> = new Set()): boolean {
	for (const m of before.matchAll(trigger)) {
		const between = before.slice(m.index + m[0].length).split(/[\s,/]+/).filter(Boolean);
		if (between.every((w) => FILLER.has(w.toLowerCase()) || extra.has(w.toLowerCase()))) return true;
	}
	return false;
}

function isQuestion(text: string): boolean {
	if (/\?["')\]]*$/.test(text)) return true;
	return /^(?:have|has|had|do|does|did|are|is|were|was|any|can|could|would|will|ever)\b/i.test(text) && /\byou(?:r|rself)?\b/i.test(text);
}

const HEDGE = /^(?:(?:um+|uh+|er+|well|honestly|i\s+mean|so|oh|hmm+)[,.]?\s+)*/i;
const UNSURE = /^(?:i\s+(?:don't|do\s+not)\s+(?:know|remember)|not\s+sure|i'm\s+not\s+sure|maybe|i\s+can't\s+say)\b/i;
const NO_ANSWER = re(String.raw`^(?:no|nope|nah|never|not\s+really|not\s+at\s+all|not\s+lately|nothing|none|definitely\s+not|i'm\s+not|i\s+(?:haven't|have\s+not|don't|do\s+not|didn't|did\s+not|am\s+not)|${SUBJECT}(?:denied|denies|said\s+no))\b`, 'i');
const YES_ANSWER = re(String.raw`^(?:yes|yeah|yea|yep|yup|uh-huh|mm-hmm|mhm|sometimes|sort\s+of|kind\s+of|kinda|a\s+little|a\s+bit|i\s+(?:have|do|did|am|guess)|i've\s+(?:had|been|thought)|lately|often|every\s+day|all\s+the\s+time|${SUBJECT}(?:endorsed|endorses|said\s+yes|acknowledged|admitted))\b`, 'i');

/** The reply to a clinician's question: the next sentence from another speaker (or just the next one). */
function answerTo(list: readonly Sentence[], i: number): RiskPolarity | null {
	const q = list[i]!;
	if (q.role === 'client') return null;
	const next = q.speaker === null ? list[i + 1] : list.slice(i + 1).find((s) => s.speaker !== null && s.speaker !== q.speaker);
	if (!next) return null;
	const reply = next.text.replace(HEDGE, '');
	if (UNSURE.test(reply)) return null;
	if (NO_ANSWER.test(reply)) return 'denied';
	return YES_ANSWER.test(reply) ? 'endorsed' : null;
}

// ---- History ----------------------------------------------------------------------------

const HISTORY = /\b(?:history\s+of|hx\s+of|h\/o|in\s+the\s+past|past(?!\s+(?:(?:few|couple(?:\s+of)?|several|two|three|four|\d+)\s+)?(?:days?|weeks?|months?|years?|nights?|hours?)\b)|previous(?:ly)?|prior(?!\s+to)|(?:\d+|a\s+few|several|many|two|three|four|five|six|ten)\s+(?:years|months)\s+ago|a\s+year\s+ago|years\s+ago|as\s+a\s+(?:child|kid|teen|teenager|youth|young\s+adult)|when\s+(?:I|she|he|they)\s+(?:was|were)\s+(?:younger|little|a\s+(?:kid|child|teen|teenager)|in\s+(?:high|middle)\s+school|\d+)|in\s+(?:high|middle)\s+school|at\s+(?:age|the\s+age\s+of)\s+\d+|in\s+(?:19|20)\d{2}|used\s+to|no\s+longer|stopped|quit|former(?:ly)?|remote|lifetime)\b/i;
const CURRENT = /\b(?:now|currently|current|lately|recently|recent|this\s+(?:week|morning|month|weekend|year)|today|tonight|yesterday|last\s+(?:night|week)|again|still|ongoing|active)\b/i;
const CLAUSE_BREAK = /;|\b(?:but|however|although|though|whereas|yet|while)\b|(?:\band\b|,)\s*(?=(?:now|currently|still|again|lately|recently)\b)/gi;

/** Past when its clause carries a history marker and its comma-bounded phrase nothing current. */
function isHistorical(text: string, start: number, end: number): boolean {
	let from = 0;
	let to = text.length;
	for (const m of text.matchAll(CLAUSE_BREAK)) {
		if (m.index + m[0].length <= start) from = m.index + m[0].length;
		else if (m.index >= end) {
			to = m.index;
			break;
		}
	}
	if (!HISTORY.test(text.slice(from, to))) return false;
	const comma = text.lastIndexOf(',', start - 1);
	const next = text.indexOf(',', end);
	const phrase = text.slice(Math.max(from, comma + 1), next === -1 || next > to ? to : next);
	return !CURRENT.test(phrase);
}

// ---- Detection --------------------------------------------------------------------------

interface Hit {
	topic: RiskTopic;
	start: number;
	end: number;
}

/** Cue matches in one sentence; an overlapping match of the same topic is the same mention. */
function cuesIn(sentence: string): Hit[] {
	const hits: Hit[] = [];
	for (const cue of CUES) {
		for (const m of sentence.matchAll(cue.re)) {
			const end = m.index + m[0].length;
			const context = { before: sentence.slice(0, m.index), match: m[0], after: sentence.slice(end), sentence };
			if (!cue.accept || cue.accept(context)) hits.push({ topic: cue.topic, start: m.index, end });
		}
	}
	hits.sort((a, b) => a.start - b.start || b.end - a.end);
	return hits.filter((h, i) => !hits.slice(0, i).some((k) => k.topic === h.topic && k.start < h.end && h.start < k.end));
}

export function detectRiskLanguage(content: string): RiskFinding[] {
	// Curly apostrophes become straight ones; the length is unchanged, so offsets hold.
	const list = sentences(content.replace(/[‘’]/g, "'"));
	const findings: RiskFinding[] = [];
	list.forEach((s, i) => {
		for (const hit of cuesIn(s.text)) {
			const before = s.text.slice(0, hit.start);
			const after = s.text.slice(hit.end);
			const clause = before.split(/;|\b(?:but|however|although|whereas)\b/i).pop() ?? '';
			const question = isQuestion(s.text);
			const asked = question || governs(ASKING, clause, ASK_WORDS);
			const denied = governs(NEGATION, before) || POST_DENIAL.test(after);
			let polarity: RiskPolarity;
			if (question) polarity = answerTo(list, i) ?? 'unclear';
			else if (denied) polarity = 'denied';
			else if (asked) polarity = POST_ENDORSEMENT.test(after) ? 'endorsed' : (answerTo(list, i) ?? 'unclear');
			// "If you have thoughts of suicide, call 988" is safety planning, not a disclosure.
			else if (governs(HYPOTHETICAL, clause, HYPOTHETICAL_WORDS)) polarity = 'unclear';
			else polarity = 'endorsed';
			findings.push({
				topic: hit.topic,
				polarity,
				sentence: content.slice(s.start, s.end),
				start: s.start,
				end: s.end,
				cue: content.slice(s.start + hit.start, s.start + hit.end),
				cueStart: s.start + hit.start,
				cueEnd: s.start + hit.end,
				historical: polarity === 'endorsed' && isHistorical(s.text, hit.start, hit.end),
				asked,
				speaker: s.speaker
			});
		}
	});
	return findings;
}

// ---- Summary and banner -----------------------------------------------------------------

export function summarizeRisk(findings: readonly RiskFinding[]): RiskSummary {
	const has = (topic: RiskTopic, polarity: RiskPolarity) => findings.some((f) => f.topic === topic && f.polarity === polarity);
	const topicsEndorsed = RISK_TOPICS.filter((t) => has(t, 'endorsed'));
	const topicsDenied = RISK_TOPICS.filter((t) => has(t, 'denied') && !has(t, 'endorsed'));
	const topicsUnclear = RISK_TOPICS.filter((t) => has(t, 'unclear') && !has(t, 'endorsed') && !has(t, 'denied'));
	return {
		anyEndorsed: topicsEndorsed.length > 0,
		topicsEndorsed,
		topicsDenied,
		topicsUnclear,
		assessed: findings.some((f) => f.polarity === 'denied' || f.asked)
	};
}

const listed = (topics: readonly RiskTopic[]) => {
	const labels = topics.map((t) => RISK_TOPIC_LABELS[t]);
	return labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
};

/** The banner sentence for the clinician, or null when the content has no risk language. */
export function riskBannerText(summary: RiskSummary): string | null {
	if (summary.anyEndorsed) {
		return `This session mentions ${listed(summary.topicsEndorsed)}. Complete a risk assessment (C-SSRS screener) and review or create a safety plan. Tacit does not contact anyone.`;
	}
	const parts: string[] = [];
	if (summary.topicsDenied.length) parts.push(`denied: ${listed(summary.topicsDenied)}`);
	if (summary.topicsUnclear.length) parts.push(`unclear: ${listed(summary.topicsUnclear)}`);
	return parts.length ? `Risk was discussed (${parts.join('; ')}). Record the risk assessment in the note.` : null;
}
