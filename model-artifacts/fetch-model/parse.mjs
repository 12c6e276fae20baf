// Parsing and checking of the downloaded JSON: the chat config, the tensor cache (the shard list)
// and which tokenizer file WebLLM will request.
import { FatalError } from './errors.mjs';
import { isSafeRelative } from './urls.mjs';

/** @typedef {{ tokenizer_files?: string[] }} ChatConfig */
/** @typedef {{ dataPath: string, nbytes: number, md5sum?: string }} ShardRecord */
/** @typedef {{ records: ShardRecord[] }} TensorCache */

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * @param {string} text
 * @returns {ChatConfig}
 */
export function parseChatConfig(text) {
	const value = JSON.parse(text);
	if (!isObject(value)) throw new Error('expected a JSON object');
	const files = value.tokenizer_files;
	if (files !== undefined && !(Array.isArray(files) && files.every((f) => typeof f === 'string'))) {
		throw new Error('tokenizer_files must be a list of file names');
	}
	return /** @type {ChatConfig} */ (value);
}

/**
 * MLC's tensor cache (TVM `dump_tensor_cache`): `records[]` are shards, each with `dataPath`,
 * `nbytes` (the shard's size) and `md5sum` (hex MD5 of the shard).
 * @param {string} text
 * @returns {TensorCache}
 */
export function parseTensorCache(text) {
	const value = JSON.parse(text);
	if (!isObject(value) || !Array.isArray(value.records)) throw new Error('expected an object with a records list');
	/** @type {ShardRecord[]} */
	const records = value.records.map((/** @type {unknown} */ r, /** @type {number} */ i) => {
		if (!isObject(r)) throw new Error(`records[${i}] is not an object`);
		const { dataPath, nbytes, md5sum } = r;
		if (typeof dataPath !== 'string' || !isSafeRelative(dataPath)) throw new Error(`records[${i}].dataPath is not a plain file name`);
		if (typeof nbytes !== 'number' || !Number.isSafeInteger(nbytes) || nbytes < 0) throw new Error(`records[${i}].nbytes is not a size`);
		if (md5sum !== undefined && (typeof md5sum !== 'string' || !/^[0-9a-f]{32}$/i.test(md5sum))) {
			throw new Error(`records[${i}].md5sum is not an MD5 hex digest`);
		}
		return { dataPath, nbytes, ...(md5sum ? { md5sum: md5sum.toLowerCase() } : {}) };
	});
	return { records };
}

/**
 * The tokenizer file WebLLM 0.2.86 reads (asyncLoadTokenizer): tokenizer.json when the config
 * lists it, else tokenizer.model. Other listed files (tokenizer_config.json, vocab.json, ...)
 * are never requested, so they are not mirrored.
 * @param {ChatConfig} config
 */
export function tokenizerFile(config) {
	const files = config.tokenizer_files ?? ['tokenizer.json'];
	if (files.includes('tokenizer.json')) return 'tokenizer.json';
	if (files.includes('tokenizer.model')) return 'tokenizer.model';
	throw new FatalError(
		`mlc-chat-config.json lists neither tokenizer.json nor tokenizer.model (tokenizer_files: ${JSON.stringify(files)}), so WebLLM cannot load this model.`
	);
}
