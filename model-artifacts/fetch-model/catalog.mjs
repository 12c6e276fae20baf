// The model catalog: WebLLM's own prebuilt model list, read from the installed @mlc-ai/web-llm
// package (resolved from node_modules like any import, never from a path of ours).
import { FatalError, messageOf } from './errors.mjs';

/**
 * The fields of a WebLLM `ModelRecord` this script reads.
 * @typedef {object} CatalogRecord
 * @property {string} model_id
 * @property {string} model
 * @property {string} model_lib
 * @property {string} [model_manifest]
 */

/**
 * WebLLM's own catalog, so ids and library URLs always match the installed runtime.
 * @returns {Promise<CatalogRecord[]>}
 */
export async function loadCatalog() {
	try {
		const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
		return prebuiltAppConfig.model_list;
	} catch (error) {
		throw new FatalError(`Cannot read the model catalog from @mlc-ai/web-llm (${messageOf(error)}). Run \`npm install\` first.`);
	}
}
