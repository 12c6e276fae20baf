#!/usr/bin/env node
/**
 * `npm run bench`: builds the benchmark page (tests/bench/vite.config.ts), serves it on
 * 127.0.0.1, runs `window.runBench()` in headless Chromium and writes a JSON report to
 * tests/bench/results/ (bench-<timestamp>.json and latest.json).
 *
 * Missed budgets are recorded (`pass: false`) and printed, but do not fail the command; it
 * exits non-zero only when the benchmark itself cannot run.
 *
 * Environment:
 *   CHROMIUM_PATH       Chromium binary (default /usr/bin/chromium). Never downloaded.
 *   BENCH_SESSIONS, BENCH_CLIENTS, BENCH_KDF_RUNS, BENCH_READ_ROUNDS, BENCH_QUERIES,
 *   BENCH_UNLOCK_RUNS, BENCH_CONCURRENCY, BENCH_WRITE_ROUNDS,
 *   BENCH_SINGLE_SAVES  override the defaults (smoke runs).
 *   BENCH_SKIP_BUILD=1  reuse tests/bench/.build.
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { arch, cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath as executablePath } from '../chromium.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = resolve(here, '.build');
const resultsDir = resolve(here, 'results');
const modelsDir = resolve(here, '../../model-artifacts');
const TIMEOUT_MS = 15 * 60 * 1000;

const MIME = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8'
};

/** @param {string} name @returns {number | undefined} */
function envInt(name) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return undefined;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
	return n;
}

function benchOptions() {
	/** @type {Record<string, number>} */
	const opts = {};
	const map = {
		sessions: 'BENCH_SESSIONS',
		clients: 'BENCH_CLIENTS',
		kdfRuns: 'BENCH_KDF_RUNS',
		readRounds: 'BENCH_READ_ROUNDS',
		searchQueries: 'BENCH_QUERIES',
		unlockRuns: 'BENCH_UNLOCK_RUNS',
		concurrency: 'BENCH_CONCURRENCY',
		writeRounds: 'BENCH_WRITE_ROUNDS',
		singleSaves: 'BENCH_SINGLE_SAVES'
	};
	for (const [key, env] of Object.entries(map)) {
		const v = envInt(env);
		if (v !== undefined) opts[key] = v;
	}
	return opts;
}

