/**
 * Word lists for the grounding check (medications are in medications.ts): stopwords, paraphrase synonyms, medication names and
 * words that look like names but are not. Compact on purpose: the check is lexical and
 * deterministic, and a list a clinician can read is easier to trust than a model.
 */

/** English function words plus clinical filler that says nothing about what happened. */
export const STOPWORDS: ReadonlySet<string> = new Set(
	`a an the and or but if then so of to in on at by for with about as from into onto over after before
	since until while during up down out off again further than too very can could will would shall should
	may might must do does did done doing be been being am is are was were have has had having i me my
	myself we us our ours you your yours yourself he him his himself she her hers herself they them their
	theirs themselves it its itself this that these those there here what which who whom whose when where
	why how all any both each few most other some such only own same just also not no nor yes okay ok
	like really maybe well um uh yeah yep oh get gets got getting go goes going gone kind sort thing things
	lot bit per via etc mr mrs ms dr s t don didn doesn isn wasn aren weren haven hasn hadn won wouldn
	couldn shouldn let lets let's i'm i've i'd i'll you're you've he's she's it's that's there's we're
	they're can't won't don't didn't doesn't isn't wasn't haven't hasn't something anything nothing
	client clients patient pt therapist clinician counselor counsellor provider session sessions today
	report reports reported reporting state states stated say says said share shares shared describe
	describes described discuss discussed discussing note noted notes express expressed indicate indicated
	mention mentioned endorse endorsed endorses identify identified review reviewed explore explored
	process processed address addressed provide provided complete completed conduct conducted facilitate
	facilitated utilize utilized use used using help helped include included including continue continues
	continued remain remains remained currently noting regarding around approximately about able rather
	somewhat cannot appear appears appeared seem seems seemed likely related linked due associated
	experience experiences experienced experiencing demonstrate demonstrated demonstrates show shows
	showed showing behavior behaviour behaviors behaviours self
	history histories past previous previously prior current recent recently known unknown significant
	significantly notable notably status general generally apparent apparently perhaps however although
	though otherwise overall additional additionally further secondary above below following
	complain complains complained complaining complaint complaints present presents presented
	presenting presentation evaluation evaluate evaluated admit admits admitted underwent undergo
	undergone receive receives received require requires required seek seeks seeking sought
	deny denies denied denying negative positive abuse abused misuse illicit recreational illegal
	patient's client's individual gentleman lady female male woman man
	basically essentially consequently therefore thus actually still currently presently
	request requests requested requesting wish wishes wished proceed proceeded agreement agree agreed
	attempt attempts attempted review reviewed discuss discussed order ordered perform performed
	confirm confirmed obtain obtained consult consulted recommend recommended recommendation
	recommendations regard regards unremarkable noncontributory tolerated tolerate without none nobody
	unfortunately fortunately system systems chart charts dictation dictated listed clinical clinically
	impression impressions factor factors reading readings update updated`
		.split(/\s+/)
		.filter(Boolean)
);

/** Paraphrase groups: every word in a group counts as the group's first word. */
const SYNONYM_GROUPS: readonly string[] = [
	'mother mom mum mommy mama',
	'father dad daddy papa',
	'stepfather stepdad',
	'stepmother stepmom',
	'child children kid kids',
	'son sons boy boys',
	'daughter daughters girl girls',
	'allergy allergies allergic',
	'grandchild grandchildren grandkid grandkids',
	'spouse husband wife married marriage',
	'work job jobs workplace employment',
	'anxiety anxious nervous worry worries worried worrying',
	'fear scared afraid frightened frighten frightens fearful terrified',
	'sad sadness unhappy',
	'depress depressed depression depressive',
	'sleep sleeps slept sleeping asleep',
	'tired exhausted exhaustion fatigue fatigued exhausting',
	'cry cries cried crying tearful tears',
	'anger angry mad furious',
	'doctor physician prescriber psychiatrist pcp',
	'medication medications medicine meds med',
	'drink drinks drinking drank drunk alcohol alcoholic beer beers wine beverage beverages etoh',
	'smoke smokes smoked smoking cigarette cigarettes cigs tobacco',
	'drug drugs substance substances',
	'home house household',
	'sick ill',
	'talk talks talked talking speak speaks spoke spoken',
	'hurt hurts hurting injured injury injuries harm harms harming harmed',
	'suicide suicidal si',
	'homicide homicidal',
	'safe safety',
	'yell yells yelled yelling shout shouted scream screamed screaming',
	'conflict conflicts fight fights fought argument arguments argue argued arguing',
	'increase increased increases increasing rise higher',
	'decrease decreased decreases decreasing reduce reduced reduction lower less fewer',
	'start starts started starting begin began begun beginning',
	'stop stops stopped stopping quit quitting discontinue discontinued',
	'day days daily',
	'week weeks weekly',
	'month months monthly',
	'night nights nightly',
	'teen teenager adolescent',
	'happy glad',
	'nightmare nightmares',
	'go going goes went',
	'see sees saw seen seeing',
	'think thinks thought thoughts thinking ideation',
	'belief beliefs believe believes believed believing'
];

