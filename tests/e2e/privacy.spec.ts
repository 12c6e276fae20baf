import { expect, test, type Request } from '@playwright/test';
import { addClient, addSession, createVault, expectSaved, unlock } from './support';

/** Reads every IndexedDB database, store and record, plus Web Storage and Cache Storage, as text. */
async function dumpAllStorage(page: import('@playwright/test').Page): Promise<{ text: string; stores: string[] }> {
	return page.evaluate(async () => {
		const decoder = new TextDecoder('utf-8', { fatal: false });
		const latin1 = new TextDecoder('latin1');
		const parts: string[] = [];
		const stores: string[] = [];
		const flatten = (value: unknown): string => {
			if (value instanceof ArrayBuffer) return decoder.decode(value) + latin1.decode(value);
			if (ArrayBuffer.isView(value)) {
				const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
				return decoder.decode(bytes) + latin1.decode(bytes);
			}
			if (value && typeof value === 'object') return Object.values(value).map(flatten).join(' ') + JSON.stringify(Object.keys(value));
			return String(value);
		};
		for (const info of await indexedDB.databases()) {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open(info.name!);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			for (const name of Array.from(db.objectStoreNames)) {
				stores.push(`${info.name}/${name}`);
				const rows = await new Promise<unknown[]>((resolve, reject) => {
					const req = db.transaction(name).objectStore(name).getAll();
					req.onsuccess = () => resolve(req.result);
					req.onerror = () => reject(req.error);
				});
				parts.push(rows.map(flatten).join('\n'));
			}
			db.close();
		}
		for (const storage of [localStorage, sessionStorage]) {
			for (let i = 0; i < storage.length; i++) parts.push(storage.key(i)!, storage.getItem(storage.key(i)!)!);
		}
		for (const cacheName of await caches.keys()) {
			const cache = await caches.open(cacheName);
			for (const request of await cache.keys()) {
				parts.push(request.url, await (await cache.match(request))!.text());
			}
		}
		return { text: parts.join('\n'), stores };
	});
}

test('at rest: a unique marker typed into a client and a session is nowhere in browser storage', async ({ page }) => {
	const marker = `ZQX${Date.now().toString(36).toUpperCase()}MARK`;
	await createVault(page);
	await addClient(page, `Client ${marker}`);
	await page.getByLabel('Preferred name').fill(`Pref${marker}`);
	await expectSaved(page);
	await addSession(page, `The client said ${marker} twice during the session.`);

	// The marker is really on screen (so the check below is not vacuous) ...
	await expect(page.getByLabel('Session content')).toHaveValue(new RegExp(marker));
	const { text, stores } = await dumpAllStorage(page);
	// ... and the dump really covers the vault's encrypted tables.
	expect(stores).toEqual(expect.arrayContaining([expect.stringMatching(/^tacit-vault-.+\/sessions$/)]));
	expect(stores).toEqual(expect.arrayContaining([expect.stringMatching(/^tacit-vault-.+\/clients$/)]));
	expect(text.length).toBeGreaterThan(1000);
	expect(text).not.toContain(marker);
	expect(text.toLowerCase()).not.toContain(marker.toLowerCase());
});

test('zero egress: every request from the page, its workers and the service worker goes to the app origin', async ({
	page,
	context,
	baseURL
}) => {
	const requests: { url: string; fromServiceWorker: boolean }[] = [];
	const record = (request: Request) => requests.push({ url: request.url(), fromServiceWorker: !!request.serviceWorker() });
	context.on('request', record);
	await page.addInitScript(() => {
		(window as unknown as { cspViolations: string[] }).cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});

	await createVault(page);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await addClient(page, 'Egress Check');
	await addSession(page, 'Content that must stay on this device.');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await page.getByLabel('Search clients and session content').fill('device');
	await expect(page.getByRole('list', { name: 'Search results' })).toContainText('Egress Check');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByTestId('storage-used')).toBeVisible();
	await page.getByRole('button', { name: 'Lock' }).click();
	await page.reload();
	await unlock(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
	await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');

	const origin = new URL(baseURL!).origin;
	expect(requests.length).toBeGreaterThan(10);
	// The service worker's own precache fetches are among the recorded requests.
	expect(requests.some((r) => r.fromServiceWorker)).toBe(true);
	const foreign = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'));
	expect(foreign).toEqual([]);
	expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});

test('the built app carries the Content-Security-Policy', async ({ page }) => {
	await page.goto('/clients/some-deep-link');
	const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(csp).toContain("default-src 'self'");
	expect(csp).toContain("connect-src 'self'");
	expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')*;/);
	expect(csp).not.toContain('unsafe-inline');
	// The policy is enforced: the browser itself refuses a request to another origin and reports
	// the violation (a network failure alone would not prove that).
	const violation = await page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`));
				void fetch('https://example.org/ping').catch(() => undefined);
			})
	);
	expect(violation).toMatch(/^connect-src https:\/\/example\.org/);
});

test('a tampered record is reported on screen, and the rest of the vault still opens', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Intact Client');
	const tamperedId = await addClient(page, 'Tampered Client');
	await page.getByRole('button', { name: 'Lock' }).click();

	// Someone with access to the disk flips one byte of one client's ciphertext.
	await page.evaluate(async (id) => {
		const name = (await indexedDB.databases()).find((d) => d.name?.startsWith('tacit-vault-'))!.name!;
		const db = await new Promise<IDBDatabase>((resolve) => {
			const req = indexedDB.open(name);
			req.onsuccess = () => resolve(req.result);
		});
		const store = db.transaction('clients', 'readwrite').objectStore('clients');
		await new Promise<void>((resolve) => {
			const get = store.get(id);
			get.onsuccess = () => {
				const row = get.result;
				const bytes = new Uint8Array(row.env.slice(0));
				bytes[bytes.length - 1]! ^= 0xff;
				store.put({ ...row, env: bytes.buffer }).onsuccess = () => resolve();
			};
		});
		db.close();
	}, tamperedId);

	await unlock(page);
	await expect(page.getByTestId('unreadable-records')).toContainText('One stored record failed the integrity check');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await expect(page.getByRole('list', { name: 'All clients' })).toContainText('Intact Client');
	await expect(page.getByRole('list', { name: 'All clients' })).not.toContainText('Tampered Client');
});