async function buildPage() {
	if (process.env.BENCH_SKIP_BUILD === '1') return;
	const { build } = await import('vite');
	const t0 = performance.now();
	await build({ configFile: resolve(here, 'vite.config.ts'), logLevel: 'warn' });
	console.log(`built bench page in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * A minimal static server for the built page: GET/HEAD only, confined to `root`.
 * @param {string} root
 * @returns {Promise<import('node:http').Server>}
 */
function serve(root) {
	const server = createServer(async (req, res) => {
		try {
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				res.writeHead(405).end();
				return;
			}
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			// The practice's model files, as `npm start` serves them, for the model-ready timing.
			const models = url.pathname.startsWith('/model-artifacts/');
			const base = models ? modelsDir : root;
			const relative = models ? url.pathname.slice('/model-artifacts'.length) : url.pathname;
			let path = normalize(join(base, decodeURIComponent(relative)));
			if (path !== base && !path.startsWith(base + sep)) {
				res.writeHead(403).end();
				return;
			}
			let info = await stat(path).catch(() => null);
			if (info?.isDirectory()) {
				path = join(path, 'index.html');
				info = await stat(path).catch(() => null);
			}
			if (!info?.isFile()) {
				res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
				return;
			}
			res.writeHead(200, {
				'Content-Type': MIME[/** @type {keyof typeof MIME} */ (extname(path))] ?? 'application/octet-stream',
				'Content-Length': info.size,
				'Cache-Control': 'no-store',
				'X-Content-Type-Options': 'nosniff'
			});
			if (req.method === 'HEAD') res.end();
			else createReadStream(path).pipe(res);
		} catch (error) {
			res.writeHead(500).end(String(error));
		}
	});
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => ok(server));
	});
}

/** @param {number} value @param {string} unit */
function fmt(value, unit) {
	return unit === 'x' ? `${value.toFixed(2)}x` : `${Math.round(value)} ${unit}`;
}

/** @param {any} report The page's BenchReport plus `machine`. */
function printSummary(report) {
	const r = report.results;
	/** @param {string} label @param {string} text */
	const line = (label, text) => console.log(`  ${label.padEnd(24)} ${text}`);
	console.log('\nTacit benchmarks');
	console.log(`  ${report.machine.chromium} | ${report.machine.cpuCount}x ${report.machine.cpuModel} | node ${report.machine.node} | load ${report.machine.loadAverageAtStart[0]} -> ${report.machine.loadAverageAtEnd[0]}`);
	console.log('');
	line('KDF (worker)', `median ${fmt(r.kdf.worker.medianMs, 'ms')}, p95 ${fmt(r.kdf.worker.p95Ms, 'ms')} (in-process ${fmt(r.kdf.inProcessInfo.medianMs, 'ms')})`);
	line('Write sessions (batch)', `encrypted putMany ${fmt(r.write.encrypted.sessionsMs, 'ms')}, plain bulkPut ${fmt(r.write.plain.sessionsMs, 'ms')}`);
	line('  one put() each (info)', `${r.write.perRecordPutInfo.records} records: encrypted ${fmt(r.write.perRecordPutInfo.encryptedMs, 'ms')}, plain ${fmt(r.write.perRecordPutInfo.plainMs, 'ms')}`);
	line('Single save (p50/p95)', `encrypted ${r.write.singleSaveInfo.encryptedAudited.medianMs}/${r.write.singleSaveInfo.encryptedAudited.p95Ms} ms, autosave ${r.write.singleSaveInfo.encryptedAutosave.medianMs}/${r.write.singleSaveInfo.encryptedAutosave.p95Ms} ms, plain ${r.write.singleSaveInfo.plain.medianMs}/${r.write.singleSaveInfo.plain.p95Ms} ms`);
	line('Envelope only (info)', `seal all ${fmt(r.envelopeInfo.sealAll.medianMs, 'ms')}, open all ${fmt(r.envelopeInfo.openAll.medianMs, 'ms')} (no IndexedDB)`);
	line('Read all sessions', `encrypted ${fmt(r.readAll.encrypted.medianMs, 'ms')}, plain ${fmt(r.readAll.plain.medianMs, 'ms')} (median)`);
	line('Search', `index ${r.search.documents} docs in ${fmt(r.search.buildMs, 'ms')}; p50 ${r.search.medianMs} ms, p95 ${r.search.p95Ms} ms`);
	line('Model ready (cached)', r.modelReady?.skipped ? `not measured: ${r.modelReady.skipped}` : `${fmt(r.modelReady.msFromPageLoad, 'ms')} after page load`);
	line('Unlock to client list', `total ${fmt(r.unlock.total.medianMs, 'ms')} = KDF ${fmt(r.unlock.kdf.medianMs, 'ms')} + rest ${fmt(r.unlock.rest.medianMs, 'ms')}`);
	line('  then searchable', `+${fmt(r.unlock.thenSearchableInfo.decryptAndIndexMs, 'ms')} (decrypt all ${fmt(r.unlock.thenSearchableInfo.decryptAllMs, 'ms')})`);
	line('Stream into page', `${r.streamLongTasks.tokens} tokens at ${Math.round(r.streamLongTasks.tokensPerSecond)}/s: ${r.streamLongTasks.longTasks.count} long tasks, max ${fmt(r.streamLongTasks.longTasks.maxMs, 'ms')}`);
	line('Prompt tokens', `per format ${JSON.stringify(r.promptTokens.perFormat)}; long-session facts prompt ${r.promptTokens.factsPrompt}`);
	line('Backup and restore', `${r.backup.records} records: backup ${fmt(r.backup.backupMs, 'ms')} (${(r.backup.fileBytes / 1e6).toFixed(1)} MB), restore ${fmt(r.backup.restoreMs, 'ms')}, ${r.backup.mismatches} mismatches`);
	line('Measurement and plans', `ICD-10 search p95 ${r.measurementAndPlans.icd.p95Ms} ms; plan of ${r.measurementAndPlans.plans.objectives} objectives: PDF ${fmt(r.measurementAndPlans.plans.pdfMedianMs, 'ms')}, FHIR ${fmt(r.measurementAndPlans.plans.fhirMs, 'ms')}`);
	line('Client writing', `worksheet grades ${JSON.stringify(r.clientWriting.worksheetGrades)}; safety plan handout ${r.clientWriting.handout.pages} page at ${r.clientWriting.handout.fontSize} pt in ${fmt(r.clientWriting.handout.ms, 'ms')}`);
	for (const [name, set] of [['therapy', r.grounding.sets.therapySessions], ['MTS-Dialog', r.grounding.sets.mtsDialog]]) {
		line(`Grounding, ${name}`, `flags: recall ${set.flagRecall.rate}, on supported ${set.falseFlags.rate}; hints: reach ${set.hintCoverage.rate}, on supported ${set.falseHints.rate}`);
	}
	line('Grounding time', `${r.grounding.timing.transcriptWords}-word transcript in ${fmt(r.grounding.timing.medianMs, 'ms')}; ${r.grounding.curve.map((c) => `${c.transcriptWords / 1000}k ${fmt(c.medianMs, 'ms')}`).join(', ')}`);
	console.log('\nBudgets');
	for (const b of report.budgets) {
		console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.id.padEnd(15)} ${fmt(b.value, b.unit).padStart(9)}  (budget ${b.limit}${b.unit === 'x' ? '' : ' ' + b.unit})  ${b.description}`);
	}
	console.log(`\n${report.allPass ? 'All budgets met.' : 'Some budgets missed (recorded as pass: false).'}`);
}

