import { describe, expect, it } from 'vitest';
import { detectRiskLanguage, riskBannerText, summarizeRisk, type RiskFinding } from '$lib/domain/safety/risk-language';

/** [topic, polarity] for each finding, in order. */
const found = (content: string) => detectRiskLanguage(content).map((f) => [f.topic, f.polarity]);
const only = (content: string): RiskFinding => {
	const findings = detectRiskLanguage(content);
	expect(findings).toHaveLength(1);
	return findings[0]!;
};

describe('endorsed risk language', () => {
	it.each([
		['Client: I’ve been thinking about killing myself.', 'suicidal-ideation'],
		['I want to end my life.', 'suicidal-ideation'],
		['Sometimes I think everyone would be better off without me.', 'suicidal-ideation'],
		['I wish I could go to sleep and never wake up.', 'suicidal-ideation'],
		['Endorses passive SI without plan or intent.', 'suicidal-ideation'],
		['He said he wants to kill his stepdad.', 'homicidal-ideation'],
		['I keep having thoughts of hurting him.', 'homicidal-ideation'],
		['She has been cutting on her arms again.', 'self-harm'],
		['Reports burning herself with a lighter.', 'self-harm'],
		['My dad hits the kids when he drinks.', 'abuse-neglect'],
		['He hit me last night.', 'abuse-neglect'],
		['CPS was called by the school.', 'abuse-neglect'],
		['I took too many pills on Saturday.', 'overdose'],
		['EMS administered Narcan at the scene.', 'overdose']
	])('flags %j as endorsed %s', (content, topic) => {
		expect(found(content)).toEqual([[topic, 'endorsed']]);
	});

	it('reads a negation inside the risk expression itself as an endorsement', () => {
		expect(found('I don’t want to be here anymore.')).toEqual([['suicidal-ideation', 'endorsed']]);
		expect(found('I do not want to live.')).toEqual([['suicidal-ideation', 'endorsed']]);
		expect(found('I don’t feel safe at home.')).toEqual([['abuse-neglect', 'endorsed']]);
	});

	it('matches regardless of case', () => {
		expect(found('i want to KILL MYSELF')).toEqual([['suicidal-ideation', 'endorsed']]);
		expect(found('DENIES SUICIDAL IDEATION.')).toEqual([['suicidal-ideation', 'denied']]);
		expect(found('no si/hi')).toEqual([
			['suicidal-ideation', 'denied'],
			['homicidal-ideation', 'denied']
		]);
	});
});

describe('denials are kept as assessment mentions', () => {
	it.each([
		['Client denies SI/HI.', [['suicidal-ideation', 'denied'], ['homicidal-ideation', 'denied']]],
		['No SI/HI.', [['suicidal-ideation', 'denied'], ['homicidal-ideation', 'denied']]],
		['SI/HI: denied.', [['suicidal-ideation', 'denied'], ['homicidal-ideation', 'denied']]],
		['Denied suicidal ideation.', [['suicidal-ideation', 'denied']]],
		['She denied having any thoughts of wanting to end her life.', [['suicidal-ideation', 'denied']]],
		['I’m not having thoughts of hurting myself.', [['self-harm', 'denied']]],
		['She has never self-harmed.', [['self-harm', 'denied']]],
		['No history of overdose.', [['overdose', 'denied']]],
		['The client is not currently suicidal.', [['suicidal-ideation', 'denied']]],
		['Negative for SI.', [['suicidal-ideation', 'denied']]],
		['Suicidal ideation: none reported.', [['suicidal-ideation', 'denied']]],
		['Denies feeling unsafe at home.', [['abuse-neglect', 'denied']]]
	])('reads %j as a denial', (content, expected) => {
		expect(found(content)).toEqual(expected);
	});

	it('keeps a denial from reaching past a change of subject', () => {
		expect(found('Denies SI, endorses HI toward brother.')).toEqual([
			['suicidal-ideation', 'denied'],
			['homicidal-ideation', 'endorsed']
		]);
		expect(found('No SI, but she reports cutting last week.')).toEqual([
			['suicidal-ideation', 'denied'],
			['self-harm', 'endorsed']
		]);
		expect(found('I don’t know, sometimes I think about killing myself.')).toEqual([['suicidal-ideation', 'endorsed']]);
		expect(found('Pt reports passive SI, denies active SI.')).toEqual([
			['suicidal-ideation', 'endorsed'],
			['suicidal-ideation', 'denied']
		]);
	});
});

describe('history', () => {
	it.each(['Attempted suicide in 2019.', 'Past self-harm.', 'History of cutting as a teenager; none currently.', 'I used to burn myself.', 'Client used to cut, last episode 3 years ago.'])(
		'marks %j as endorsed and historical',
		(content) => {
			expect(only(content)).toMatchObject({ polarity: 'endorsed', historical: true });
		}
	);

	it('does not mark current risk as historical', () => {
		expect(only('She started cutting again this week.').historical).toBe(false);
		expect(only('In 2019 I lost my job and now I want to kill myself.').historical).toBe(false);
		const [past, now] = detectRiskLanguage('History of SI, currently endorses passive SI.');
		expect(past).toMatchObject({ polarity: 'endorsed', historical: true });
		expect(now).toMatchObject({ polarity: 'endorsed', historical: false });
	});

	it('never marks a denial as historical', () => {
		expect(only('No history of self-harm.')).toMatchObject({ polarity: 'denied', historical: false });
	});
});

