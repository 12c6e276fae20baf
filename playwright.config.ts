import { defineConfig } from '@playwright/test';
import { appOrigin as origin, appPort as port } from './tests/app-origin.mjs';
import { chromiumArgs, chromiumPath } from './tests/chromium.mjs';

// Lets the zero-egress test see requests made by the service worker itself.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 90_000,
	expect: { timeout: 15_000 },
	fullyParallel: false,
	workers: 1,
	// One retry in CI: a test that passes only on retry is still reported as flaky.
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: origin,
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--enable-unsafe-webgpu'] }
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: {
		command: `npm run build && vite preview --host 127.0.0.1 --port ${port} --strictPort`,
		url: origin,
		reuseExistingServer: !process.env.CI,
		timeout: 240_000,
		stdout: 'ignore'
	}
});
