import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { isAppError } from '$lib/domain/core/app-error';
import { countWords, cuesToText, estimateTokens, parseSrt, parseVtt } from '$lib/domain/notes/transcript';
import { decodeText, importFile, importKind } from '$lib/documents/notes/import-content';

const TEAMS_VTT = `WEBVTT
Kind: captions
Language: en

NOTE exported by a meeting app
this note is not speech

1
00:00:01.000 --> 00:00:04.500 align:start
<v Dr. Ana Ruiz>How has the week been?</v>

2
00:00:05.000 --> 00:00:07.000
<v.client Sam Lee>Harder than usual.</v>

00:00:07.200 --> 00:00:09.000
<v Sam Lee>I slept &amp; ate <i>badly</i>.</v>

00:01:10.000 --> 00:01:12.000
<v Dr. Ana Ruiz>Let's look at that.
`;

describe('WebVTT transcripts', () => {
	it('keeps voice-tag speakers, skips the header and NOTE blocks, and strips markup and entities', () => {
		expect(parseVtt(TEAMS_VTT)).toEqual([
			{ speaker: 'Dr. Ana Ruiz', start: '00:00:01.000', text: 'How has the week been?' },
			{ speaker: 'Sam Lee', start: '00:00:05.000', text: 'Harder than usual. I slept & ate badly.' },
			{ speaker: 'Dr. Ana Ruiz', start: '00:01:10.000', text: "Let's look at that." }
		]);
	});

	it('reads "Name: text" prefixes and short timestamps, and merges plain cues with no speaker', () => {
		const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\nThe session starts.\n\n00:02.000 --> 00:03.000\nStill no speaker.\n\n' +
			'00:03.000 --> 00:04.000\nSpeaker 2: Now someone talks.\nAnd goes on.\n\n00:04.000 --> 00:05.000\nSpeaker 2: More.\n';
		expect(parseVtt(vtt)).toEqual([
			{ speaker: null, start: '00:00:01.000', text: 'The session starts. Still no speaker.' },
			{ speaker: 'Speaker 2', start: '00:00:03.000', text: 'Now someone talks. And goes on. More.' }
		]);
	});

	it('splits one cue that holds two voices', () => {
		const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ana>Ready?</v>\n<v Sam>Yes.</v>\n';
		expect(cuesToText(parseVtt(vtt))).toBe('Ana: Ready?\nSam: Yes.');
	});

	it('does not mistake a clock time, a clause or a voice-tagged line for a speaker label', () => {
		const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nWe met at 10:30 today.\n\n00:00:03.000 --> 00:00:04.000\n' +
			'I said: no more.\n\n00:00:04.000 --> 00:00:05.000\n<v Ana>Homework: walk daily.\n';
		expect(parseVtt(vtt)).toEqual([
			{ speaker: null, start: '00:00:01.000', text: 'We met at 10:30 today. I said: no more.' },
			{ speaker: 'Ana', start: '00:00:04.000', text: 'Homework: walk daily.' }
		]);
	});
});

describe('SubRip transcripts', () => {
	const srt = '1\r\n00:00:01,000 --> 00:00:03,000\r\nTherapist: Welcome back.\r\n\r\n2\r\n00:00:03,500 --> 00:00:05,000\r\n' +
		'Therapist: <i>Take a seat.</i>\r\n\r\n3\r\n00:00:06,000 --> 00:00:08,000\r\n{\\an8}Client: Thanks.\r\n- Therapist: Sure.\r\n\r\n' +
		'4\r\n01:02:03,040 --> 01:02:05,000\r\nno label here\r\n';

	it('drops the numbering, keeps "Speaker:" prefixes and merges consecutive lines of one speaker', () => {
		expect(parseSrt(srt)).toEqual([
			{ speaker: 'Therapist', start: '00:00:01.000', text: 'Welcome back. Take a seat.' },
			{ speaker: 'Client', start: '00:00:06.000', text: 'Thanks.' },
			{ speaker: 'Therapist', start: '00:00:06.000', text: 'Sure.' },
			{ speaker: null, start: '01:02:03.040', text: 'no label here' }
		]);
	});

	it('writes "Speaker: text" lines, with start times only when asked', () => {
		const cues = parseSrt(srt);
		expect(cuesToText(cues)).toBe('Therapist: Welcome back. Take a seat.\nClient: Thanks.\nTherapist: Sure.\nno label here');
		expect(cuesToText(cues, { times: true }).split('\n')[3]).toBe('[01:02:03] no label here');
	});

	it('keeps stray text that follows a cue instead of dropping it', () => {
		const broken = '1\n00:00:01,000 --> 00:00:02,000\nClient: I feel\n\nbetter now.\n';
		expect(parseSrt(broken)).toEqual([{ speaker: 'Client', start: '00:00:01.000', text: 'I feel better now.' }]);
	});
});

