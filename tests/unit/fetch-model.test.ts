// `npm run model:fetch` against a real HTTP server on 127.0.0.1 (tests/unit/fake-model-hub.ts).
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, main, offlineSentence } from '../../model-artifacts/fetch-model.mjs';
import { closedPort, startFakeHub, TEST_LIB_FILE, TEST_MODEL_ID, TEST_RECORD, type FakeHub } from './fake-model-hub';

const SCRIPT = fileURLToPath(new URL('../../model-artifacts/fetch-model.mjs', import.meta.url));

const sri = (bytes: Buffer) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

let hub: FakeHub;
let out: string;
let modelDir: string;

beforeEach(async () => {
	hub = await startFakeHub();
	out = await mkdtemp(join(tmpdir(), 'tacit-fetch-model-'));
	modelDir = join(out, TEST_MODEL_ID, 'resolve', 'main');
});

afterEach(async () => {
	await hub.close();
	await rm(out, { recursive: true, force: true });
});

/** Runs the CLI in-process against the fake hub; returns its exit code and stderr. */
async function fetchTestModel(...extra: string[]) {
	let stderr = '';
	const sink = { write: (text: string) => (stderr += text) };
	const code = await main([TEST_MODEL_ID, '--out', out, '--hub', hub.url, '--lib-base', hub.libBase, ...extra], {
		catalog: [TEST_RECORD],
		stderr: sink,
		stdout: sink,
		retryDelayMs: 5
	});
	return { code, stderr };
}

/** Runs the real CLI in a child process (WebLLM's own catalog, real exit code). */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HF_ENDPOINT: '' } });
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stderr }));
	});
}

