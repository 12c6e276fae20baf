// The command line: usage text, argument parsing (with URL checks) and the close-match
// suggestions for an unknown model id.
import { UsageError } from './errors.mjs';
import { DEFAULT_HUB, MANIFEST_NAME } from './urls.mjs';

export const USAGE = `Usage: npm run model:fetch -- <model_id> [--out <dir>] [--force]

Mirrors a WebLLM catalog model into the practice layout:
  <out>/<model_id>/resolve/main/...     config, weight index, tokenizer, weight shards
  <out>/libs/<library>.wasm             model library
  <out>/<model_id>/${MANIFEST_NAME}  sizes and SHA-256 SRI of every file

Options:
  --out <dir>         where to write (default: the model-artifacts folder)
  --force             download every file again
  --list              print every model id in the catalog
  --hub <url>         weights host (default ${DEFAULT_HUB}, or $HF_ENDPOINT)
  --lib-base <url>    folder of model libraries (default: WebLLM's own, from its model_lib URL)
  --jobs <n>          shards downloaded in parallel (default 3)
  -h, --help          show this help

Exit codes: 0 ok, 1 failure, 2 usage.
`;

/**
 * @typedef {object} ParsedArgs
 * @property {string | undefined} modelId
 * @property {string | undefined} out
 * @property {boolean} force
 * @property {boolean} list
 * @property {boolean} help
 * @property {string | undefined} hub
 * @property {string | undefined} libBase
 * @property {number} jobs
 */

/**
 * @param {readonly string[]} argv
 * @returns {ParsedArgs}
 */
export function parseArgs(argv) {
	/** @type {ParsedArgs} */
	const args = { modelId: undefined, out: undefined, force: false, list: false, help: false, hub: undefined, libBase: undefined, jobs: 3 };
	for (let i = 0; i < argv.length; i++) {
		const arg = /** @type {string} */ (argv[i]);
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value.`);
			return v;
		};
		switch (flag) {
			case '--out':
				args.out = value();
				break;
			case '--hub':
				args.hub = checkUrl(flag, value());
				break;
			case '--lib-base':
				args.libBase = checkUrl(flag, value());
				break;
			case '--jobs': {
				const n = Number(value());
				if (!Number.isInteger(n) || n < 1 || n > 16) throw new UsageError('--jobs must be a whole number from 1 to 16.');
				args.jobs = n;
				break;
			}
			case '--force':
				args.force = true;
				break;
			case '--list':
				args.list = true;
				break;
			case '-h':
			case '--help':
				args.help = true;
				break;
			default:
				if (flag.startsWith('-')) throw new UsageError(`Unknown option ${flag}.`);
				if (args.modelId !== undefined) throw new UsageError(`Expected one model id, got "${args.modelId}" and "${arg}".`);
				args.modelId = arg;
		}
	}
	return args;
}

/** @param {string} flag @param {string} value */
export function checkUrl(flag, value) {
	try {
		const url = new URL(value);
		if (url.protocol === 'http:' || url.protocol === 'https:') return value;
	} catch {
		// fall through to the usage error
	}
	throw new UsageError(`${flag} must be an http(s) URL, got "${value}".`);
}

/**
 * @param {string} a
 * @param {string} b
 */
function editDistance(a, b) {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
		}
		prev = row;
	}
	return prev[b.length] ?? 0;
}

/**
 * Catalog ids that contain every word of `query`, or are a few edits away from it.
 * @param {string} query
 * @param {readonly string[]} ids
 * @param {number} [limit]
 */
export function closeMatches(query, ids, limit = 5) {
	const q = query.toLowerCase();
	const words = q.split(/[^a-z0-9.]+/).filter((w) => w.length > 0);
	const maxDistance = Math.max(3, Math.floor(q.length / 4));
	return ids
		.map((id) => {
			const lower = id.toLowerCase();
			const contains = words.length > 0 && words.every((w) => lower.includes(w));
			return { id, score: contains ? 0 : editDistance(q, lower) };
		})
		.filter((m) => m.score <= maxDistance)
		.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
		.slice(0, limit)
		.map((m) => m.id);
}