describe('questions and hypotheticals', () => {
	it('leaves an unanswered clinician question unclear but counts it as asked', () => {
		expect(only('Therapist: Have you had thoughts of suicide?')).toMatchObject({ polarity: 'unclear', asked: true });
	});

	it('takes the polarity from the client’s answer', () => {
		const q = 'Therapist: Have you had any thoughts of hurting yourself?';
		expect(only(`${q}\nClient: No, never.`)).toMatchObject({ topic: 'self-harm', polarity: 'denied', asked: true });
		expect(only(`${q}\nClient: Yeah, sometimes.`)).toMatchObject({ topic: 'self-harm', polarity: 'endorsed' });
		expect(only(`${q}\nClient: I don’t know.`)).toMatchObject({ polarity: 'unclear' });
	});

	it('reads a screening line in a note with its answer', () => {
		expect(found('Asked about SI. Client denied.')).toEqual([['suicidal-ideation', 'denied']]);
		expect(found('Screened for SI; endorsed.')).toEqual([['suicidal-ideation', 'endorsed']]);
		expect(only('Plan: reassess SI next session.')).toMatchObject({ polarity: 'unclear', asked: true });
	});

	it('does not treat safety planning as a disclosure', () => {
		expect(found('If you have thoughts of suicide, call 988.')).toEqual([['suicidal-ideation', 'unclear']]);
	});

	it('does not resolve a client’s own question with the clinician’s reply', () => {
		expect(only('Client: Do you think I’m suicidal?\nTherapist: No.').polarity).toBe('unclear');
	});
});

describe('false friends', () => {
	it.each([
		'I’m dying to see the game this weekend.',
		'I’ve been killing it at work lately.',
		'He shot a photo of the sunset.',
		'My feet are killing me.',
		'Hi, nice to see you again.',
		'She has a history of alcohol abuse.',
		'I’m cutting back on coffee.',
		'It really hit me that I need help.',
		'I’ll shoot him a text later.',
		'I overdosed on Netflix this weekend.',
		'Provided the 988 Suicide and Crisis Lifeline number.',
		'I hurt myself skiing.',
		'The client was given a Narcan kit and training.',
		'I want to take my life back.',
		'His words hurt her feelings.',
		'She beat me at cards.',
		'I’d rather die than give that speech.',
		'I used to cut my hair short.'
	])('does not flag %j', (content) => {
		expect(detectRiskLanguage(content)).toEqual([]);
	});
});

describe('offsets and speakers', () => {
	it('points at the sentence without its speaker label, and at the cue inside it', () => {
		const content = 'Therapist: How was the week?\n[00:03:12] Client: Bad. I want to die. Mostly tired.';
		const [finding] = detectRiskLanguage(content);
		expect(finding).toMatchObject({ sentence: 'I want to die.', speaker: 'Client', cue: 'want to die' });
		expect(content.slice(finding!.start, finding!.end)).toBe('I want to die.');
		expect(content.slice(finding!.cueStart, finding!.cueEnd)).toBe('want to die');
	});

	it('keeps the original characters in the sentence it returns', () => {
		expect(only('I don’t want to be here anymore.').sentence).toBe('I don’t want to be here anymore.');
	});
});

describe('summary and banner', () => {
	it('points an endorsement to the C-SSRS screener and a safety plan, and says Tacit contacts no one', () => {
		const summary = summarizeRisk(detectRiskLanguage('I want to die. Past self-harm. Denies HI.'));
		expect(summary).toMatchObject({
			anyEndorsed: true,
			topicsEndorsed: ['suicidal-ideation', 'self-harm'],
			topicsDenied: ['homicidal-ideation'],
			assessed: true
		});
		expect(riskBannerText(summary)).toBe(
			'This session mentions suicidal ideation and self-harm. Complete a risk assessment (C-SSRS screener) and review or create a safety plan. Tacit does not contact anyone.'
		);
	});

	it('uses the exact sentence for a single endorsed topic', () => {
		expect(riskBannerText(summarizeRisk(detectRiskLanguage('Client reports SI.')))).toBe(
			'This session mentions suicidal ideation. Complete a risk assessment (C-SSRS screener) and review or create a safety plan. Tacit does not contact anyone.'
		);
	});

	it('asks for the risk assessment to be recorded when risk was only denied', () => {
		const summary = summarizeRisk(detectRiskLanguage('Client denies SI.'));
		expect(summary).toEqual({ anyEndorsed: false, topicsEndorsed: [], topicsDenied: ['suicidal-ideation'], topicsUnclear: [], assessed: true });
		expect(riskBannerText(summary)).toBe('Risk was discussed (denied: suicidal ideation). Record the risk assessment in the note.');
	});

	it('lists a topic as endorsed, not denied, when the session holds both', () => {
		const summary = summarizeRisk(detectRiskLanguage('Denies SI today. I want to kill myself.'));
		expect(summary.topicsEndorsed).toEqual(['suicidal-ideation']);
		expect(summary.topicsDenied).toEqual([]);
	});

	it('shows no banner and no assessment for content without risk language', () => {
		const summary = summarizeRisk(detectRiskLanguage('Discussed sleep hygiene and work stress.'));
		expect(summary.assessed).toBe(false);
		expect(riskBannerText(summary)).toBeNull();
	});

	it('counts an endorsement the clinician did not ask about as not yet assessed', () => {
		expect(summarizeRisk(detectRiskLanguage('I want to die.')).assessed).toBe(false);
	});

	it('never suggests that Tacit contacts anyone', () => {
		for (const content of ['I want to die.', 'My dad hits me.', 'Denies SI.', 'Have you thought of suicide?']) {
			const text = riskBannerText(summarizeRisk(detectRiskLanguage(content))) ?? '';
			expect(text).not.toMatch(/\b(?:will|has been|was)\s+(?:notif|contact|alert|call|report)|\bnotif(?:y|ied)\b|\bsent\b/i);
		}
	});
});