async function filesUnder(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('npm run model:fetch', () => {
	it('mirrors every file into the practice layout and writes tacit-manifest.json with correct byte counts and SRI values', async () => {
		const { code, stderr } = await fetchTestModel();
		expect(code, stderr).toBe(0);

		const expected = new Map<string, Buffer>([
			['mlc-chat-config.json', hub.model.config],
			['tensor-cache.json', hub.model.tensorCache],
			['tokenizer.json', hub.model.tokenizer],
			...hub.model.shards.map((s): [string, Buffer] => [s.name, s.bytes])
		]);
		for (const [name, bytes] of expected) {
			expect((await readFile(join(modelDir, name))).equals(bytes), name).toBe(true);
		}
		expect((await readFile(join(out, 'libs', TEST_LIB_FILE))).equals(hub.model.wasm)).toBe(true);
		// Nothing else: no .part leftovers, and only the tokenizer file WebLLM reads.
		expect((await filesUnder(out)).map((f) => f.slice(out.length + 1)).sort()).toEqual(
			[...[...expected.keys()].map((n) => `${TEST_MODEL_ID}/resolve/main/${n}`), `${TEST_MODEL_ID}/tacit-manifest.json`, `libs/${TEST_LIB_FILE}`].sort()
		);

		const manifest = JSON.parse(await readFile(join(out, TEST_MODEL_ID, 'tacit-manifest.json'), 'utf8'));
		const files = [...[...expected].map(([path, bytes]) => ({ path, bytes })), { path: `libs/${TEST_LIB_FILE}`, bytes: hub.model.wasm }];
		expect(manifest).toEqual({
			modelId: TEST_MODEL_ID,
			fetchedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			files: files.map((f) => ({ path: f.path, bytes: f.bytes.length, sri: sri(f.bytes) })),
			totalBytes: files.reduce((n, f) => n + f.bytes.length, 0)
		});
	});

	it('downloads nothing on a second run: no request reaches the server', async () => {
		expect((await fetchTestModel()).code).toBe(0);
		const first = await readFile(join(out, TEST_MODEL_ID, 'tacit-manifest.json'), 'utf8');
		hub.requests.length = 0;

		const { code, stderr } = await fetchTestModel();
		expect(code, stderr).toBe(0);
		expect(hub.requests).toEqual([]);
		expect(stderr).toContain('0 fetched');
		const second = JSON.parse(await readFile(join(out, TEST_MODEL_ID, 'tacit-manifest.json'), 'utf8'));
		expect(second.files).toEqual(JSON.parse(first).files);
	});

	it('resumes a download interrupted half-way through a shard with a Range request for the missing bytes', async () => {
		const shard = hub.model.shards[1]!;
		const path = hub.pathOf(shard.name);
		hub.dropOnce(path);

		const { code, stderr } = await fetchTestModel();
		expect(code, stderr).toBe(0);
		expect(stderr).toContain(`${shard.name}: connection dropped`);
		const half = Math.floor(shard.bytes.length / 2);
		expect(hub.requests.filter((r) => r.path === path)).toEqual([
			{ path, range: null, status: 200 },
			{ path, range: `bytes=${half}-`, status: 206 }
		]);
		expect((await readFile(join(modelDir, shard.name))).equals(shard.bytes)).toBe(true);
		expect(existsSync(join(modelDir, `${shard.name}.part`))).toBe(false);
	});

	it('retries HTTP 5xx answers with backoff, and gives up with exit code 1 when they persist', async () => {
		const wasmPath = hub.pathOf(TEST_LIB_FILE);
		hub.failNext(wasmPath, 503, 2);
		const first = await fetchTestModel();
		expect(first.code, first.stderr).toBe(0);
		expect(hub.requests.filter((r) => r.path === wasmPath).map((r) => r.status)).toEqual([503, 503, 200]);
		expect(first.stderr).toContain(`libs/${TEST_LIB_FILE}: HTTP 503; retrying`);

		await rm(join(out, 'libs', TEST_LIB_FILE));
		hub.failNext(wasmPath, 502, 99);
		const second = await fetchTestModel();
		expect(second.code).toBe(1);
		expect(second.stderr).toContain(`libs/${TEST_LIB_FILE}: 127.0.0.1:`);
		expect(second.stderr).toContain('answered HTTP 502 on every attempt');
		expect(existsSync(join(out, 'libs', TEST_LIB_FILE))).toBe(false);
	});

	it('continues a .part left by an earlier run, and starts it over when the server ignores Range', async () => {
		const [first, second] = hub.model.shards;
		await mkdir(modelDir, { recursive: true });
		// A crash left the first 1000 bytes of one shard, and stale bytes of another.
		await writeFile(join(modelDir, `${first!.name}.part`), first!.bytes.subarray(0, 1000));
		await writeFile(join(modelDir, `${second!.name}.part`), randomBytes(1000));

		expect((await fetchTestModel()).code).toBe(0);
		const firstPath = hub.pathOf(first!.name);
		expect(hub.requests.filter((r) => r.path === firstPath)).toEqual([{ path: firstPath, range: 'bytes=1000-', status: 206 }]);
		expect((await readFile(join(modelDir, first!.name))).equals(first!.bytes)).toBe(true);
		// The stale .part resumed into a file with the wrong MD5, so it was fetched again from zero.
		expect((await readFile(join(modelDir, second!.name))).equals(second!.bytes)).toBe(true);

		// Now a server without Range support: the .part is discarded and the file comes whole.
		await rm(join(modelDir, first!.name));
		await writeFile(join(modelDir, `${first!.name}.part`), randomBytes(1000));
		hub.ignoreRange = true;
		hub.requests.length = 0;
		expect((await fetchTestModel()).code).toBe(0);
		expect(hub.requests.filter((r) => r.path === firstPath)).toEqual([{ path: firstPath, range: 'bytes=1000-', status: 200 }]);
		expect((await readFile(join(modelDir, first!.name))).equals(first!.bytes)).toBe(true);
	});

	it('reports a shard of the wrong size or with the wrong MD5 and does not leave it under its final name', async () => {
		const [short, , corrupt] = hub.model.shards;
		hub.replace(hub.pathOf(short!.name), short!.bytes.subarray(0, short!.bytes.length - 10));
		const flipped = Buffer.from(corrupt!.bytes);
		flipped[100] = flipped[100]! ^ 0xff;
		hub.replace(hub.pathOf(corrupt!.name), flipped);

		const { code, stderr } = await fetchTestModel();
		expect(code).toBe(1);
		expect(stderr).toContain(`${short!.name} is ${short!.bytes.length - 10} bytes on the server but tensor-cache.json lists ${short!.bytes.length}`);
		expect(stderr).toMatch(new RegExp(`${corrupt!.name} has MD5 [0-9a-f]{32} but tensor-cache.json lists`));
		expect(stderr).toContain('2 file(s) failed');
		for (const name of [short!.name, corrupt!.name]) {
			expect(existsSync(join(modelDir, name)), name).toBe(false);
			expect(existsSync(join(modelDir, `${name}.part`)), `${name}.part`).toBe(false);
		}
		// The good shard is kept for the next run; no manifest claims an incomplete model.
		expect(existsSync(join(modelDir, hub.model.shards[1]!.name))).toBe(true);
		expect(existsSync(join(out, TEST_MODEL_ID, 'tacit-manifest.json'))).toBe(false);
	});

	it('gives the plain offline sentence and exit code 1 when the host cannot be reached', async () => {
		const [record] = await loadCatalog();
		const port = await closedPort();
		const started = Date.now();
		const { code, stderr } = await runCli([record!.model_id, '--out', out, '--hub', `http://127.0.0.1:${port}`]);
		expect(code).toBe(1);
		expect(stderr.trim().split('\n').at(-1)).toBe(offlineSentence(`127.0.0.1:${port}`));
		expect(stderr).not.toMatch(/^\s+at /m);
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(await readdir(out)).toEqual([]);
	});

	it('gives a usage error (exit code 2) naming close matches for an unknown model id', async () => {
		const [record] = await loadCatalog();
		const typo = record!.model_id.replace('-MLC', '-MCL');
		const { code, stderr } = await runCli([typo, '--out', out]);
		expect(code).toBe(2);
		expect(stderr).toContain(`Unknown model id "${typo}"`);
		expect(stderr).toContain(record!.model_id);
		expect(stderr).toContain('Usage: npm run model:fetch');
		expect(await readdir(out)).toEqual([]);
	});

	it('prints the usage and exits 2 without arguments or with an unknown option', async () => {
		let stderr = '';
		const sink = { write: (text: string) => (stderr += text) };
		expect(await main([], { stderr: sink, catalog: [TEST_RECORD] })).toBe(2);
		expect(stderr).toContain('Usage: npm run model:fetch -- <model_id>');
		expect(await main([TEST_MODEL_ID, '--bogus'], { stderr: sink, catalog: [TEST_RECORD] })).toBe(2);
		expect(stderr).toContain('Unknown option --bogus.');
	});
});