export const SYNONYMS: ReadonlyMap<string, string> = new Map(
	SYNONYM_GROUPS.flatMap((group) => {
		const [head, ...rest] = group.split(' ');
		return [head!, ...rest].map((word) => [word, head!] as const);
	})
);

/** Irregular past forms the suffix rules cannot reach. */
export const IRREGULAR: ReadonlyMap<string, string> = new Map(
	Object.entries({
		felt: 'feel', ate: 'eat', told: 'tell', made: 'make', lost: 'lose', woke: 'wake', kept: 'keep',
		left: 'leave', met: 'meet', ran: 'run', took: 'take', taken: 'take', gave: 'give', given: 'give',
		came: 'come', bought: 'buy', brought: 'bring', knew: 'know', known: 'know', wrote: 'write',
		written: 'write', held: 'hold', threw: 'throw', thrown: 'throw', drove: 'drive', driven: 'drive',
		sat: 'sit', stood: 'stand', understood: 'understand', heard: 'hear', paid: 'pay', sent: 'send',
		spent: 'spend', found: 'find', chose: 'choose', chosen: 'choose', broke: 'break', broken: 'break',
		shook: 'shake', fell: 'fall', fallen: 'fall', became: 'become', children: 'child', men: 'man',
		women: 'woman', people: 'person', smoker: 'smoke', smokers: 'smoke', drinker: 'drink', drinkers: 'drink',
		user: 'use', users: 'use'
	})
);

/** Number words and their values ("hundred" and "thousand" multiply the number before them). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
	Object.entries({
		zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
		eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
		eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
		eighty: 80, ninety: 90, hundred: 100, thousand: 1000, twice: 2, dozen: 12, half: 0.5,
		// Ordinals count too ("the third incident"), except "first" and "second", which are mostly not counts.
		third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12
	})
);

/** Capitalised words that are not people's names (roles, titles, section names, holidays, ...). */
export const NOT_NAMES: ReadonlySet<string> = new Set(
	`i client clients patient pt therapist clinician counselor counsellor provider parent parents member
	resident student teacher staff doctor dr mr mrs ms miss mx prof nurse case manager psychiatrist partner
	subjective objective assessment plan data behavior behaviour intervention interventions response goals
	goal problem evaluation situation notes note session homework today tonight tomorrow yesterday
	english spanish french american christmas thanksgiving easter halloween hanukkah ramadan new year god
	internet zoom wifi covid medicaid medicare emergency department hospital clinic crisis line lifeline
	socratic beck columbia likert wise mind mindfulness safety suicide prevention alcoholics narcotics
	anonymous dear man give fast tipp please abc stop accepts improve
	mood sleep affect appetite energy speech insight judgment judgement progress therapy treatment risk
	anxiety depression stress couple family group work school medication adherence cravings urges
	nightmares symptoms diagnosis attendance engagement hygiene appearance motivation concentration memory
	cognition orientation thought thoughts distress appointment follow next continue both all everyone
	someone nobody he she they we it this that there his her their our my your one another
	never always also otherwise positive negative history past medical social surgical family review
	systems system significant status gravida para ab tab tabs cap caps po bid tid qid prn qhs iv im
	caucasian white black african asian hispanic latino latina native pacific islander indian
	parkinson alzheimer crohn hodgkin huntington tourette asperger cushing addison graves hashimoto
	raynaud sjogren guillain barre kawasaki bell lyme down apgar glasgow heimlich foley
	room department unit ward floor office center centre facility home nursing
	left right bilateral upper lower general physical mental exam examination vital signs
	allergies allergy immunizations vaccines labs imaging procedures disposition diagnosis plan
	chief complaint present illness impression recommendations instructions discharge admission`
		.split(/\s+/)
		.filter(Boolean)
);

