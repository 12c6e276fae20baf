// The CLI as a function: parses the arguments, picks the catalog record and runs the mirror,
// turning every kind of error into its message and exit code (main returns it, never exits).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkUrl, closeMatches, parseArgs, USAGE } from './args.mjs';
import { loadCatalog } from './catalog.mjs';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, FailuresError, FatalError, FileError, messageOf, UsageError } from './errors.mjs';
import { mirrorModel } from './mirror.mjs';

/** @typedef {import('./catalog.mjs').CatalogRecord} CatalogRecord */
/** @typedef {import('./progress.mjs').Writer} Writer */

/** The default `--out`: the model-artifacts folder, the parent of this module's folder. */
const ARTIFACTS_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * @typedef {object} MainDeps
 * @property {Writer} [stdout]
 * @property {Writer} [stderr]
 * @property {CatalogRecord[]} [catalog] Replaces WebLLM's catalog (tests).
 * @property {number} [retryDelayMs]
 * @property {number} [idleTimeoutMs]
 * @property {Record<string, string | undefined>} [env]
 */

/**
 * The CLI, returning its exit code instead of exiting (so tests can call it).
 * @param {readonly string[]} argv
 * @param {MainDeps} [deps]
 * @returns {Promise<number>}
 */
export async function main(argv, deps = {}) {
	const stdout = deps.stdout ?? process.stdout;
	const stderr = deps.stderr ?? process.stderr;
	const env = deps.env ?? process.env;
	try {
		const args = parseArgs(argv);
		if (args.help) {
			stdout.write(USAGE);
			return EXIT_OK;
		}
		const catalog = deps.catalog ?? (await loadCatalog());
		if (args.list) {
			stdout.write(`${catalog.map((r) => r.model_id).join('\n')}\n`);
			return EXIT_OK;
		}
		if (args.modelId === undefined) throw new UsageError('Missing the model id.');
		const modelId = args.modelId;
		const record = catalog.find((r) => r.model_id === modelId);
		if (!record) {
			const near = closeMatches(modelId, catalog.map((r) => r.model_id));
			throw new UsageError(
				`Unknown model id "${modelId}".${near.length ? ` Close matches:\n  ${near.join('\n  ')}\n` : ' '}Run with --list to see every id.`
			);
		}
		await mirrorModel(record, {
			out: args.out ?? ARTIFACTS_DIR,
			hub: args.hub ?? (env.HF_ENDPOINT ? checkUrl('HF_ENDPOINT', env.HF_ENDPOINT) : undefined),
			libBase: args.libBase,
			force: args.force,
			jobs: args.jobs,
			stderr,
			...(deps.retryDelayMs !== undefined ? { retryDelayMs: deps.retryDelayMs } : {}),
			...(deps.idleTimeoutMs !== undefined ? { idleTimeoutMs: deps.idleTimeoutMs } : {})
		});
		return EXIT_OK;
	} catch (error) {
		if (error instanceof UsageError) {
			// The full text only when nothing was asked; otherwise the problem and one usage line.
			stderr.write(argv.length === 0 ? USAGE : `${error.message}\n${USAGE.split('\n')[0]}\nRun with --help for the options.\n`);
			return EXIT_USAGE;
		}
		if (error instanceof FailuresError) {
			stderr.write(`${error.failures.map((f) => `  ✗ ${f}`).join('\n')}\n`);
			stderr.write(`${error.failures.length} file(s) failed. Files that completed are kept; run the command again to retry the rest.\n`);
			return EXIT_FAILURE;
		}
		if (error instanceof FatalError || error instanceof FileError) {
			stderr.write(`${error.message}\n`);
			return EXIT_FAILURE;
		}
		// A bug rather than a network or data problem: still one line, the stack only on request.
		stderr.write(`Unexpected error: ${messageOf(error)}\n`);
		if (env.TACIT_DEBUG && error instanceof Error) stderr.write(`${error.stack}\n`);
		return EXIT_FAILURE;
	}
}
