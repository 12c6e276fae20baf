import { expect, test, type Page } from '@playwright/test';
import { addClient, addSession, createVault } from './support';
import { scriptedWorker } from './fixtures/scripted-worker';

// The real worker script is replaced by the scripted one on the wire, so the service worker
// (which would serve the precached real script) is kept out of these tests.
test.use({ serviceWorkers: 'block' });

const MODEL_ID = 'Llama-3.2-1B-Instruct-q4f32_1-MLC';
const LIBRARY = 'Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm';

async function useScriptedModel(page: Page, answer: Record<string, string>, delayMs = 5): Promise<void> {
	const code = await scriptedWorker(JSON.stringify(answer), delayMs);
	await page.route('**/_app/immutable/workers/llm.worker-*.js', (route) =>
		route.fulfill({ body: code, contentType: 'text/javascript' })
	);
}

/** Marks the recommended model as installed, as a finished delivery would have. */
async function installModelFiles(page: Page): Promise<void> {
	await page.evaluate(
		async ({ id, lib }) => {
			const base = `${location.origin}/model-artifacts/${id}/resolve/main/`;
			await (await caches.open('webllm/config')).put(`${base}mlc-chat-config.json`, new Response('{}'));
			await (await caches.open('webllm/model')).put(`${base}tensor-cache.json`, new Response('{"records":[]}'));
			await (await caches.open('webllm/wasm')).put(`${location.origin}/model-artifacts/libs/${lib}`, new Response('wasm'));
		},
		{ id: MODEL_ID, lib: LIBRARY }
	);
}

async function loadModel(page: Page): Promise<void> {
	await installModelFiles(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('link', { name: 'Open AI model settings' }).click();
	await page.getByRole('button', { name: /^Load Llama 3\.2 1B/ }).click();
	await expect(page.getByTestId('engine-label')).toContainText('ready');
}

async function consentToAi(page: Page): Promise<void> {
	await page.getByLabel('Consented to AI-assisted drafting (on this device)').check();
	await page.getByLabel('Date of consent').fill('2026-11-01');
}

test('model output streams into the note section by section and renders as inert text', async ({ page }) => {
	const injected = '<img src=x onerror="window.__pwned=1">';
	await useScriptedModel(page, {
		subjective: `Client reported sleeping better. ${injected}`,
		objective: 'Not documented',
		assessment: 'Sleep is improving.',
		plan: 'Continue breathing homework.'
		// Slow enough that the streaming state outlasts the click on a loaded CI machine.
	}, 40);
	await createVault(page);
	await loadModel(page);
	await addClient(page, 'Morgan Reyes');
	await consentToAi(page);
	await addSession(page, 'Client reported sleeping better this week. We will continue the breathing homework.');

	await page.getByRole('button', { name: 'Draft note' }).click();
	// Sections fill while the answer streams in.
	await expect(page.getByTestId('streaming-subjective')).toContainText('Client reported');
	await expect(page.getByLabel('Plan', { exact: true })).toHaveValue('Continue breathing homework.');
	await expect(page.getByLabel('Subjective', { exact: true })).toHaveValue(`Client reported sleeping better. ${injected}`);
	expect(await page.locator('.note img').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('drafting with the model is refused for a client without consent to AI-assisted drafting', async ({ page }) => {
	await useScriptedModel(page, { subjective: 'x', objective: 'x', assessment: 'x', plan: 'x' });
	await createVault(page);
	await loadModel(page);
	await addClient(page, 'Sam Noconsent');
	await addSession(page, 'Client discussed work stress.');
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByRole('alert')).toContainText('no recorded consent to AI-assisted drafting');
	await expect(page.getByLabel('Subjective', { exact: true })).toHaveCount(0);
	// A way to record it, one click away.
	await page.getByRole('link', { name: 'Record the client’s consent to AI-assisted drafting' }).click();
	await expect(page.getByLabel('Consented to AI-assisted drafting (on this device)')).toBeVisible();
});

test('an invented dose is flagged with its reason and signing asks first; a sentence with no close source is only a quiet hint', async ({ page }) => {
	await useScriptedModel(page, {
		subjective: 'Client reported taking sertraline 100 mg daily. Client reported sleeping better.',
		objective: 'Not documented',
		assessment: 'Sleep is improving. Client enjoys painting landscapes with her neighbour.',
		plan: 'Not documented'
	});
	await createVault(page);
	await loadModel(page);
	await addClient(page, 'Dana Whitfield');
	await consentToAi(page);
	await addSession(page, 'Client reported sleeping better. She takes sertraline 50 mg every morning.');
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByLabel('Subjective', { exact: true })).toHaveValue(/100 mg/);

	const flag = page.getByTestId('grounding-flag');
	await expect(flag).toHaveCount(1);
	await expect(flag).toHaveAttribute('data-kinds', /dose/);
	await expect(flag.locator('mark')).toHaveText('Client reported taking sertraline 100 mg daily.');
	await flag.getByText('Closest session text').click();
	await expect(flag).toContainText('sertraline 50 mg');

	// The hint is counted apart and waits, collapsed, with its reason one click away.
	await expect(page.getByTestId('grounding-summary')).toContainText('1 flag to resolve, 1 hint to glance at');
	const hints = page.getByTestId('grounding-hints');
	await expect(hints).toHaveCount(1);
	await expect(hints).not.toHaveAttribute('open', '');
	await expect(page.getByTestId('grounding-hint')).toBeHidden();
	await hints.getByText('1 hint').click();
	await expect(page.getByTestId('grounding-hint')).toHaveAttribute('data-kinds', 'no-close-source');
	await expect(page.getByTestId('grounding-hint')).toContainText('Client enjoys painting landscapes with her neighbour.');

	await page.getByRole('button', { name: 'Sign…' }).click();
	await expect(page.getByTestId('unresolved-flags')).toHaveText('1 flagged statement is not resolved.');
	await page.getByRole('button', { name: 'Keep editing' }).click();

	// Correcting the dose in the section resolves the flag; the hint never blocks signing.
	await page.getByLabel('Subjective', { exact: true }).fill('Client reported taking sertraline 50 mg daily. Client reported sleeping better.');
	await expect(page.getByTestId('grounding-flag')).toHaveCount(0);
	await page.getByRole('button', { name: 'Sign…' }).click();
	await expect(page.getByTestId('unresolved-flags')).toHaveCount(0);
	await expect(page.getByRole('alertdialog')).toContainText('Sign this note?');
	await expect(page.getByTestId('open-hints')).toContainText('1 hint left; hints never block signing.');
});

test('stopping a draft keeps the text that had arrived', async ({ page }) => {
	const subjective = 'Client reported a difficult week at work with several long shifts and poor sleep on most nights.';
	await useScriptedModel(page, { subjective, objective: 'Not documented', assessment: 'Stress is high.', plan: 'Review sleep.' }, 60);
	await createVault(page);
	await loadModel(page);
	await addClient(page, 'Ari Stopwell');
	await consentToAi(page);
	await addSession(page, 'Client reported a difficult week at work with several long shifts and poor sleep on most nights.');
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByTestId('streaming-subjective')).toContainText('Client reported a');
	await page.getByRole('button', { name: 'Stop' }).click();
	await expect(page.getByRole('alert')).toContainText('Stopped. The text written so far was kept.');
	const kept = await page.getByLabel('Subjective', { exact: true }).inputValue();
	expect(kept.length).toBeGreaterThan(10);
	expect(subjective.startsWith(kept)).toBe(true);
	expect(kept).not.toBe(subjective);
});
