// Where each public file is fetched from (hub, model URL, model library URL) and the names it is
// saved under, including the check that a downloaded name cannot escape the model folder.
import { FatalError } from './errors.mjs';

/** @typedef {import('./catalog.mjs').CatalogRecord} CatalogRecord */

/** Where WebLLM itself gets weights; `--hub` or HF_ENDPOINT point elsewhere (a mirror, a test server). */
export const DEFAULT_HUB = 'https://huggingface.co';
export const MANIFEST_NAME = 'tacit-manifest.json';

/** @param {string} url */
export const hostOf = (url) => new URL(url).host;

/**
 * WebLLM's rule (cleanModelUrl): the model URL gains `resolve/main/` unless it names a revision.
 * @param {string} url
 */
export function resolvedModelUrl(url) {
	let u = url.endsWith('/') ? url : `${url}/`;
	if (!/.+\/resolve\/.+\//.test(u)) u += 'resolve/main/';
	return new URL(u).href;
}

/** @param {string} url */
const trimSlash = (url) => url.replace(/\/+$/, '');

/**
 * Where each public file comes from. `hub` replaces the host of the record's model URL (keeping
 * `<owner>/<repo>`); `libBase` replaces the folder of its model_lib URL.
 * @param {CatalogRecord} record
 * @param {{ hub?: string, libBase?: string }} [overrides]
 */
export function sourceUrls(record, overrides = {}) {
	const model = new URL(record.model);
	const modelUrl = overrides.hub ? `${trimSlash(overrides.hub)}${model.pathname}` : record.model;
	const libUrl = new URL(record.model_lib);
	const libFile = decodeURIComponent(libUrl.pathname.split('/').pop() ?? '');
	if (!libFile.endsWith('.wasm') || !isSafeRelative(libFile)) {
		throw new FatalError(`The catalog's model_lib for ${record.model_id} does not name a .wasm file: ${record.model_lib}`);
	}
	return {
		modelBase: resolvedModelUrl(modelUrl),
		libUrl: overrides.libBase ? `${trimSlash(overrides.libBase)}/${encodeURIComponent(libFile)}` : record.model_lib,
		libFile
	};
}

/**
 * File names come from downloaded JSON: refuse anything that could escape the model folder.
 * @param {string} name
 */
export function isSafeRelative(name) {
	if (typeof name !== 'string' || name.length === 0 || name.includes('\\') || name.startsWith('/')) return false;
	return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes(':'));
}
