#!/usr/bin/env node
/**
 * `npm run model:fetch -- <model_id> [--out <dir>] [--force]`
 *
 * Mirrors one WebLLM catalog model from its public sources (the Hugging Face repo and WebLLM's
 * model-library repo) into the practice layout that `npm start` serves at /model-artifacts/:
 *
 *   <out>/<model_id>/resolve/main/mlc-chat-config.json, tensor-cache.json, tokenizer, shards
 *   <out>/libs/<library>.wasm
 *   <out>/<model_id>/tacit-manifest.json   sizes and SHA-256 SRI of every file
 *
 * Run it on a machine with internet, then copy the folder to the practice server. Every file is
 * written to `<name>.part` and renamed only once complete and verified, so a crash never leaves
 * a truncated file under its final name; the next run resumes the `.part` with an HTTP Range
 * request. Only Node built-ins are used (plus WebLLM's own catalog for the model list).
 *
 * Exit codes: 0 ok, 1 failure, 2 usage.
 */
// The CLI entry: the code lives in ./fetch-model/ (one job per module); this file re-exports its
// public API by name and runs `main` when invoked as a script.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from './fetch-model/main.mjs';

export { closeMatches, parseArgs, USAGE } from './fetch-model/args.mjs';
export { loadCatalog } from './fetch-model/catalog.mjs';
export {
	classifyNetworkError,
	errorCodes,
	EXIT_FAILURE,
	EXIT_OK,
	EXIT_USAGE,
	FailuresError,
	FatalError,
	FileError,
	NotFoundError,
	offlineSentence,
	OfflineError,
	UsageError
} from './fetch-model/errors.mjs';
export { ensureFile, hashFile } from './fetch-model/files.mjs';
export { main };
export { mirrorModel } from './fetch-model/mirror.mjs';
export { parseChatConfig, parseTensorCache, tokenizerFile } from './fetch-model/parse.mjs';
export { formatBytes, Progress } from './fetch-model/progress.mjs';
export { DEFAULT_HUB, isSafeRelative, MANIFEST_NAME, resolvedModelUrl, sourceUrls } from './fetch-model/urls.mjs';

/** @typedef {import('./fetch-model/args.mjs').ParsedArgs} ParsedArgs */
/** @typedef {import('./fetch-model/catalog.mjs').CatalogRecord} CatalogRecord */
/** @typedef {import('./fetch-model/files.mjs').Context} Context */
/** @typedef {import('./fetch-model/files.mjs').FileHash} FileHash */
/** @typedef {import('./fetch-model/files.mjs').FileJob} FileJob */
/** @typedef {import('./fetch-model/main.mjs').MainDeps} MainDeps */
/** @typedef {import('./fetch-model/mirror.mjs').ManifestFile} ManifestFile */
/** @typedef {import('./fetch-model/mirror.mjs').MirrorOptions} MirrorOptions */
/** @typedef {import('./fetch-model/mirror.mjs').TacitManifest} TacitManifest */
/** @typedef {import('./fetch-model/parse.mjs').ChatConfig} ChatConfig */
/** @typedef {import('./fetch-model/parse.mjs').ShardRecord} ShardRecord */
/** @typedef {import('./fetch-model/parse.mjs').TensorCache} TensorCache */
/** @typedef {import('./fetch-model/progress.mjs').Writer} Writer */

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
	process.exitCode = await main(process.argv.slice(2));
}