async function main() {
	const loadAtStart = loadavg().map((n) => Math.round(n * 100) / 100);
	const { chromium } = await import('@playwright/test');
	await buildPage();
	const server = await serve(outDir);
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	// A persistent (on-disk) profile: IndexedDB in an incognito-like context lives in memory,
	// which would make every storage figure look better than on a clinician's device.
	const profileDir = await mkdtemp(join(tmpdir(), 'tacit-bench-'));
	let context;
	try {
		context = await chromium.launchPersistentContext(profileDir, {
			executablePath,
			headless: true,
			args: chromiumArgs
		});
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('console', (msg) => console.log(`[bench] ${msg.type() === 'log' ? '' : msg.type() + ': '}${msg.text()}`));
		page.on('pageerror', (err) => console.error(`[bench] page error: ${err.message}`));
		const cdp = await context.newCDPSession(page);
		const version = await cdp.send('Browser.getVersion');

		await page.goto(`http://127.0.0.1:${port}/index.html`);
		// `window.runBench` is declared in bench.ts; this file is plain JS, hence the casts.
		await page.waitForFunction(() => typeof (/** @type {any} */ (window)).runBench === 'function', null, {
			timeout: 30_000
		});

		/** @type {ReturnType<typeof setTimeout> | undefined} */
		let timer;
		/** @type {Promise<never>} */
		const timeout = new Promise((_, fail) => {
			timer = setTimeout(() => fail(new Error(`benchmark did not finish within ${TIMEOUT_MS / 60000} min`)), TIMEOUT_MS);
		});
		const options = benchOptions();
		const bench = await Promise.race([page.evaluate((o) => (/** @type {any} */ (window)).runBench(o), options), timeout]).finally(() =>
			clearTimeout(timer)
		);

		bench.results.modelReady = await measureModelReady(page);

		const cpuList = cpus();
		const report = {
			...bench,
			machine: {
				node: process.version,
				platform: `${platform()} ${release()} ${arch()}`,
				cpuCount: cpuList.length,
				cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
				totalMemoryBytes: totalmem(),
				freeMemoryBytesAtEnd: freemem(),
				// 1/5/15-minute load averages: other processes on a 2-core machine skew every figure.
				loadAverageAtStart: loadAtStart,
				loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
				chromium: version.product,
				chromiumRevision: version.revision,
				v8: version.jsVersion,
				executablePath,
				headless: true,
				storage: 'persistent on-disk profile'
			}
		};

		await mkdir(resultsDir, { recursive: true });
		const stamp = report.startedAt.replace(/[:.]/g, '-');
		const file = join(resultsDir, `bench-${stamp}.json`);
		const json = JSON.stringify(report, null, '\t') + '\n';
		await writeFile(file, json);
		await writeFile(join(resultsDir, 'latest.json'), json);
		printSummary(report);
		console.log(`\nReport: ${file}`);
	} finally {
		await context?.close().catch(() => {});
		await new Promise((ok) => server.close(() => ok(undefined)));
		await rm(profileDir, { recursive: true, force: true });
	}
}

/**
 * Time from page load to "model ready" for a cached model, when a real q4f32 model is in
 * model-artifacts/ (SwiftShader here has no shader-f16). The first pass puts the files in the
 * cache; the page is then reloaded and the second load is timed from navigation start.
 * @param {import('@playwright/test').Page} page
 */
async function measureModelReady(page) {
	const { readdir } = await import('node:fs/promises');
	const ids = (await readdir(modelsDir).catch(() => [])).filter((id) => id.includes('q4f32'));
	/** @type {string | undefined} */
	let modelId;
	for (const id of ids) {
		if (await stat(join(modelsDir, id, 'resolve', 'main', 'mlc-chat-config.json')).catch(() => null)) modelId = id;
	}
	if (!modelId) {
		return { skipped: 'No q4f32 model in model-artifacts/ (npm run model:fetch on a machine with internet adds one).' };
	}
	console.log(`[bench] Model ready: caching ${modelId}`);
	await page.evaluate((id) => (/** @type {any} */ (window)).prepareModel(id), modelId);
	await page.reload();
	await page.waitForFunction(() => 'modelReady' in window);
	const timing = await page.evaluate((id) => (/** @type {any} */ (window)).modelReady(id), modelId);
	console.log(`[bench] Model ready ${Math.round(timing.msFromPageLoad)} ms after page load (load ${Math.round(timing.loadMs)} ms)`);
	return { modelId, ...timing };
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
