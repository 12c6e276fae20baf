import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { MODEL_CATALOG } from '../../src/lib/domain/models/model-catalog';
import { createVault } from './support';

// A real model runs only where its files were mirrored into model-artifacts/ (npm run model:fetch).
// This machine's WebGPU is SwiftShader without shader-f16, so only q4f32 builds can run here.
const present = MODEL_CATALOG.filter(
	(entry) =>
		entry.quantization === 'q4f32_1' &&
		existsSync(join('model-artifacts', entry.modelId, 'resolve', 'main', 'mlc-chat-config.json')) &&
		existsSync(join('model-artifacts', 'libs', entry.libraryFile))
).sort((a, b) => a.vramRequiredMB - b.vramRequiredMB);

const SKIP_REASON =
	'No q4f32 catalog model in model-artifacts/ (no weights can be downloaded here). Run `npm run model:fetch -- Llama-3.2-1B-Instruct-q4f32_1-MLC` on a machine with internet to enable this test.';
// The list reporter does not print skip reasons, so say it once where CI logs will show it.
if (present.length === 0) console.log(`real-model test skipped: ${SKIP_REASON}`);

test('a real model loads in this browser and gives a structured answer that validates', async ({ page }) => {
	test.skip(present.length === 0, SKIP_REASON);
	test.setTimeout(30 * 60_000);
	const entry = present[0]!;
	await createVault(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('link', { name: 'Open AI model settings' }).click();
	await page.locator(`[data-testid="catalog-entry"][data-model-id="${entry.modelId}"] input[type="radio"]`).check();
	await page.getByTestId('download-model').click();
	await expect(page.getByTestId('webllm-cache-check')).toHaveAttribute('data-ok', 'true', { timeout: 20 * 60_000 });
	await page.getByRole('button', { name: `Load ${entry.displayName}` }).click();
	await expect(page.getByTestId('engine-label')).toContainText('ready', { timeout: 10 * 60_000 });
	await page.getByLabel(/Text to try/).fill('Say hello in one short sentence.');
	await page.getByRole('button', { name: 'Run' }).click();
	const output = page.getByTestId('try-output');
	await expect(output).toBeVisible({ timeout: 10 * 60_000 });
	await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0, { timeout: 10 * 60_000 });
	const parsed = JSON.parse((await output.textContent()) ?? '') as { answer?: unknown };
	expect(typeof parsed.answer).toBe('string');
});