/** Verbs that follow a name at the start of a sentence ("Maria reported ..."). */
export const AFTER_NAME = /^(?:'s|’s|reported|reports|stated|states|said|says|shared|is|was|has|had|will|and|described|expressed|noted|presented|appeared|denied|denies|endorsed|agreed|arrived|attended|identified|continues|feels|felt)\b/;

/** Risk topics a note can make claims about; each claim needs the same topic in the source. */
export type RiskTopic =
	| 'suicide'
	| 'homicide'
	| 'self-harm'
	| 'safety-plan'
	| 'safety-contract'
	| 'screening'
	| 'risk-level'
	| 'home-safety'
	| 'lethal-means'
	| 'safety';

export const RISK_TOPIC_LABEL: Readonly<Record<RiskTopic, string>> = {
	suicide: 'suicidal thoughts',
	homicide: 'thoughts of harming others',
	'self-harm': 'self-harm',
	'safety-plan': 'a safety plan',
	'safety-contract': 'a safety contract',
	screening: 'a risk screening',
	'risk-level': 'a level of risk',
	'home-safety': 'safety at home',
	'lethal-means': 'access to weapons or other lethal means',
	safety: 'safety'
};

const SELF = String.raw`(?:my|your|him|her|them|one)sel(?:f|ves)`;
const OTHERS = String.raw`(?:someone|somebody|anyone|anybody|others|other people|people|(?:the|his|her|my|your|their)\s+(?:baby|child|children|kids?|son|daughter|wife|husband|partner|boyfriend|girlfriend|mother|father|mom|dad|neighbou?rs?|roommate|boss|coworkers?|teacher|staff|family))`;
/** "Thoughts of hurting yourself" is how suicidality and self-harm are usually both asked about. */
const HURT_SELF = new RegExp(String.raw`\b(?:hurt|harm|injur)(?:ing|s|ed|e)?\s+(?:(?:the|his|her|any|other)\s+\w+\s+(?:or|and)\s+)?${SELF}`, 'i');

export const RISK_PATTERNS: readonly (readonly [RiskTopic, RegExp])[] = [
	['suicide', /\bSI\b/],
	['suicide', new RegExp(String.raw`\b(?:suicid\w*|kill(?:ing|ed|s)?\s+${SELF}|end(?:ing|ed|s)?\s+(?:my|your|his|her|their)\s+(?:own\s+)?life|tak(?:e|ing)\s+(?:my|your|his|her|their)\s+own\s+life|(?:want|wish)(?:ed|es|s)?\s+(?:to\s+die|(?:i|he|she|they)\s+(?:was|were)\s+dead)|better\s+off\s+(?:dead|without\s+me)|thoughts?\s+of\s+(?:death|dying))`, 'i')],
	// Thoughts of hurting oneself are asked about as suicidality; having done it is self-harm only.
	['suicide', new RegExp(String.raw`\b(?:thoughts?|thinking|urges?|wants?|wanting)\s+(?:of|about|to)\s+${HURT_SELF.source.slice(2)}`, 'i')],
	['self-harm', HURT_SELF],
	// "I cut again" (said of oneself, with no object) is self-harm; "my hours got cut" and "I cut back" are not.
	['self-harm', /\b(?:i|he|she|they)(?:'ve|’ve| have| has)?\s+(?:been\s+)?cut(?:ting)?\b(?!\s+(?:back|down|off|out|in|up|the|my|your|his|her|their|a|an|it|them|class|school)\b)/i],
	['self-harm', new RegExp(String.raw`\b(?:self[- ]?harm\w*|self[- ]?injur\w*|NSSI|cut(?:ting|s)?\s+(?:${SELF}|(?:my|his|her|their)\s+(?:arms?|legs?|wrists?|skin|thighs?))|burn(?:ed|ing|s)?\s+${SELF})`, 'i')],
	['homicide', /\bHI\b/],
	['homicide', new RegExp(String.raw`\b(?:homicid\w*|violent\s+(?:thoughts|urges)|thoughts\s+of\s+violence|(?:hurt|harm|kill)(?:ing|s|ed)?\s+${OTHERS})`, 'i')],
	['safety-plan', /\bsafety\s+plan/i],
	['safety-contract', new RegExp(String.raw`\b(?:contract(?:ed|s)?\s+for\s+safety|safety\s+contract|no[- ]harm\s+contract|agree(?:d|s)?\s+to\s+(?:keep|stay)\s+(?:${SELF}\s+)?safe)`, 'i')],
	['screening', /\b(?:C-?SSRS|Columbia|risk\s+(?:assessment|screen\w*)|(?:assess|screen)(?:ed|ing)?\s+for\s+(?:suicid\w*|risk|safety|self[- ]harm|SI\b|HI\b))/i],
	['self-harm', /\b(?:hurt|harm|injur)(?:ing|s|ed|e)?\s+(?:one)?self\b/i],
	['homicide', /\b(?:hurt|harm|kill)(?:ing|s|ed)?\s+(?:(?:one)?self\s+or\s+)?others\b/i],
	['home-safety', /\b(?:(?:feels?|feeling|felt)\s+safe\b|safe\s+(?:at|in)\s+(?:the\s+|(?:his|her|their|my)\s+)?home|safety\s+concerns?|(?:domestic|intimate\s+partner)\s+violence|(?:physical|sexual|emotional|verbal)\s+abuse)/i],
	['lethal-means', /\b(?:firearms?|guns?|weapons?|lethal\s+means)\b/i],
	['risk-level', /\b(?:(?:no|low|minimal|mild|moderate|high|elevated|imminent)\s+(?:\w+\s+)?risk|risk\s+(?:is|was|level|remains|appears|assessed)\s+(?:\w+\s+){0,2}(?:low|minimal|moderate|high|elevated|imminent)|not\s+(?:at|an?)\s+(?:imminent\s+)?risk)\b/i],
	// Any other claim about safety ("for her safety") needs the session to speak of safety too.
	['safety', /\b(?:safe|safety)\b/i]
];

/** Words before a risk term that make it a denial ("denies SI", "no thoughts of ..."). */
export const NEGATION = /\b(?:den(?:y|ies|ied|ying)|no|not|never|without|negative\s+for|nor|none)\b|n['’]t\b/i;
/** Words before a risk term that make it an endorsement ("endorsed passive SI"). */
export const ENDORSEMENT = /\b(?:endorse[sd]?|endorsing|reports?|reported|admit(?:s|ted)?|acknowledge[sd]?|disclosed?|experienc\w*|positive\s+for|has\s+had|thought\s+about)\b/i;

/**
 * Mental status phrases a model tends to add by default, each with the words the source must
 * have for the phrase to be grounded (an observation of the same thing, whatever it found).
 */
export const ASSUMED_NORMAL: readonly (readonly [RegExp, RegExp])[] = [
	[/\b(?:alert and oriented|A\s?&\s?O|AAO|oriented\s*(?:x\s?\d|times\s+(?:three|four|3|4)|to\s+(?:person|place|time|situation)))/i, /\b(?:orient\w*|A&O|AAO)/i],
	[/\b(?:(?:appropriate|congruent|full|broad|euthymic|bright|normal)\s+(?:range\s+of\s+)?(?:affect|mood)|affect\s+(?:was\s+|is\s+)?(?:appropriate|congruent|full|broad|bright|normal)|euthymic)\b/i, /\b(?:affect|euthymic)\b/i],
	[/\b(?:within normal limits|WNL)\b/i, /\b(?:within normal limits|WNL)\b/i],
	[/\b(?:no acute distress|NAD)\b/, /\bdistress/i],
	[/\b(?:thought process\w*\s+(?:was\s+|were\s+|is\s+)?(?:linear|logical|goal[- ]directed|organi[sz]ed|intact)|(?:linear|logical|goal[- ]directed)\s+(?:thought|thinking))/i, /\b(?:thought process|linear|logical|goal[- ]directed|tangential|circumstantial|disorgani[sz]ed)/i],
	[/\b(?:speech\s+(?:was\s+|is\s+)?(?:normal|regular|clear|unremarkable|within)|normal\s+(?:in\s+)?(?:rate|rhythm|volume))/i, /\b(?:speech|spoke|talked|rapid|pressured|slurred)/i],
	[/\b(?:(?:good|appropriate|normal|fair|adequate)\s+eye\s+contact|(?:maintained|made)\s+(?:good\s+)?eye\s+contact)/i, /eye contact/i],
	[/\b(?:well[- ]groomed|appropriately\s+(?:dressed|groomed)|(?:good|adequate)\s+hygiene|neatly\s+dressed|well[- ]kempt)/i, /\b(?:groom\w*|hygiene|dressed|kempt|appearance|disheveled)/i],
	[/\b(?:(?:insight|judge?ment)\s+(?:and\s+(?:insight|judge?ment)\s+)?(?:was|were|is|are)?\s*(?:good|fair|intact|adequate)|intact\s+(?:insight|judg))/i, /\b(?:insight|judg)/i],
	[/\b(?:memory|cognition)\s+(?:was\s+|is\s+)?(?:grossly\s+)?intact/i, /\b(?:memory|cognit|forget|remember)/i],
	[/\b(?:cooperative|pleasant)\b/i, /\b(?:cooperat\w*|pleasant|uncooperative)/i],
	[/\b(?:no\s+psychomotor|psychomotor\s+(?:activity\s+)?(?:was\s+)?(?:normal|unremarkable|within))/i, /\b(?:psychomotor|pacing|fidget\w*|restless|agitat\w*|slowed)/i],
	[/\b(?:no\s+(?:evidence\s+of\s+)?(?:psychosis|psychotic)|denie[sd]\s+(?:AH|VH|AVH|hallucinations))/i, /\b(?:hallucinat\w*|voices?|psychos\w*|psychotic|AH|VH|AVH)\b/i],
	[/\b(?:good\s+rapport|engaged\s+well|well[- ]engaged|actively\s+engaged|(?:was|were|remained)\s+appropriate)\b/i, /\b(?:engag\w*|rapport|appropriate\w*)/i]
];
