import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page, type Request } from '@playwright/test';
import { createVault, startPreviewServer } from './support';
import { writeFakeModel } from './fixtures/fake-model';

const MODEL_PORT = 4176;
const base = `http://127.0.0.1:${MODEL_PORT}`;
// What the catalog recommends for a software (SwiftShader) adapter without shader-f16.
const MODEL_ID = 'Llama-3.2-1B-Instruct-q4f32_1-MLC';
const LIBRARY = 'Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm';

let modelDir = '';
let server: ChildProcess | null = null;

test.beforeEach(async () => {
	modelDir = mkdtempSync(join(tmpdir(), 'tacit-models-'));
	// `/model-artifacts/` on this server is a folder each test fills.
	server = await startPreviewServer(MODEL_PORT, { TACIT_MODEL_DIR: modelDir });
});

test.afterEach(() => {
	server?.kill();
	rmSync(modelDir, { recursive: true, force: true });
});

async function openModelSettings(page: Page): Promise<void> {
	await createVault(page, { url: `${base}/` });
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('link', { name: 'Open AI model settings' }).click();
	await expect(page.getByTestId('device-panel')).toBeVisible();
}

function recordRequests(page: Page): Request[] {
	const requests: Request[] = [];
	page.context().on('request', (r) => requests.push(r));
	return requests;
}

const modelRequests = (requests: Request[], name: string) =>
	requests.filter((r) => new URL(r.url()).pathname.endsWith(`/${name}`)).length;

test('the device check reports the software adapter without shader-f16 and recommends a q4f32 build', async ({ page }) => {
	await openModelSettings(page);
	const panel = page.getByTestId('device-panel');
	await expect(panel).toContainText(/SwiftShader|software/i);
	await expect(panel).toContainText(/shader-f16\)?:? not available/i);
	const recommended = page.getByTestId('recommended-model');
	await expect(recommended).toHaveAttribute('data-model-id', /q4f32/);
	// Licence and attribution are on screen before any download.
	const id = await recommended.getAttribute('data-model-id');
	await expect(page.locator(`[data-testid="catalog-entry"][data-model-id="${id}"]`)).toContainText('Built with Llama');
});

test('without WebGPU the app says so, offers the outline, and drafting through it works', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true });
	});
	await openModelSettings(page);
	await expect(page.getByTestId('no-webgpu')).toContainText('cannot run an AI model');
	await page.getByRole('button', { name: 'Use the outline (no AI)' }).click();
	await expect(page.getByTestId('engine-label')).toHaveText('Outline (no AI)');
	await expect(page.getByRole('status', { name: 'Privacy status' })).toContainText('Outline (no AI)');
	await page.getByLabel(/Text to try/).fill('Client reports sleeping better this week. Will continue the breathing homework.');
	await page.getByRole('button', { name: 'Run' }).click();
	const output = page.getByTestId('try-output');
	await expect(output).toContainText('Client reports sleeping better this week.');
	await expect(output).toContainText('Not documented');
});

test('delivery: progress reaches 100%, WebLLM finds the model, and every request stays on the app origin', async ({ page }) => {
	writeFakeModel(modelDir, MODEL_ID, LIBRARY);
	const requests = recordRequests(page);
	await openModelSettings(page);
	await page.getByTestId('download-model').click();
	await expect(page.getByTestId('download-progress')).toHaveAttribute('data-state', 'done');
	await expect(page.getByTestId('download-progress')).toHaveAttribute('data-percent', '100');
	await expect(page.getByTestId('webllm-cache-check')).toHaveAttribute('data-ok', 'true');
	await expect(page.getByTestId('installed-models')).toContainText('Llama 3.2 1B');
	expect(modelRequests(requests, 'params_shard_2.bin')).toBe(1);
	expect(requests.filter((r) => !r.url().startsWith(`${base}/`))).toEqual([]);

	// Deleting frees the space and WebLLM no longer finds it.
	await page.getByTestId('installed-models').getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByText('No model is installed yet.')).toBeVisible();
});

test('a delivery that fails half-way resumes without fetching finished files again', async ({ page }) => {
	writeFakeModel(modelDir, MODEL_ID, LIBRARY);
	const requests = recordRequests(page);
	await openModelSettings(page);
	// The connection drops while the second shard is requested.
	let dropped = false;
	await page.route('**/params_shard_1.bin', (route) => {
		if (dropped) return route.continue();
		dropped = true;
		return route.abort('connectionreset');
	});
	await page.getByTestId('download-model').click();
	await expect(page.getByRole('alert')).toContainText('The connection to the practice server was lost');
	expect(modelRequests(requests, 'params_shard_0.bin')).toBe(1);

	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByTestId('webllm-cache-check')).toHaveAttribute('data-ok', 'true');
	expect(modelRequests(requests, 'params_shard_0.bin')).toBe(1);
	expect(modelRequests(requests, 'params_shard_1.bin')).toBe(2);
	expect(modelRequests(requests, 'params_shard_2.bin')).toBe(1);
});

test('a corrupted file is detected, not stored, and fetched again on retry', async ({ page }) => {
	writeFakeModel(modelDir, MODEL_ID, LIBRARY, { corruptShard: 1 });
	const requests = recordRequests(page);
	await openModelSettings(page);
	await page.getByTestId('download-model').click();
	await expect(page.getByRole('alert')).toContainText('did not match its expected fingerprint');
	await expect(page.getByText('No model is installed yet.')).toBeVisible();
	const stored = await page.evaluate(async () => (await (await caches.open('webllm/model')).keys()).map((r) => r.url));
	expect(stored.some((u) => u.endsWith('params_shard_0.bin'))).toBe(true);
	expect(stored.some((u) => u.endsWith('params_shard_1.bin'))).toBe(false);

	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByRole('alert')).toContainText('did not match its expected fingerprint');
	expect(modelRequests(requests, 'params_shard_0.bin')).toBe(1);
	expect(modelRequests(requests, 'params_shard_1.bin')).toBe(2);
});

test('a model larger than the free storage is refused before any model file is fetched', async ({ page }) => {
	writeFakeModel(modelDir, MODEL_ID, LIBRARY);
	const requests = recordRequests(page);
	// A nearly full device: the browser reports 50 MB free. (CDP's quota override answers
	// "Internal error" in this Chromium, so the report itself is what the test controls.)
	await page.addInitScript(() => {
		const real = StorageManager.prototype.estimate;
		StorageManager.prototype.estimate = async function () {
			const estimate = await real.call(this);
			return { ...estimate, quota: (estimate.usage ?? 0) + 50 * 1024 * 1024 };
		};
	});
	await openModelSettings(page);
	await page.getByTestId('download-model').click();
	await expect(page.getByRole('alert')).toContainText('not enough free storage');
	expect(requests.filter((r) => r.url().includes('/model-artifacts/'))).toEqual([]);
});

test('a model missing from the practice server says so in plain words', async ({ page }) => {
	await openModelSettings(page);
	await page.getByTestId('download-model').click();
	await expect(page.getByRole('alert')).toContainText('The model files were not found on the practice server');
	await expect(page.getByRole('alert')).not.toContainText(/Error:|at \w+ \(/);
});
