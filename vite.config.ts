/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig, type Plugin } from 'vite';
import sirv from 'sirv';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { csp } from './svelte.config.js';

/**
 * The policy as an HTTP header, for scripts: a Web Worker is governed by its own script's
 * response headers, not by the page's <meta> policy. HTML keeps SvelteKit's <meta> policy,
 * which carries the hash of its inline bootstrap script.
 */
const workerPolicy = Object.entries(csp.directives)
	.map(([name, values]) => `${name} ${values.map((v) => (/^(self|none|unsafe-hashes|wasm-unsafe-eval)$/.test(v) ? `'${v}'` : v)).filter((v) => !v.startsWith('sha256-')).join(' ')}`)
	.join('; ');

const theme = '#2f5d62';

/**
 * `vite preview` (and so `npm start`) serves exactly what a practice deploys: the static
 * `build/` folder with its SPA fallback, plus the practice's own model files under
 * `/model-artifacts/` with HTTP Range support. SvelteKit's own preview would render pages
 * through its server instead, which is not what a static host does.
 */
function practiceServer(): Plugin {
	return {
		name: 'tacit-practice-server',
		configurePreviewServer(server) {
			const root = server.config.root;
			const models = resolve(root, process.env.TACIT_MODEL_DIR ?? 'model-artifacts');
			// TACIT_APP_DIR / TACIT_MODEL_DIR serve other folders (tests serve changed builds and generated models).
			const app = resolve(root, process.env.TACIT_APP_DIR ?? 'build');
			if (!existsSync(resolve(app, 'index.html'))) {
				throw new Error(`${app}/index.html is missing: run \`npm run build\` first.`);
			}
			const noStore = { 'Cache-Control': 'no-store' };
			server.middlewares.use((req, res, next) => {
				res.setHeader('X-Content-Type-Options', 'nosniff');
				res.setHeader('Referrer-Policy', 'no-referrer');
				res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
				res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
				next();
			});
			server.middlewares.use(
				'/model-artifacts',
				sirv(models, { dev: true, dotfiles: false, etag: true, setHeaders: wasmType })
			);
			server.middlewares.use(
				sirv(app, {
					single: 'index.html',
					// Look files up per request, so a new release copied into place is served at once.
					dev: true,
					etag: true,
					setHeaders: (res, pathname) => {
						wasmType(res, pathname);
						// The shell and the service worker must revalidate so updates are found.
						if (!pathname.startsWith('/_app/immutable/')) {
							for (const [k, v] of Object.entries(noStore)) res.setHeader(k, v);
						}
					}
				})
			);
		}
	};
}

function wasmType(res: { setHeader(name: string, value: string): void }, pathname: string) {
	if (pathname.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
	if (pathname.endsWith('.js')) res.setHeader('Content-Security-Policy', workerPolicy);
}

export default defineConfig({
	plugins: [
		practiceServer(),
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			registerType: 'prompt',
			injectRegister: false,
			kit: { adapterFallback: 'index.html', spa: true },
			manifest: {
				name: 'Tacit: clinical notes on this device',
				short_name: 'Tacit',
				description:
					'Clinical documentation for mental health practices. Session content never leaves this device.',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				background_color: '#f6f7f6',
				theme_color: theme,
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{ src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
					{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
				]
			},
			workbox: {
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webmanifest,wasm}'],
				navigateFallback: 'index.html',
				// Model weights are never precached; the model files live in WebLLM's own cache.
				navigateFallbackDenylist: [/^\/model-artifacts\//],
				globIgnores: ['**/model-artifacts/**'],
				maximumFileSizeToCacheInBytes: 12 * 1024 * 1024,
				cleanupOutdatedCaches: true,
				// The first install controls the open page at once, so it works offline without a reload.
				clientsClaim: true
			}
		})
	],
	define: {
		// Whether this build may fetch models from the public hub (see svelte.config.js).
		__TACIT_MODEL_HUB__: JSON.stringify(process.env.TACIT_MODEL_HUB === 'on')
	},
	worker: { format: 'es' },
	preview: { cors: false },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/unit/setup.ts'],
		testTimeout: 30_000
	}
});
