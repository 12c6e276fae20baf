/**
 * Evaluation set for the grounding check: fictional session content and draft notes, every
 * draft sentence labelled by hand as supported by the content or not (with the flag kind a
 * reviewer would expect). Written before the check itself, so it is not tuned to it. Plain
 * strings are supported sentences; `no(kind, sentence)` marks an unsupported one. All people,
 * places and events are invented.
 */
import type { GroundingFlagKind } from '$lib/domain/grounding/check';
import type { NoteFormatId } from '$lib/domain/notes/note-formats';
import type { NoteSections } from '$lib/domain/notes/note-schema';

export interface GroundingLabel {
	sentence: string;
	supported: boolean;
	/** The flag a reviewer expects on an unsupported sentence. */
	kind?: GroundingFlagKind;
}

export interface GroundingEvalItem {
	id: string;
	format: NoteFormatId;
	source: string;
	draft: NoteSections;
	labels: GroundingLabel[];
}

type Line = string | GroundingLabel;

const no = (kind: GroundingFlagKind, sentence: string): GroundingLabel => ({ sentence, supported: false, kind });

/** One pair: each section's sentences are joined into its text, and each becomes a label. */
function pair(id: string, format: NoteFormatId, source: string[], sections: Record<string, Line[]>): GroundingEvalItem {
	const labels: GroundingLabel[] = [];
	const draft: NoteSections = {};
	for (const [key, lines] of Object.entries(sections)) {
		const labelled = lines.map((line) => (typeof line === 'string' ? { sentence: line, supported: true } : line));
		labels.push(...labelled);
		draft[key] = labelled.map((l) => l.sentence).join(' ');
	}
	return { id, format, source: source.join('\n'), draft, labels };
}

