import { fitsContext } from '$lib/domain/notes/chunking';
import {
	documentJsonSchema,
	documentSystemPrompt,
	documentUserPrompt,
	outlineDocument,
	outlineSimpler,
	simplerSystemPrompt,
	simplerUserPrompt,
	sourceContent,
	sourceFacts,
	validateDocumentDraft,
	type DocumentDraft,
	type DocumentSource
} from '$lib/domain/client-documents/client-document-prompts';
import { checkGrounding, type GroundedSentence, type GroundingFlagKind } from '$lib/domain/grounding/check';
import type { Client } from '$lib/domain/core/records';
import { estimateTokens } from '$lib/domain/notes/transcript';
import type { StructuredRequest } from '$lib/inference/engine';
import { draftingEngine, factsFromParts, generateStreaming, loadedContextWindow } from '../common/drafting';

/**
 * Client-facing documents drafted from the record, and their simpler versions, through
 * whichever engine is loaded, after the AI consent gate (drafting.ts). The outline engine
 * answers with the template filled from the record, or the deterministic simplification.
 */
export interface DraftedDocument extends DocumentDraft {
	draftedWith: string;
	/** Sentences stating a fact the source does not: a number, date, name, medication, dose, quotation or risk. */
	flagged: GroundedSentence[];
}

const ANSWER_TOKENS = 1500;

export function documentRequest(source: DocumentSource): StructuredRequest<DocumentDraft> {
	return {
		system: documentSystemPrompt(source.template),
		prompt: documentUserPrompt(source),
		jsonSchema: documentJsonSchema,
		validate: validateDocumentDraft,
		maxTokens: ANSWER_TOKENS,
		temperature: 0.2,
		outline: () => outlineDocument(source)
	};
}

export function simplerRequest(doc: DocumentDraft): StructuredRequest<DocumentDraft> {
	return {
		system: simplerSystemPrompt(),
		prompt: simplerUserPrompt(doc),
		jsonSchema: documentJsonSchema,
		validate: validateDocumentDraft,
		maxTokens: ANSWER_TOKENS,
		temperature: 0.2,
		outline: () => outlineSimpler(doc)
	};
}

/**
 * Only invented facts are flagged. A client-facing text rewords its source by design, so low
 * word overlap ("unsupported") is not a finding here; a date or a name that is not there is.
 */
const FACT_KINDS: ReadonlySet<GroundingFlagKind> = new Set(['number', 'date', 'name', 'medication', 'dose', 'quotation', 'risk']);

export function factFlags(source: string, text: string): GroundedSentence[] {
	return checkGrounding(source, { body: text })
		.sentences.map((s) => ({ ...s, flags: s.flags.filter((f) => FACT_KINDS.has(f.kind)) }))
		.filter((s) => s.flags.length > 0);
}

/** What a draft may say: the record's facts, the session content it may read, and the template's own text. */
export function groundingSource(source: DocumentSource): string {
	return [...sourceFacts(source), sourceContent(source), outlineDocument(source).body].join('\n');
}

export interface DraftDocumentInput {
	/** The client, for the AI consent gate. */
	client: Pick<Client, 'aiConsent'>;
	source: DocumentSource;
	onText: (text: string) => void;
	signal?: AbortSignal;
	contextWindow?: number;
	onPart?: (index: number, count: number) => void;
}

export async function draftClientDocument(input: DraftDocumentInput): Promise<DraftedDocument> {
	const engine = await draftingEngine(input.client);
	let request = documentRequest(input.source);
	const content = sourceContent(input.source);
	if (engine.kind === 'webllm' && content.trim() && input.source.session) {
		// Long session content is read part by part into facts; nothing is cut off.
		const contextWindow = input.contextWindow ?? loadedContextWindow();
		if (!fitsContext(estimateTokens(request.system) + estimateTokens(request.prompt), ANSWER_TOKENS, contextWindow)) {
			const facts = await factsFromParts({ content, onPart: input.onPart, signal: input.signal }, contextWindow);
			const session = { ...input.source.session, content: facts.map((f) => `- ${f.text}`).join('\n') };
			request = { ...documentRequest({ ...input.source, session }), outline: request.outline };
		}
	}
	const draft = await generateStreaming(request, input.onText, input.signal);
	return { ...draft, draftedWith: engine.draftedWith, flagged: factFlags(groundingSource(input.source), `${draft.title}\n${draft.body}`) };
}

export interface SimplifyInput {
	client: Pick<Client, 'aiConsent'>;
	document: DocumentDraft;
	onText: (text: string) => void;
	signal?: AbortSignal;
}

/** A simpler version keeps every fact: anything it states that the current text does not is flagged. */
export async function simplifyClientDocument(input: SimplifyInput): Promise<DraftedDocument> {
	const engine = await draftingEngine(input.client);
	const draft = await generateStreaming(simplerRequest(input.document), input.onText, input.signal);
	const before = `${input.document.title}\n${input.document.body}`;
	return { ...draft, draftedWith: engine.draftedWith, flagged: factFlags(before, `${draft.title}\n${draft.body}`) };
}