describe('word and token counts', () => {
	it('counts words, treating contractions and hyphenated words as one and ignoring lone punctuation', () => {
		expect(countWords("I don't feel well-being today — 3 times.")).toBe(7);
		expect(countWords('   ')).toBe(0);
		expect(countWords('Ça va, José?')).toBe(3);
		expect(countWords('Dx F41.1, PHQ-9 at 12.5')).toBe(5);
	});

	it('estimates tokens as the larger of 1.3 per word and one per four characters', () => {
		expect(estimateTokens('one two three four five six seven eight nine ten')).toBe(13);
		expect(estimateTokens('3F9A0C7B1E5D2A8C4F6B0E7D')).toBe(6);
		expect(estimateTokens('')).toBe(0);
	});
});

async function docxFile(paragraphs: string[]): Promise<File> {
	const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
	const bytes = await Packer.toBuffer(doc);
	return new File([new Uint8Array(bytes)], 'session.docx', { type: '' });
}

describe('importing a file', () => {
	it('reads a real Word document with mammoth, keeping paragraphs', async () => {
		const result = await importFile(await docxFile(['Client reported better sleep.', 'Plan: continue CBT-I.']));
		expect(result).toEqual({ kind: 'docx', text: 'Client reported better sleep.\n\nPlan: continue CBT-I.', words: 7 });
	});

	it('turns a transcript into speaker lines and counts its words', async () => {
		const file = new File([TEAMS_VTT], 'meeting.vtt', { type: 'text/vtt' });
		const result = await importFile(file);
		expect(result.kind).toBe('vtt');
		expect(result.text.split('\n')[0]).toBe('Dr. Ana Ruiz: How has the week been?');
		expect(result.words).toBe(countWords(result.text));
	});

	it('uses the MIME type when the name has no extension, and the extension before the MIME type', () => {
		expect(importKind('transcript', 'application/x-subrip')).toBe('srt');
		expect(importKind('notes', 'text/plain; charset=utf-8')).toBe('txt');
		expect(importKind('notes.TXT', 'application/octet-stream')).toBe('txt');
		expect(importKind('scan.pdf', 'text/plain')).toBeNull();
	});

	it('refuses an unsupported file with its own error code', async () => {
		const error = await importFile(new File(['%PDF-1.7'], 'intake.pdf', { type: 'application/pdf' })).catch((e) => e);
		expect(isAppError(error)).toBe(true);
		expect(error.code).toBe('import/unsupported-file');
	});

	it('refuses a damaged Word document and a .srt file without cues, rather than importing nothing', async () => {
		const docx = await importFile(new File(['not a zip'], 'notes.docx')).catch((e) => e);
		expect([docx.code, docx.details]).toEqual(['import/unreadable', { kind: 'docx' }]);
		const srt = await importFile(new File(['just some text'], 'notes.srt')).catch((e) => e);
		expect([srt.code, srt.details]).toEqual(['import/unreadable', { kind: 'srt' }]);
	});

	it('decodes UTF-8 with a BOM, UTF-16 and legacy Windows-1252 text', async () => {
		expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9]).buffer)).toBe('hé');
		expect(decodeText(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00]).buffer)).toBe('hé');
		expect(decodeText(new Uint8Array([0x93, 0x68, 0xe9, 0x94]).buffer)).toBe('“hé”');
		const result = await importFile(new File([new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a])], 'n.txt'));
		expect(result).toEqual({ kind: 'txt', text: 'café', words: 1 });
	});
});