export const GROUNDING_EVAL_SET: readonly GroundingEvalItem[] = [
	pair('soap-work-stress', 'SOAP', [
		'Therapist: How has the week been since we last met?',
		"Client: Honestly, pretty rough. I've been sleeping maybe four hours a night because of the deadlines at work.",
		'Therapist: That sounds exhausting. What goes through your mind when you lie down?',
		"Client: I keep replaying everything I didn't finish. My manager, Priya, moved the launch up to November 3rd, so now everything is urgent.",
		'Therapist: Have you had any thoughts of hurting yourself or ending your life when it gets this bad?',
		"Client: No. Nothing like that. I'm stressed, not hopeless.",
		"Therapist: Let's try the worry-postponement exercise we talked about. You write the worry down and schedule fifteen minutes for it tomorrow.",
		'Client: I can try that. I used to journal, so writing things down helps.',
		"Therapist: Good. Let's also keep your sleep log this week and look at it on Tuesday."
	], {
		subjective: [
			'Client reported sleeping about 4 hours per night due to work deadlines.',
			'Client stated that her manager, Priya, moved the launch date to Nov 3.',
			'Client described racing thoughts at bedtime about unfinished tasks.',
			no('number', 'Client reported drinking three cups of coffee daily to stay awake.')
		],
		objective: [
			no('assumed-normal', 'Client appeared tired, with good eye contact and a full range of affect.'),
			no('assumed-normal', 'Client was alert and oriented x3.')
		],
		assessment: [
			'Client denied thoughts of self-harm or suicide and described herself as stressed rather than hopeless.',
			no('number', "Client's GAD-7 score of 15 indicates severe anxiety.")
		],
		plan: [
			'Client will practice worry postponement, writing worries down and scheduling 15 minutes for them the next day.',
			'Client will continue the sleep log, to be reviewed on Tuesday.',
			no('number', 'Follow-up in two weeks.')
		]
	}),
	pair('soap-sertraline', 'SOAP', [
		"Pt seen for 50 min individual session. Pt reports mood 'a little better' since starting sertraline 50 mg in October, though still low energy in the mornings.",
		'Rated mood 5/10 (last week 3/10). Prescriber is Dr. Okafor; next med check Dec 12. Pt denies SI, HI.',
		'Discussed behavioral activation; pt agreed to walk the dog each morning before work.',
		"Pt tearful when discussing her father's illness. Affect constricted but reactive. PHQ-9 today 12 (was 17 at intake).",
		'Homework: activity schedule, 3 pleasant activities this week.'
	], {
		subjective: [
			'Client reported her mood is “a little better” since starting Zoloft 50 mg in October.',
			'She rated her mood 5/10, up from 3/10 last week.',
			'Client reported low energy in the mornings.',
			no('quotation', 'She stated, "I finally feel like myself again."')
		],
		objective: [
			"Client was tearful when discussing her father's illness, with constricted but reactive affect.",
			'PHQ-9 score was 12, down from 17 at intake.',
			no('assumed-normal', 'Speech was normal in rate and volume and thought process was linear.')
		],
		assessment: [
			'Client denies SI and HI.',
			no('number', 'Improvement is consistent with a 30% reduction in PHQ-9 score.')
		],
		plan: [
			'Continue behavioral activation; client agreed to walk the dog each morning before work.',
			'Complete an activity schedule with 3 pleasant activities this week.',
			'Medication check with Dr. Okafor on December 12.',
			no('dose', 'Sertraline to be increased to 100 mg at the next visit.')
		]
	}),
	pair('soap-panic', 'SOAP', [
		'[00:00:14] Therapist: Last time you mentioned the panic attack on the train. Any more since then?',
		'[00:00:20] Client: Two more. One at the grocery store on Saturday and one at my desk.',
		'[00:00:31] Therapist: What did you notice in your body?',
		'[00:00:35] Client: My heart was pounding and my hands went numb. I really thought I was dying.',
		'[00:01:02] Therapist: And what did you do?',
		'[00:01:05] Client: I left the store. I left my cart in the aisle and sat in the car for like twenty minutes.',
		"[00:01:40] Therapist: Today I'd like to practice paced breathing, in for four and out for six.",
		'[00:02:15] Client: Okay. That actually slowed things down a bit.',
		"[00:03:00] Therapist: For this week, try it twice a day even when you're calm, and note your anxiety from 0 to 10 before and after.",
		"[00:03:20] Client: I can do that. My sister Lena said she'd remind me."
	], {
		subjective: [
			'Client reported two panic attacks since the last session, one at the grocery store on Saturday and one at work.',
			'During the attacks she experienced a pounding heart, numb hands and a fear of dying.',
			'She left the store and sat in her car for about 20 minutes.',
			no('number', 'Client reported the attack on Saturday lasted 45 minutes.')
		],
		objective: [no('unsupported', 'Client appeared anxious, fidgeting throughout the session.')],
		assessment: [
			'Client responded well to paced breathing, noting that it slowed things down.',
			no('unsupported', 'Client meets criteria for panic disorder with agoraphobia.')
		],
		plan: [
			'Practice paced breathing (in for 4, out for 6) twice daily, including when calm.',
			'Rate anxiety 0-10 before and after each practice.',
			"Client's sister Lena will remind her to practice.",
			no('name', "Client's partner Marco will attend the next session.")
		]
	}),
	pair('soap-passive-si', 'SOAP', [
		"Client: I've been thinking that everyone would be better off without me.",
		'Therapist: Are you having thoughts of killing yourself?',
		"Client: Sometimes, at night. I don't have a plan. I wouldn't do it because of my kids.",
		"Therapist: Thank you for telling me. Let's go through a safety plan together.",
		'Client: Okay.',
		'Therapist: Who could you call if the thoughts get stronger?',
		'Client: My friend Tasha. And I know about 988.',
		"Therapist: I'm going to ask the screening questions now. (C-SSRS completed: yes to questions 1 and 2, no to 3 through 6.)",
		'Client: I also stopped taking the lamotrigine two weeks ago because it made me dizzy.'
	], {
		subjective: [
			'Client reported passive thoughts that others would be better off without her.',
			'She endorsed suicidal thoughts at night without a plan, citing her children as a reason for living.',
			'Client stopped taking lamotrigine two weeks ago due to dizziness.',
			no('risk', 'Client denies suicidal ideation.')
		],
		objective: [
			'C-SSRS screener: yes to questions 1 and 2, no to 3 through 6.',
			no('assumed-normal', 'Client was well groomed and cooperative.')
		],
		assessment: [
			no('risk', 'Risk is assessed as low based on the C-SSRS screener.'),
			no('risk', 'Client contracted for safety.')
		],
		plan: [
			'Safety plan completed in session; client identified her friend Tasha and the 988 line as supports.',
			no('dose', 'Client will resume lamotrigine 100 mg daily.'),
			no('unsupported', 'Coordinate with prescriber regarding discontinued lamotrigine.')
		]
	}),
	pair('soap-school-refusal', 'SOAP', [
		"Parent: He's been refusing to go to school since the fight in the cafeteria.",
		'Therapist: Jayden, can you tell me about what happened?',
		'Client: Some kids were making fun of my shoes and I pushed one of them. I got suspended for three days.',
		"Therapist: How have you been feeling since you've been home?",
		'Client: Bored. Kind of sad. I play games until like 2 am.',
		'Parent: His grades were already slipping. He failed the math test last week.',
		"Therapist: Let's work on a plan for going back on Monday. What would make the first morning easier?",
		'Client: If my cousin Dre walked with me.',
		"Therapist: That's a good idea. We'll also practice what to say if someone brings up the fight.",
		'Client: Fine.'
	], {
		subjective: [
			'Parent reported that Jayden has refused to attend school since a fight in the cafeteria.',
			'Jayden reported he was suspended for 3 days after pushing a peer who was teasing him about his shoes.',
			'He described feeling bored and somewhat sad and staying up playing games until about 2 a.m.',
			'Parent reported that he failed a math test last week and that his grades were slipping.',
			no('quotation', 'Jayden stated, "I hate everyone at that school."')
		],
		objective: [no('unsupported', 'Client was guarded initially but became more engaged over the session.')],
		assessment: [
			'School refusal appears linked to peer conflict and the suspension.',
			no('number', "Client's PHQ-A score of 9 suggests mild depressive symptoms.")
		],
		plan: [
			'Plan for return to school on Monday, with cousin Dre walking with him the first morning.',
			'Role-play responses if peers bring up the fight.',
			no('name', 'Refer to school counselor Ms. Harper for a re-entry meeting.')
		]
	}),
	pair('soap-buprenorphine', 'SOAP', [
		'Client attended 45-minute session. Reports taking buprenorphine/naloxone 8 mg/2 mg film daily as prescribed; no missed doses.',
		'Last opioid use was August 14, "about three months ago." Cravings 2/10, mostly when driving past his old neighborhood.',
		'Urine drug screen today negative for all substances except buprenorphine. Has Narcan at home; partner trained to use it.',
		'Attends NA meetings on Wednesdays. Discussed trigger mapping and urge surfing.',
		'Client asked about tapering; advised to discuss with prescriber, Dr. Lindqvist. Client states "I want my life to be boring for a while."'
	], {
		subjective: [
			'Client reports taking Suboxone 8 mg/2 mg daily as prescribed without missed doses.',
			'Last opioid use was on August 14, approximately three months ago.',
			'Cravings were rated 2/10, mainly when driving past his old neighborhood.',
			'Client stated, "I want my life to be boring for a while."',
			no('date', 'He attends NA meetings on Wednesdays and Saturdays.')
		],
		objective: [
			'Urine drug screen was negative except for buprenorphine.',
			no('assumed-normal', 'Client was calm and cooperative with no acute distress.')
		],
		assessment: [
			'Client continues to do well with buprenorphine maintenance and negative drug screens.',
			no('number', 'He reports using alcohol twice a week.')
		],
		plan: [
			'Continue trigger mapping and urge surfing.',
			'Client to discuss tapering with Dr. Lindqvist.',
			no('dose', 'Increase buprenorphine to 12 mg daily.'),
			'Naloxone kit remains at home and his partner is trained to use it.'
		]
	}),
	pair('soap-pet-grief', 'SOAP', [
		"Telehealth session, audio only because client's camera was broken. Client discussed grief about her dog, Biscuit, who died on Sunday.",
		'She said she keeps expecting to hear him at the door. She has been eating less and skipped her sister\'s birthday dinner.',
		'We talked about normal grief and about making a small memorial. She wants to plant a tree in the backyard this weekend.',
		'She denied thoughts of suicide. Next session in two weeks.'
	], {
		subjective: [
			'Client discussed grief following the death of her dog, Biscuit, on Sunday.',
			'She reported that she keeps expecting to hear him at the door.',
			"She has been eating less and missed her sister's birthday dinner.",
			no('number', 'She reported crying daily for the past 10 days.')
		],
		objective: ['Not documented'],
		assessment: [
			'Client is experiencing a normal grief reaction.',
			'No suicidal ideation reported.',
			no('risk', 'No homicidal ideation reported.')
		],
		plan: [
			'Client plans to plant a tree in the backyard this weekend as a memorial.',
			'Next session in two weeks.',
			no('unsupported', 'Provided a referral to a pet-loss support group.')
		]
	}),
	pair('dap-money-worry', 'DAP', [
		'Therapist: What would you like to focus on today?',
		"Client: The worrying. It's constant. Mostly about money since my hours got cut at the warehouse.",
		'Therapist: How many hours are you working now?',
		"Client: Twenty-four, down from forty. Rent is $1,150 and I don't know how we'll cover it.",
		"Therapist: Let's look at which worries are about things you can act on and which aren't.",
		"Client: I guess I could call the landlord about a payment plan. The rest I can't control.",
		"Therapist: That's a good distinction. What about the worries you can't act on?",
		'Client: Maybe I write them down and let them sit, like we did before.',
		"Therapist: Yes. And let's pick a time to call the landlord.",
		'Client: Thursday morning, before my shift.'
	], {
		data: [
			'Client reported constant worry, mainly about finances after her hours were cut at the warehouse.',
			'She is now working 24 hours per week, down from 40.',
			'Rent is $1,150 per month.',
			no('unsupported', 'Client reported that her husband was also laid off.'),
			'Client sorted worries into those she can act on and those she cannot.'
		],
		assessment: [
			'Client demonstrated good problem-solving by identifying a call to the landlord about a payment plan.',
			no('number', 'Anxiety symptoms are moderate, with a GAD-7 of 13.')
		],
		plan: [
			'Client will call the landlord on Thursday morning before her shift.',
			'Continue writing down worries she cannot act on.',
			no('date', 'Next appointment on Friday, March 8.')
		]
	}),
	pair('dap-anger-group', 'DAP', [
		'Anger management group, 6 members present. Topic: early warning signs of anger.',
		'Member R.T. shared that he notices his jaw tightening before he yells at his kids.',
		'Group practiced the "stop, step back, breathe" sequence and role-played a traffic scenario.',
		'R.T. volunteered for the role-play and said afterward, "I didn\'t realize how fast I go from zero to a hundred."',
		'He reported two arguments with his ex-wife this week, both about pickup times. He completed the anger log on 4 of 7 days.'
	], {
		data: [
			'Client attended anger management group with 6 members present.',
			'He noted that his jaw tightens before he yells at his children.',
			no('quotation', 'Client stated, "I go from zero to a hundred really fast."'),
			'He reported two arguments with his ex-wife this week about pickup times.',
			'He completed the anger log on 4 of 7 days.'
		],
		assessment: [
			'Client showed insight into his early warning signs and participated actively in the role-play.',
			no('unsupported', 'He was appropriate and respectful with group members throughout.')
		],
		plan: [no('unsupported', 'Continue anger log daily.'), no('date', 'Next group session on Tuesday.')]
	}),
	pair('dap-oversleeping', 'DAP', [
		'Session 8. Client (Marisol) reports she returned to her Saturday pottery class after missing a month.',
		'Says she "felt almost normal" for the two hours she was there.',
		'Still oversleeping on weekdays, 10-11 hours, and late to work twice this week.',
		'Reviewed thought record: automatic thought "I\'m lazy" when she oversleeps; she generated the alternative "depression makes mornings hard, it\'s not a character flaw."',
		'Denies suicidal ideation. Will set two alarms and put the phone across the room. Next session Nov 14.'
	], {
		data: [
			'Marisol reported returning to her Saturday pottery class after missing a month.',
			'She said she "felt almost normal" for the two hours she was there.',
			'She continues to oversleep on weekdays, 10 to 11 hours, and was late to work twice this week.',
			no('unsupported', 'She reported oversleeping on weekends as well.'),
			'Client\'s automatic thought was "I\'m lazy."'
		],
		assessment: [
			'Client was able to generate a balanced alternative thought: "depression makes mornings hard, it\'s not a character flaw."',
			'Client denies suicidal ideation.',
			no('risk', 'Client denies homicidal ideation.'),
			no('number', 'Mood has improved by 50% since intake.')
		],
		plan: [
			'Client will set two alarms and place her phone across the room.',
			'Next session on November 14th.',
			no('number', 'Continue thought records 3 times per week.')
		]
	}),
	pair('dap-couple-dinner', 'DAP', [
		"Therapist: Let's start with what happened on Friday.",
		"Dev: We were supposed to go to my parents' for dinner and Sam canceled an hour before.",
		'Sam: I had a migraine. I told you that.',
		'Dev: You always have something.',
		"Therapist: Dev, I'm hearing frustration. Can you say what you felt underneath that?",
		'Dev: Embarrassed, I guess. My mom had cooked all day.',
		"Sam: I didn't know she'd cooked all day. I would have called her myself.",
		"Therapist: That's an important piece. Let's practice the speaker-listener technique with this.",
		'(They practiced for about 15 minutes; both paraphrased the other accurately on the second try.)',
		'Therapist: For homework, one 20-minute check-in on Sunday evenings.'
	], {
		data: [
			"Couple discussed a conflict on Friday when Sam canceled dinner at Dev's parents' home an hour beforehand.",
			'Sam reported having a migraine.',
			'Dev identified feeling embarrassed because his mother had cooked all day.',
			"Sam stated that she would have called Dev's mother herself.",
			no('quotation', 'Dev stated, "You never take my family seriously."')
		],
		assessment: [
			'Both partners paraphrased each other accurately on the second attempt of the speaker-listener technique.',
			no('number', 'The couple has been married for 7 years.')
		],
		plan: [
			'Couple will hold one 20-minute check-in on Sunday evenings.',
			no('unsupported', 'Sam will schedule a neurology appointment for migraines.')
		]
	}),
	pair('dap-adhd-thesis', 'DAP', [
		'Client is a 34-year-old graduate student seen for ongoing ADHD-related difficulties.',
		'He says the Vyvanse 30 mg his psychiatrist started in September helps in the morning but "wears off by 3."',
		"He's missed two deadlines for his thesis chapters. We broke the literature review into 25-minute work blocks and he picked the library's third floor as a low-distraction spot.",
		"He'll try three blocks a day, Monday through Thursday. He also mentioned drinking more coffee in the afternoon to compensate, about four cups."
	], {
		data: [
			'Client reports that Vyvanse 30 mg helps in the morning but "wears off by 3."',
			'He has missed two thesis deadlines.',
			'He reports drinking about 4 cups of coffee in the afternoon to compensate.',
			no('name', "Client's psychiatrist, Dr. Mendes, started the medication in September."),
			no('medication', 'He is also prescribed Adderall 10 mg as an afternoon booster.')
		],
		assessment: [
			'Client was receptive to breaking tasks into 25-minute work blocks.',
			no('number', 'Client is a 29-year-old graduate student with ADHD.')
		],
		plan: [
			"Client will complete three work blocks per day, Monday through Thursday, on the library's third floor.",
			no('unsupported', 'Discuss afternoon coverage with the psychiatrist.')
		]
	}),
	pair('dap-trauma-narrative', 'DAP', [
		'[00:00:05] Therapist: Before we begin, I have your PCL-5 from the waiting room. Your total is 41, down from 52 in August.',
		'[00:00:18] Client: That feels right. The nightmares are less often.',
		'[00:00:25] Therapist: How many nights this week?',
		'[00:00:28] Client: Two. It used to be every night.',
		"[00:01:10] Therapist: Today we'll continue with the written account of the accident. Where did we leave off?",
		'[00:01:15] Client: At the part where the other car came through the intersection.',
		'[00:05:40] Client: I can read that part now without shaking. My hands still get sweaty.',
		"[00:06:02] Therapist: Let's rate your distress. Zero to a hundred.",
		'[00:06:06] Client: Around sixty. Last time it was ninety.',
		'[00:07:30] Therapist: For this week, read the account aloud once a day.'
	], {
		data: [
			"Client's PCL-5 total was 41, down from 52 in August.",
			'Nightmares decreased to two nights this week from nightly.',
			'Client continued the written trauma account of the car accident, reading the intersection section.',
			no('unsupported', 'Client reported flashbacks while driving on the highway.'),
			'Distress was rated 60 out of 100, down from 90 in the prior session.'
		],
		assessment: [
			no('number', 'PCL-5 remains above the probable PTSD cutoff of 33.'),
			'Client is showing habituation to the trauma narrative, reading it without shaking.'
		],
		plan: ['Client will read the account aloud once daily.', no('unsupported', 'Begin in vivo exposure to driving next week.')]
	}),
	pair('dap-restrict-binge', 'DAP', [
		'Client reports skipping lunch most days at work and then eating "a whole sleeve of crackers" at night. Feels guilty afterward.',
		'We mapped the restrict-binge cycle on the whiteboard. She agreed to try eating a planned lunch at noon on workdays.',
		'She asked whether she should see a dietitian; I said I would send her two names.'
	], {
		data: [
			'Client reports skipping lunch most days at work and eating "a whole sleeve of crackers" at night.',
			'She reports feeling guilty afterward.',
			no('number', 'Client reported purging after binges twice weekly.'),
			no('number', "Client's weight is 132 lbs.")
		],
		assessment: [
			'Restrict-binge cycle identified and mapped in session.',
			no('unsupported', 'Client has a history of anorexia nervosa.')
		],
		plan: [
			'Client will eat a planned lunch at noon on workdays.',
			'Therapist will send client the names of two dietitians.',
			no('name', 'Follow-up with Dr. Reyes for a medical evaluation.')
		]
	}),
	pair('birp-dayroom', 'BIRP', [
		'Resident (age 15) was escorted to session after an altercation in the dayroom this morning. He threw a chair but did not hit anyone.',
		'In session he was initially silent, then said "they keep taking my stuff." Clinician used validation and chain analysis of the incident.',
		'He identified the vulnerability factor as poor sleep (he said he slept about three hours).',
		'He agreed to use the comfort room instead of the dayroom when he feels his face getting hot. Points level dropped from 3 to 2 per unit policy.'
	], {
		behavior: [
			'Client was escorted to session following an altercation in the dayroom in which he threw a chair without hitting anyone.',
			'He was initially silent, then stated, "they keep taking my stuff."',
			'He reported sleeping approximately three hours the night before.',
			no('unsupported', 'He also punched a wall, injuring his right hand.')
		],
		intervention: [
			'Clinician used validation and conducted a chain analysis of the incident.',
			no('unsupported', 'Clinician taught the TIPP skill with cold water.')
		],
		response: [
			'Client identified poor sleep as a vulnerability factor.',
			'He agreed to use the comfort room when he notices his face getting hot.',
			no('name', 'Client apologized to staff member Mr. Collins.')
		],
		plan: ['Points level was lowered from 3 to 2 per unit policy.', no('number', 'Client will be reassessed in 72 hours.')]
	}),
	pair('birp-erp', 'BIRP', [
		'Therapist: How did the exposure homework go?',
		'Client: I touched the doorknob at the gym and waited before washing. I made it about ten minutes the first time.',
		'Therapist: And by the end of the week?',
		'Client: Thirty minutes on Saturday. My anxiety started at an eight and went down to a four.',
		"Therapist: That's exactly what we hope to see. Today let's step up the hierarchy: touching the bathroom sink handle.",
		'Client: Ugh. Okay.',
		'Therapist: Rate it before we start.',
		'Client: Nine.',
		'(Client touched the sink handle and refrained from washing for the remainder of the session, about 40 minutes. Final rating 5.)',
		'Therapist: Same rules this week: sink handle once a day, no washing for at least an hour.'
	], {
		behavior: [
			'Client reported completing exposure homework, touching a gym doorknob and delaying washing for about 10 minutes initially and 30 minutes by Saturday.',
			'Anxiety decreased from 8 to 4 during exposures.',
			no('number', 'Client reported washing his hands up to 40 times a day.')
		],
		intervention: [
			'Therapist reviewed exposure homework and moved up the hierarchy to touching the bathroom sink handle.',
			'Therapist used exposure and response prevention, with the client refraining from washing for about 40 minutes.'
		],
		response: [
			'Client rated anxiety 9 before the exposure and 5 at the end.',
			no('unsupported', 'Client tolerated the exposure well and reported feeling proud of himself.')
		],
		plan: [
			'Client will touch the sink handle once a day and not wash for at least an hour.',
			no('unsupported', 'Add the kitchen trash can to the hierarchy next session.')
		]
	}),
	pair('birp-separation', 'BIRP', [
		"Met with Ava (2nd grade) for 30 minutes at teacher's request. Teacher reports Ava cried at drop-off every morning last week.",
		'Ava said she worries "something bad will happen to Mommy" while she\'s at school.',
		'We read a story about a brave bunny and made a "worry monster" to feed her worries to. Ava drew a picture of her mom picking her up at 3:15.',
		'Will check in with Ava Friday and email Mrs. Kowalski about a morning job for Ava (like handing out folders).'
	], {
		behavior: [
			'Teacher reports Ava cried at drop-off every morning last week.',
			'Ava stated she worries "something bad will happen to Mommy" while at school.',
			no('unsupported', 'Ava has also been refusing to eat lunch at school.'),
			no('number', 'Ava is 8 years old.')
		],
		intervention: [
			'Counselor read a story about a brave bunny and helped Ava make a "worry monster" to feed her worries to.',
			no('unsupported', 'Counselor taught Ava belly breathing with a pinwheel.')
		],
		response: [
			'Ava drew a picture of her mother picking her up at 3:15.',
			no('unsupported', 'Ava engaged well and smiled frequently.')
		],
		plan: [
			'Counselor will check in with Ava on Friday.',
			'Counselor will email Mrs. Kowalski about a morning job for Ava, such as handing out folders.',
			no('date', 'Parent meeting scheduled for October 2.')
		]
	}),
	pair('birp-home-visit', 'BIRP', [
		'Client seen at home. He was pacing and talked quickly about the neighbors "sending signals through the wifi."',
		'He said he\'s been taking the Abilify "most days" but ran out on Tuesday. Refill is ready at the Main Street pharmacy.',
		'Clinician drove client to the pharmacy and he picked up the refill. Client denied any thoughts of hurting the neighbors or himself.',
		'He agreed to let his case manager, Tom, call him daily this week to check on medication.'
	], {
		behavior: [
			'Client was pacing with rapid speech and described the neighbors "sending signals through the wifi."',
			'He reported taking Abilify most days but ran out on Tuesday.',
			no('unsupported', 'He reported auditory hallucinations telling him to stay inside.'),
			no('dose', 'He reported taking aripiprazole 15 mg nightly.')
		],
		intervention: [
			'Clinician transported client to the Main Street pharmacy to pick up his refill.',
			no('unsupported', 'Clinician provided psychoeducation about relapse warning signs.')
		],
		response: [
			'Client picked up the refill.',
			'Client denied homicidal and suicidal ideation.',
			no('assumed-normal', 'Client was oriented to person, place and time.')
		],
		plan: [
			'Case manager Tom will call the client daily this week to check on medication.',
			no('date', 'Client will return to clinic on Thursday for an injection.')
		]
	}),
	pair('birp-wedding-relapse', 'BIRP', [
		"Client: I made it eleven days without a drink, then my brother's wedding happened.",
		'Therapist: What happened at the wedding?',
		'Client: Open bar. I had maybe six or seven beers. I drove home, which was stupid.',
		"Therapist: I'm glad you're safe. What do you make of it now?",
		"Client: That I can't be around an open bar yet. And I should've had a ride plan.",
		"Therapist: Let's do a quick decisional balance on drinking at events.",
		'(Completed decisional balance; client listed 4 pros and 7 cons.)',
		'Client: Seeing it on paper, the cons win.',
		'Therapist: Your AUDIT-C today is 7.',
		'Client: Yeah, that tracks.',
		'Therapist: Would you be open to trying naltrexone? You could talk to Dr. Brandt about it.',
		"Client: Maybe. I'll think about it."
	], {
		behavior: [
			"Client reported 11 days of abstinence before drinking six to seven beers at his brother's wedding.",
			'He drove home after drinking.',
			no('unsupported', 'Client reported blacking out at the wedding.'),
			'AUDIT-C score was 7.'
		],
		intervention: [
			'Therapist completed a decisional balance on drinking at events.',
			'Therapist discussed naltrexone and suggested he talk with Dr. Brandt.',
			no('unsupported', 'Therapist provided a list of local AA meetings.')
		],
		response: [
			'Client listed 4 pros and 7 cons and concluded that the cons outweigh the pros.',
			no('quotation', 'Client stated, "I\'m done drinking for good."'),
			no('dose', 'Client agreed to start naltrexone 50 mg daily.')
		],
		plan: ['Client will think about trying naltrexone.', no('number', 'Next session in one week.')]
	}),
	pair('birp-back-pain', 'BIRP', [
		'Client reports back pain 7/10 today, worse after a long shift at the nursing home.',
		'She has not been to the pool since her last visit because "the locker room is freezing."',
		'Discussed pacing: alternating 20 minutes of activity with 10 minutes of rest.',
		'She practiced a body scan for 12 minutes and said her shoulders "let go a little."',
		'She takes ibuprofen 600 mg "when it\'s bad" and gabapentin 300 mg at night from her PCP.',
		'Denies thoughts of suicide, says her grandkids "keep me going."'
	], {
		behavior: [
			'Client rated back pain 7/10, worse after a long shift at the nursing home.',
			'She has not gone to the pool since the last visit because "the locker room is freezing."',
			'She takes ibuprofen 600 mg as needed and gabapentin 300 mg at night.',
			no('medication', 'She reports taking oxycodone 5 mg for breakthrough pain.')
		],
		intervention: [
			'Therapist discussed pacing, alternating 20 minutes of activity with 10 minutes of rest.',
			'Therapist guided a 12-minute body scan.',
			no('unsupported', 'Therapist used cognitive restructuring for catastrophic pain thoughts.')
		],
		response: [
			'Client reported that her shoulders "let go a little."',
			'Client denied suicidal thoughts, stating her grandchildren "keep me going."',
			no('risk', 'Client denied self-harm.')
		],
		plan: [no('unsupported', 'Client will try the pool again with a warm layer for the locker room.')]
	}),
	pair('birp-flood-call', 'BIRP', [
		"Brief check-in by phone, 15 minutes. Client called because her apartment flooded Sunday night and she's staying with her cousin.",
		"She's sleeping on the couch and hasn't been to work since Monday. She sounded tired but organized.",
		'She has a call with the insurance adjuster on Wednesday at 10. We agreed to keep our regular appointment.'
	], {
		behavior: [
			'Client called after her apartment flooded on Sunday night.',
			'She is staying with her cousin and sleeping on the couch.',
			'She has missed work since Monday.',
			no('unsupported', 'She reported panic attacks since the flood.')
		],
		intervention: [
			'Brief supportive phone check-in of 15 minutes.',
			no('risk', 'Therapist provided crisis counseling and assessed for suicide risk.')
		],
		response: ['Client sounded tired but organized.'],
		plan: [
			'Client has a call with the insurance adjuster on Wednesday at 10.',
			'Client will keep her regular appointment.',
			no('unsupported', 'Therapist will write a letter to her employer.')
		]
	}),
	pair('girp-team-meetings', 'GIRP', [
		'Goal 2 from the treatment plan: speak up at least once in each team meeting.',
		'Client said he spoke up in two of three meetings this week, once to disagree with his lead, Hannah. "My voice shook but nobody noticed."',
		'We did a video-feedback exercise: he gave a 2-minute talk and rated how anxious he looked (7/10) before watching, then 3/10 after.',
		'He agreed to ask one question in the all-hands on the 21st.'
	], {
		goals: [
			'Goal 2: speak up at least once in each team meeting.',
			no('unsupported', 'Goal 3: reduce avoidance of phone calls.')
		],
		intervention: [
			'Therapist conducted a video-feedback exercise in which client gave a 2-minute talk.',
			'Therapist reviewed his progress on speaking up in meetings.'
		],
		response: [
			'Client spoke up in two of three meetings this week, including once to disagree with his lead, Hannah.',
			'He said, "My voice shook but nobody noticed."',
			'He rated how anxious he looked at 7/10 before viewing the video and 3/10 after.',
			no('quotation', 'He said, "I felt like everyone was staring at me."')
		],
		plan: [
			'Client will ask one question at the all-hands meeting on the 21st.',
			no('number', 'Client will practice a 5-minute presentation with his wife.')
		]
	}),
	pair('girp-dbt-diary', 'GIRP', [
		"[00:00:10] Therapist: Let's look at your diary card. I see urges to self-harm were a 4 on Thursday.",
		"[00:00:16] Client: That was after the fight with my roommate. I didn't act on it though.",
		'[00:00:22] Therapist: What did you do instead?',
		'[00:00:25] Client: I held ice and went for a walk. TIPP, like we practiced.',
		"[00:01:30] Therapist: That's a big deal. Your goal was to use a skill before acting on urges, and you did.",
		'[00:02:00] Therapist: Today I want to teach DEAR MAN so you can ask your roommate about the dishes.',
		'[00:09:45] Client: Okay, I wrote it out. Describe: the dishes have been in the sink since Sunday.',
		"[00:10:20] Therapist: Good. Let's role-play it.",
		'[00:14:00] Client: That felt weird but I could do it.',
		'[00:14:30] Therapist: Try it with her this week, and keep filling in the diary card.',
		'[00:14:40] Therapist: And any suicidal thoughts this week?',
		'[00:14:44] Client: No, not this week.'
	], {
		goals: ['Goal: use a skill before acting on self-harm urges.'],
		intervention: [
			'Therapist reviewed the diary card, noting self-harm urges rated 4 on Thursday.',
			'Therapist taught DEAR MAN and role-played asking the roommate about the dishes.',
			no('unsupported', "Therapist completed a chain analysis of Thursday's urges.")
		],
		response: [
			'Client reported urges followed a fight with her roommate and she did not act on them.',
			'She used TIPP skills by holding ice and going for a walk.',
			'Client denied suicidal ideation this week.',
			no('risk', 'Client denied self-harm urges this week.'),
			'She said the role-play "felt weird" but that she could do it.'
		],
		plan: [
			'Client will use DEAR MAN with her roommate this week and continue the diary card.',
			no('date', 'Client will attend DBT skills group on Mondays.')
		]
	}),
	pair('girp-homework-contract', 'GIRP', [
		'Family session with Mr. and Mrs. Adeyemi and their son Tobi (12). Goal from plan: reduce screaming matches about homework to fewer than 2 per week.',
		'Parents report 3 this week, down from daily. Tobi said "it\'s better when Dad doesn\'t stand over me."',
		'We practiced a homework contract: Tobi starts at 5:30, parents check once at 6:15, phone goes back at 7. Everyone signed it.',
		"Mrs. Adeyemi was tearful and said she's exhausted from working nights."
	], {
		goals: ['Reduce screaming matches about homework to fewer than 2 per week.'],
		intervention: [
			'Therapist facilitated a homework contract: Tobi starts at 5:30, parents check once at 6:15, and the phone is returned at 7.',
			no('unsupported', 'Therapist coached parents on using praise for effort.')
		],
		response: [
			'Parents reported 3 screaming matches this week, down from daily.',
			'Tobi stated, "It\'s better when Dad doesn\'t stand over me."',
			'All family members signed the contract.',
			'Mrs. Adeyemi was tearful and reported exhaustion from working nights.',
			no('name', "Tobi's older sister Funmi also attended part of the session.")
		],
		plan: [
			no('date', 'Review the contract at the next family session on May 9.'),
			no('number', 'Tobi will earn 30 minutes of extra gaming time for each day he follows the contract.')
		]
	}),
	pair('girp-cbti', 'GIRP', [
		'Sleep diary reviewed: average time in bed 8.5 hours, average sleep 6 hours, sleep efficiency about 70%.',
		"Client still lies in bed scrolling when she can't sleep. Goal: sleep efficiency over 85%.",
		'Introduced sleep restriction: bedtime 12:30 am, wake 6:30 am, no naps. Explained stimulus control: out of bed after 20 minutes awake.',
		'Client worried about being tired at work; discussed that the first week is the hardest. She agreed to try it for two weeks.',
		'Not taking any sleep medication.'
	], {
		goals: ['Improve sleep efficiency to over 85%.'],
		intervention: [
			'Reviewed sleep diary showing an average of 8.5 hours in bed and 6 hours of sleep, about 70% efficiency.',
			'Introduced sleep restriction with a 12:30 a.m. bedtime, a 6:30 a.m. wake time and no naps.',
			'Explained stimulus control: get out of bed after 20 minutes awake.',
			no('medication', 'Recommended melatonin 3 mg at bedtime.')
		],
		response: [
			'Client expressed worry about daytime tiredness at work.',
			'Client agreed to a two-week trial.',
			no('quotation', 'Client reported relief and said, "This finally makes sense to me."')
		],
		plan: ['Follow the sleep restriction schedule for two weeks.', no('date', 'Reassess sleep efficiency on January 15.')]
	}),
	pair('girp-job-fair', 'GIRP', [
		'Client: I went to the job fair at the community college like we planned.',
		'Therapist: How was it?',
		'Client: Crowded. I talked to three places. The hardware store wants me to come back for an interview.',
		"Therapist: That's great. When?",
		'Client: Next Wednesday at 2.',
		'Therapist: Your goal was to submit five applications by the end of the month. Where are you at?',
		'Client: Two, plus the hardware store one makes three.',
		"Therapist: Let's practice interview questions. Tell me about a time you solved a problem at work.",
		'Client: At the warehouse, the scanner broke and I made a paper log so we could keep shipping.',
		"Therapist: That's a great example. Use that one."
	], {
		goals: ['Submit five job applications by the end of the month.'],
		intervention: [
			'Therapist conducted a mock interview and helped client identify a problem-solving example.',
			no('unsupported', 'Therapist helped client update his resume.')
		],
		response: [
			'Client attended the job fair at the community college and spoke with three employers.',
			'The hardware store invited him back for an interview next Wednesday at 2.',
			'He has submitted three applications so far.',
			'He described making a paper log at the warehouse when the scanner broke.',
			no('assumed-normal', 'Client appeared well groomed and made good eye contact.')
		],
		plan: [
			'Client will attend the interview next Wednesday at 2 p.m.',
			no('date', 'Client will submit two more applications by Friday.'),
			no('name', "Client's job coach, Linda, will accompany him to the interview.")
		]
	}),
	pair('girp-widow-group', 'GIRP', [
		"Client (widowed in March) reports going to the senior center's grief group for the first time.",
		'She said it was "hard but good" and that one woman, Rosa, also lost her husband this year.',
		"She's still setting the table for two some nights. Goal: re-engage in one social activity per week.",
		'We discussed continuing bonds and she decided to keep his reading glasses on the shelf. She denied feeling hopeless.'
	], {
		goals: ['Re-engage in one social activity per week.'],
		intervention: [
			'Therapist discussed the concept of continuing bonds.',
			no('number', 'Therapist administered the Geriatric Depression Scale; score was 6.')
		],
		response: [
			'Client attended the senior center\'s grief group for the first time and described it as "hard but good."',
			'She connected with Rosa, who also lost her husband this year.',
			'She reported still setting the table for two some nights.',
			"She decided to keep her husband's reading glasses on the shelf.",
			no('risk', 'Client denied suicidal ideation.')
		],
		plan: [no('date', 'Client will return to the grief group next Thursday.')]
	}),
	pair('pie-voices', 'PIE', [
		'Problem: client reports hearing a voice that comments on what she does, "like a sports announcer." Says it is quieter since starting olanzapine 10 mg on Monday. Sleeping 7 hours.',
		'Intervention: reviewed coping strategies for voices — humming, headphones with music, talking back in a journal. Client chose headphones.',
		'Evaluation: client used headphones during lunch and reported the voice was "in the background." Denies command hallucinations. Denies SI/HI.'
	], {
		problem: [
			'Client reports hearing a voice that comments on her actions "like a sports announcer."',
			'She reports the voice has been quieter since starting olanzapine 10 mg on Monday.',
			'She reports sleeping 7 hours.',
			no('number', 'She reports the voice has been present since age 19.')
		],
		intervention: [
			'Reviewed coping strategies for voices, including humming, headphones with music and journaling responses.',
			no('dose', 'Increased olanzapine to 15 mg.')
		],
		evaluation: [
			'Client used headphones at lunch and reported the voice was "in the background."',
			'Client denies command hallucinations and denies SI/HI.',
			no('assumed-normal', 'Client was cooperative and maintained good eye contact.')
		]
	}),
	pair('pie-postpartum', 'PIE', [
		'Client is 6 weeks postpartum. Baby is feeding every 3 hours; partner does the 2 am feed.',
		'Client says she feels "like a robot" and cries in the shower so nobody sees. EPDS today 14. She asked directly if something was wrong with her.',
		"Discussed postpartum depression and that it's treatable.",
		'She has had intrusive thoughts of the baby falling down the stairs, which scare her; she has no intent or wish to harm the baby.',
		'Agreed to a referral to the perinatal psychiatry clinic. She is not taking any medication.'
	], {
		problem: [
			'Client is 6 weeks postpartum and reports feeling "like a robot."',
			'She cries in the shower so nobody sees.',
			'EPDS score today was 14.',
			'She reports intrusive thoughts of the baby falling down the stairs, which frighten her, with no intent to harm the baby.',
			no('number', 'She reports the baby is feeding every 2 hours.')
		],
		intervention: [
			'Provided psychoeducation that postpartum depression is treatable.',
			no('unsupported', 'Screened for postpartum psychosis.'),
			'Made a referral to the perinatal psychiatry clinic.'
		],
		evaluation: ['Client agreed to the referral.', no('medication', 'Client will start sertraline 25 mg.')]
	}),
	pair('pie-a1c', 'PIE', [
		"Warm handoff from Dr. Feld after the client's A1c came back at 9.2. Client said \"I know what I should eat, I just don't do it.\"",
		'She eats fast food most days because she works two jobs. We did a brief motivational interview; importance of change 8/10, confidence 4/10.',
		'She picked one change: pack lunch on the three days she works at the bank. Will follow up by phone in one week.'
	], {
		problem: [
			'Client referred by Dr. Feld after an A1c of 9.2.',
			'She eats fast food most days because she works two jobs.',
			no('quotation', 'Client stated, "I know what to eat but I don\'t do it."')
		],
		intervention: [
			'Brief motivational interviewing was completed.',
			'Rated importance of change 8/10 and confidence 4/10.',
			no('unsupported', 'Provided education on carbohydrate counting.')
		],
		evaluation: [
			'Client chose to pack lunch on the three days she works at the bank.',
			'Phone follow-up in one week.',
			no('number', "Client's A1c goal is below 7.")
		]
	}),
	pair('pie-overdose', 'PIE', [
		'[00:00:02] Client: I took a bunch of my Klonopin last night. Like ten of them.',
		'[00:00:09] Therapist: Thank you for telling me. Did you want to die when you took them?',
		"[00:00:14] Client: I don't know. I just wanted to stop feeling it.",
		'[00:00:20] Therapist: Are you safe right now? Do you have more pills?',
		'[00:00:25] Client: My roommate took the bottle. I feel groggy.',
		"[00:00:40] Therapist: I'm concerned about the overdose. I want you to get checked at the emergency department today. Can your roommate take you?",
		'[00:00:52] Client: Yeah, Jess can drive me.',
		"[00:01:30] Therapist: I'm going to call the ED to let them know you're coming, okay?",
		'[00:01:34] Client: Okay.'
	], {
		problem: [
			'Client reported taking about ten of her Klonopin last night.',
			'When asked whether she wanted to die, she said she did not know and wanted to stop feeling it.',
			'She reported feeling groggy.',
			no('dose', 'Client took clonazepam 2 mg tablets.')
		],
		intervention: [
			'Therapist assessed immediate safety and access to means; roommate removed the bottle.',
			'Therapist recommended an emergency department evaluation today and called the ED to notify them.',
			no('risk', 'Safety plan was reviewed.')
		],
		evaluation: [
			'Client agreed to be driven to the ED by her roommate, Jess.',
			no('risk', 'Client denied current suicidal ideation.'),
			no('risk', 'Client is at low risk for self-harm.')
		]
	}),
	pair('pie-coming-out', 'PIE', [
		'Client (17) shared that he came out to his mom on Saturday. He said she "didn\'t yell, just went quiet" and hasn\'t brought it up since.',
		"He's been staying at his friend Marcus's house more. He worries his stepdad will find out.",
		'We role-played how he might start a follow-up conversation with his mom and he wrote three sentences he wants to say.',
		'He\'ll think about whether to have the talk this weekend. He said he feels "lighter" since telling her.'
	], {
		problem: [
			'Client came out to his mother on Saturday.',
			'He said she "didn\'t yell, just went quiet" and has not brought it up since.',
			'He is worried his stepfather will find out.',
			"He has been staying at his friend Marcus's house more often.",
			no('unsupported', 'His mother has threatened to make him leave home.')
		],
		intervention: [
			'Therapist role-played starting a follow-up conversation with his mother.',
			'Client wrote down three sentences he wants to say.',
			no('name', 'Therapist provided information on the Trevor Project crisis line.')
		],
		evaluation: [
			'Client reported feeling "lighter" since coming out to his mother.',
			'He will decide whether to have the talk this weekend.',
			no('number', 'Client reports his mood as 8/10.')
		]
	}),
	pair('pie-fireworks', 'PIE', [
		'Client (Army veteran, two deployments) says the Fourth of July fireworks "wrecked" him; he slept in his truck two nights.',
		'He\'s been using prazosin 2 mg from the VA and says the nightmares are "maybe half" of what they were.',
		'Wife Carla has asked him to come to a couples session. We reviewed grounding with the 5-4-3-2-1 senses exercise and he practiced it.',
		'He said it "takes the edge off." Plan is to invite Carla next time.'
	], {
		problem: [
			'Client reports the Fourth of July fireworks "wrecked" him and he slept in his truck for two nights.',
			'He reports nightmares are about half as frequent on prazosin 2 mg.',
			'His wife, Carla, asked him to attend a couples session.',
			no('number', 'Client served three deployments in Iraq.')
		],
		intervention: [
			'Reviewed and practiced the 5-4-3-2-1 grounding exercise.',
			no('dose', 'Discussed increasing prazosin to 5 mg with his VA prescriber.')
		],
		evaluation: [
			'Client reported that grounding "takes the edge off."',
			'Client will invite Carla to the next session.',
			no('risk', 'Client denies homicidal ideation.'),
			no('assumed-normal', 'Client was alert and oriented x4 with linear thought process.')
		]
	}),
	pair('pie-late-arrival', 'PIE', [
		'Client arrived 20 minutes late; session shortened to 30 minutes.',
		'She spent most of the time talking about the move to her new apartment and the boxes that are still unpacked.',
		'She said she likes the new neighborhood. No specific interventions today beyond listening and reflection.'
	], {
		problem: [
			'Client arrived 20 minutes late and the session was shortened to 30 minutes.',
			'She discussed moving into her new apartment, with boxes still unpacked.',
			no('unsupported', 'She reported that the move has worsened her anxiety.')
		],
		intervention: ['Supportive listening and reflection.', no('unsupported', 'Therapist introduced a room-by-room unpacking plan.')],
		evaluation: ['Not documented']
	}),
	pair('sirp-partner-violence', 'SIRP', [
		'Client called from her car outside work. Says her boyfriend, Eric, shoved her into the dresser last night after she asked about money he took from her account.',
		'She has a bruise on her left arm. She doesn\'t want to call the police "yet." Kids are at her mother\'s this week.',
		'We went through a safety plan: go-bag at her mother\'s, code word "pineapple" with her sister, hotline number saved under a fake name.',
		"She'll stay at her mother's tonight."
	], {
		situation: [
			'Client called from her car outside work after her boyfriend, Eric, shoved her into a dresser last night.',
			'The incident followed her asking about money he had taken from her account.',
			'She has a bruise on her left arm.',
			no('unsupported', 'She has a bruise on her right cheek as well.'),
			no('number', 'She reported that this was the third incident this month.')
		],
		intervention: [
			"Therapist completed a safety plan with the client, including a go-bag at her mother's, a code word with her sister and a hotline number saved under a fake name.",
			no('unsupported', 'Therapist filed a report with Child Protective Services.')
		],
		response: ['Client does not want to contact the police "yet."', no('quotation', 'Client stated, "I\'m scared he\'ll find me."')],
		plan: [
			"Client will stay at her mother's home tonight.",
			'Safety plan reviewed.',
			no('date', 'Follow-up call on Thursday.')
		]
	}),
	pair('sirp-robbery', 'SIRP', [
		'Employee assistance session. Client was a cashier at the store during the armed robbery on Tuesday night. No one was hurt.',
		"She says she keeps seeing the gun and jumps when the door chime rings. She hasn't gone back to work; her manager, Mr. Byrne, told her to take the week.",
		'Discussed common stress reactions in the first month and that most ease with time. Practiced slow breathing.',
		'She plans to go back Monday for a half shift.'
	], {
		situation: [
			'Client was working as a cashier during an armed robbery at the store on Tuesday night; no one was injured.',
			'She reports intrusive images of the gun and startles when the door chime rings.',
			'Her manager, Mr. Byrne, told her to take the week off.',
			no('unsupported', 'She reports nightmares every night since the robbery.')
		],
		intervention: [
			'Psychoeducation about common stress reactions in the first month and their tendency to ease with time.',
			'Practiced slow breathing.',
			no('number', 'Administered the PCL-5; score was 38.')
		],
		response: [no('quotation', 'Client stated, "I just keep seeing the gun."')],
		plan: [
			'Client plans to return to work Monday for a half shift.',
			no('number', 'Client was referred for a trauma-focused course of 12 EMDR sessions.')
		]
	}),
	pair('sirp-worksheet', 'SIRP', [
		'Student (9th grade) was sent to the counseling office by Ms. Ortiz after writing "nobody would care if I disappeared" on a worksheet.',
		'Student said she wrote it because she was upset about a breakup.',
		'Asked directly about suicide: she said she has thought about it "a couple times" this month but has no plan and has not done anything to hurt herself.',
		'Completed the C-SSRS screener: yes to questions 1 and 2 only. Called her father, who will pick her up at 2:30.',
		'Gave both of them the 988 number and the county mobile crisis line.'
	], {
		situation: [
			'Student was referred by Ms. Ortiz after writing "nobody would care if I disappeared" on a worksheet.',
			'She said she wrote it because she was upset about a breakup.',
			'Student endorsed thoughts of suicide "a couple times" this month without a plan.',
			'She denied any self-harm behavior.',
			no('unsupported', 'Student reported cutting her arms last year.')
		],
		intervention: [
			'Completed the C-SSRS screener; student answered yes to questions 1 and 2 only.',
			'Counselor contacted her father, who will pick her up at 2:30.',
			'Provided the 988 number and the county mobile crisis line.'
		],
		response: [
			no('risk', 'Student denied suicidal ideation.'),
			no('name', 'Student agreed to see the school psychologist, Dr. Haines, tomorrow.')
		],
		plan: [no('date', 'Follow-up with student on Monday morning.')]
	}),
	pair('sirp-caregiver', 'SIRP', [
		'Therapist: You said on the phone that things with your husband got worse.',
		"Client: He didn't recognize me on Sunday. He called me by his sister's name. Fifty-two years we've been married.",
		'Therapist: That must have been painful.',
		'Client: I went into the bathroom and cried. Then I made his lunch like nothing happened.',
		'Therapist: Are you getting any breaks?',
		"Client: My son comes Thursdays for two hours. That's it.",
		"Therapist: Let's look at the adult day program we talked about. It's Monday, Wednesday, Friday, nine to three.",
		'Client: The cost worries me.',
		"Therapist: I'll send the application and the sliding-scale form. Would you be willing to call them?",
		"Client: I'll call tomorrow."
	], {
		situation: [
			"Client reported her husband did not recognize her on Sunday and called her by his sister's name.",
			'They have been married for 52 years.',
			"Client's only respite is her son's visit on Thursdays for two hours.",
			no('date', "Her husband was diagnosed with Alzheimer's disease in 2019.")
		],
		intervention: [
			'Therapist validated the painful experience and explored her need for breaks.',
			'Therapist reviewed the adult day program (Monday, Wednesday and Friday, 9 to 3) and will send the application and sliding-scale form.'
		],
		response: [
			'Client said she went into the bathroom and cried, then made lunch as if nothing had happened.',
			'Client expressed concern about the cost.',
			no('quotation', 'Client stated, "I can\'t do this anymore."')
		],
		plan: [
			'Client will call the adult day program tomorrow.',
			no('date', 'Therapist will refer to a caregiver support group that meets Tuesdays.')
		]
	}),
	pair('sirp-vape', 'SIRP', [
		'Parent: We found vape cartridges in his backpack. THC ones.',
		"Client: They're my friend's.",
		"Therapist: Caleb, I'm not here to catch you out. How often are you using?",
		"Client: Weekends. Sometimes after school if I'm stressed.",
		"Therapist: What's the stress about?",
		"Client: My dad's been drinking again and my parents fight about it.",
		"Parent: That's not... okay, that's fair.",
		"Therapist: Thank you both for being honest. I'd like to meet with Caleb alone for part of next session and with both parents together afterward.",
		'Parent: Fine.'
	], {
		situation: [
			"Parent reported finding THC vape cartridges in client's backpack.",
			'Caleb initially said they belonged to a friend.',
			'He reported using on weekends and sometimes after school when stressed.',
			'He reported his father has been drinking again and his parents argue about it.',
			no('number', 'Caleb reported using cannabis daily for the past 6 months.')
		],
		intervention: [
			'Therapist used a nonjudgmental stance to explore frequency of use.',
			no('number', 'Therapist completed the CRAFFT screening; score 4.')
		],
		response: ["Parent acknowledged the concern about the father's drinking as fair."],
		plan: [
			'Next session will include individual time with Caleb followed by a joint meeting with both parents.',
			no('unsupported', 'Caleb agreed to a weekly urine drug screen.')
		]
	}),
	pair('sirp-dropped-call', 'SIRP', [
		'Video session ended after 12 minutes when the connection dropped and the client did not rejoin.',
		'Before that, client reported a conflict with her landlord about a broken heater and said she has been using a space heater.',
		'Tried calling twice with no answer; left a voicemail offering to reschedule.'
	], {
		situation: [
			'Session ended after 12 minutes when the video connection dropped.',
			'Client reported a conflict with her landlord about a broken heater and is using a space heater.'
		],
		intervention: [
			'Therapist called twice without an answer and left a voicemail offering to reschedule.',
			no('unsupported', 'Therapist provided fire safety information about space heaters.')
		],
		response: ['Not documented'],
		plan: [no('date', 'Rescheduled for Friday at 4 pm.')]
	}),
	pair('sirp-betting', 'SIRP', [
		'Client reports losing $3,400 on sports betting apps over the weekend, money that was meant for his car payment.',
		"He deleted two of the three apps in session. His wife doesn't know yet; he plans to tell her Saturday morning.",
		'We discussed self-exclusion through the state program and he filled out the form. He said, "I keep thinking one more win will fix it."'
	], {
		situation: [
			'Client reported losing $3,400 on sports betting apps over the weekend, money intended for his car payment.',
			'His wife is not yet aware of the losses.',
			no('number', 'He has lost over $20,000 this year.')
		],
		intervention: [
			'Client deleted two of three betting apps in session.',
			'Therapist discussed the state self-exclusion program and client completed the form.',
			no('unsupported', 'Therapist introduced a gambling urge log.')
		],
		response: ['He said, "I keep thinking one more win will fix it."', no('quotation', 'He said he felt "ashamed and stupid."')],
		plan: ['Client plans to tell his wife on Saturday morning.', no('date', 'Client will attend Gamblers Anonymous on Tuesday.')]
	}),
	pair('sirp-interpreter', 'SIRP', [
		'Session held with a Dari interpreter by phone. Client says he sleeps badly because he thinks about his brother who is still in Kabul.',
		"He hasn't heard from him in three weeks. He works nights at a bakery.",
		"He asked for help writing a letter to the resettlement agency about his brother's case. We worked on the letter together for most of the hour.",
		'Denies thoughts of harming himself.'
	], {
		situation: [
			'Session was held with a Dari interpreter by phone.',
			'Client reports poor sleep due to worry about his brother, who remains in Kabul.',
			'He has not heard from his brother in three weeks.',
			'He works nights at a bakery.',
			no('date', 'He reports his brother was arrested in June.')
		],
		intervention: [
			"Therapist helped client write a letter to the resettlement agency about his brother's case.",
			no('unsupported', 'Therapist taught progressive muscle relaxation for sleep.')
		],
		response: ['Client denies thoughts of self-harm.', no('risk', 'Client denies homicidal ideation.')],
		plan: [no('date', 'Client will mail the letter by Friday.')]
	}),
	/* Written after the check was tuned on the pairs above, to see how it does on unseen text. */
	pair('late-soap-hot-thought', 'SOAP', [
		'Client: I stayed up until three finishing the slide deck, and then my boss, Renata, said it was "fine." Just fine.',
		'Therapist: What did "fine" mean to you in that moment?',
		"Client: That I failed. That everyone could see I'm not good enough.",
		"Therapist: Let's write that down as the hot thought. How strongly do you believe it right now, zero to a hundred?",
		'Client: Eighty.',
		"Therapist: What's the evidence against it?",
		"Client: She asked me to present it to the regional team on the 14th. You don't ask someone who failed to do that.",
		'Therapist: And re-rating?',
		'Client: Maybe forty-five.',
		'Therapist: For homework, catch two more hot thoughts this week and do the same columns.',
		"Client: Okay. I'm also going to try to stop working after 10."
	], {
		subjective: [
			'Client reported staying up until 3 a.m. to finish a slide deck, after which her boss, Renata, called it "fine."',
			'She interpreted the feedback as evidence that she failed and is "not good enough."',
			no('number', 'She has been working 70-hour weeks for the past two months.')
		],
		objective: [
			'Belief in the hot thought was rated 80 out of 100 before and 45 after reviewing the evidence.',
			no('unsupported', 'Client was tearful and spoke softly.')
		],
		assessment: [
			'Client was able to generate evidence against the hot thought, noting she was asked to present to the regional team on the 14th.',
			no('unsupported', 'Client meets criteria for generalized anxiety disorder.')
		],
		plan: [
			'Client will identify two more hot thoughts this week using the same columns.',
			'Client will stop working after 10 p.m.',
			no('unsupported', 'Client will start a mindfulness app each morning.'),
			no('unsupported', 'Therapist will email Renata about workload.')
		]
	}),
	pair('late-dap-kitchen-table', 'DAP', [
		'Home-based session. Client and I cleared the kitchen table together for the first time in two years.',
		'She kept 14 of the 60 magazines we sorted and agreed to put the rest in recycling.',
		"She became tense when we reached her late mother's recipe box and asked to stop; we moved to the counter instead.",
		'Distress peaked at 7/10 and was 4/10 by the end of the hour. Next visit Thursday 10/17 at 1:00 to work on the counter.',
		'She said she wants to be able to have her granddaughter Mia over for dinner by Christmas.'
	], {
		data: [
			'Client and therapist cleared the kitchen table together for the first time in two years.',
			'She kept 14 of 60 sorted magazines and agreed to recycle the rest.',
			"She became tense at her late mother's recipe box and asked to stop.",
			no('date', 'She reports her home has been cluttered since her divorce in 2015.'),
			'Distress peaked at 7/10 and decreased to 4/10 by the end of the hour.'
		],
		assessment: [
			'Client tolerated discarding with moderate distress that decreased over the session.',
			no('number', 'Hoarding severity score on the SI-R was 62.')
		],
		plan: [
			'Next visit on Thursday, October 17 at 1:00 to work on the counter.',
			'Goal is to have her granddaughter Mia over for dinner by Christmas.',
			no('number', 'Client will sort 20 magazines per day between visits.')
		]
	}),
	pair('late-birp-cutting', 'BIRP', [
		'[00:00:03] Therapist: Your mom said you wanted to talk about something that happened over the weekend.',
		'[00:00:09] Client: I cut again. On Saturday. Just my thigh, not deep.',
		'[00:00:15] Therapist: Thank you for telling me. Did you clean it and is it healing?',
		"[00:00:19] Client: Yeah, it's fine. Mom saw the bandage.",
		'[00:00:30] Therapist: Were you thinking about killing yourself when you did it?',
		'[00:00:34] Client: No. I just wanted the feeling to stop. It was after the group chat thing.',
		"[00:01:10] Therapist: Let's update your safety plan and add the ice and the rubber band as things to try first.",
		"[00:04:50] Client: Okay. And I'll text my aunt Jo instead of going on the group chat.",
		"[00:05:20] Therapist: I'd like to see you twice next week, Tuesday and Friday."
	], {
		behavior: [
			'Client disclosed cutting her thigh on Saturday, superficially.',
			'She stated the wound is healing and her mother saw the bandage.',
			'She reported it occurred after an upsetting incident in a group chat.',
			no('number', 'She has cut 5 times this month.')
		],
		intervention: [
			'Therapist assessed suicidal intent; client denied wanting to kill herself and said she wanted the feeling to stop.',
			'Therapist updated the safety plan to include ice and a rubber band as first steps.',
			no('unsupported', 'Therapist taught the STOP skill.')
		],
		response: [
			'Client agreed to text her aunt Jo instead of going on the group chat.',
			no('risk', 'Client denied homicidal ideation.'),
			no('assumed-normal', 'Client was receptive and maintained good eye contact.')
		],
		plan: ['Sessions twice next week, on Tuesday and Friday.', no('unsupported', 'Therapist will notify the school counselor.')]
	}),
	pair('late-girp-sleep-rhythm', 'GIRP', [
		'Goal 1: keep a regular sleep-wake schedule (in bed by 11, up by 7) to reduce mood episodes.',
		"Client's social rhythm chart shows bedtime between 11 and 1 most nights; he was up until 3 on Friday after a concert.",
		'He says he felt "wired but great" the next day and spent $400 on records. Denies racing thoughts now.',
		'Still taking lithium 900 mg nightly; level drawn last week was 0.8 per his psychiatrist.',
		'We reviewed early warning signs and he added "buying records" to his list.',
		"He'll ask his girlfriend, Noor, to text him at 10:30 as a wind-down reminder."
	], {
		goals: ['Maintain a regular sleep-wake schedule, in bed by 11 and up by 7, to reduce mood episodes.'],
		intervention: [
			'Reviewed the social rhythm chart and early warning signs of mania.',
			no('unsupported', 'Provided psychoeducation on the link between sleep loss and mania.')
		],
		response: [
			'Bedtime was between 11 and 1 most nights, with a late night until 3 on Friday after a concert.',
			'He described feeling "wired but great" the next day and spent $400 on records.',
			'He denies racing thoughts currently.',
			'He continues lithium 900 mg nightly, with a recent level of 0.8.',
			no('number', 'He reported skipping lithium doses twice this week.'),
			'He added "buying records" to his warning-sign list.'
		],
		plan: [
			"Client's girlfriend, Noor, will text him at 10:30 as a wind-down reminder.",
			no('medication', 'Client will start quetiapine 50 mg as needed for sleep.'),
			no('name', 'Follow up with psychiatrist Dr. Ames next month.')
		]
	}),
	pair('late-pie-chest-tightness', 'PIE', [
		'Client went to the ER on Sunday thinking she was having a heart attack; EKG and labs were normal and she was told it was a panic attack.',
		"She was embarrassed and hasn't driven since. We went over the panic cycle and how chest tightness can come from hyperventilation.",
		'Practiced interoceptive exposure: spinning in a chair for 30 seconds, twice. She rated fear 6/10 then 3/10.',
		"Her PCP prescribed hydroxyzine 25 mg as needed; she hasn't taken it yet."
	], {
		problem: [
			'Client went to the emergency room on Sunday believing she was having a heart attack.',
			'Cardiac workup was normal and she was told it was a panic attack.',
			'She has avoided driving since then.',
			no('number', 'She has had four panic attacks in the past month.')
		],
		intervention: [
			'Reviewed the panic cycle and the role of hyperventilation in chest tightness.',
			'Conducted interoceptive exposure by spinning in a chair for 30 seconds, twice.',
			no('unsupported', 'Therapist prescribed hydroxyzine 25 mg as needed.')
		],
		evaluation: [
			'Fear ratings decreased from 6/10 to 3/10.',
			'She has not yet taken the hydroxyzine.',
			no('risk', 'Client denies SI.'),
			no('quotation', 'Client stated, "I felt so stupid at the hospital."')
		]
	}),
	pair('late-sirp-eviction', 'SIRP', [
		'Client: The notice came Friday. We have until the 30th to be out.',
		"Therapist: That's a lot to carry. Who's with you on this?",
		'Client: Just me and the kids. My ex stopped paying child support in August.',
		'Therapist: Have you been able to reach legal aid?',
		'Client: I called twice. They have an intake on Monday at 9.',
		"Therapist: Good. Let's make a list of what to bring: the lease, the notice, your pay stubs.",
		"Client: I keep thinking I'm going to end up in my car with the kids.",
		"Therapist: That fear makes sense. Let's also call the family shelter line together now so you know your options.",
		'(Called together; the intake worker, Ms. Perez, explained the waitlist is about two weeks.)',
		'Client: Okay. That helps a little.'
	], {
		situation: [
			'Client received an eviction notice on Friday and must move out by the 30th.',
			'She is raising the children alone, and her ex stopped paying child support in August.',
			'She fears ending up living in her car with her children.',
			no('number', 'She owes $2,300 in back rent.')
		],
		intervention: [
			'Therapist helped client list documents to bring to legal aid: the lease, the notice and pay stubs.',
			'Therapist and client called the family shelter line together; Ms. Perez explained the waitlist is about two weeks.',
			no('unsupported', 'Therapist wrote a letter to the landlord requesting an extension.')
		],
		response: ['Client said this "helps a little."', no('quotation', 'Client stated, "I don\'t know how I\'ll tell the kids."')],
		plan: [
			'Client will attend the legal aid intake on Monday at 9.',
			no('date', 'Client will apply for emergency rental assistance on Wednesday.'),
			no('number', 'Next session on the 28th.')
		]
	})
];
