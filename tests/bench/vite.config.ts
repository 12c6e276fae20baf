import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * Build config for the benchmark page only (no SvelteKit plugin): a plain Vite app rooted
 * here that imports the real product modules through the same `$lib` / `$workers` aliases.
 * `npm run bench` (tests/bench/run.mjs) builds it into `.build/` and serves it to Chromium.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	root: here,
	base: './',
	logLevel: 'warn',
	clearScreen: false,
	publicDir: false,
	resolve: {
		alias: {
			$lib: `${repo}src/lib`,
			$workers: `${repo}workers`
		}
	},
	worker: { format: 'es' },
	build: {
		outDir: `${here}.build`,
		emptyOutDir: true,
		target: 'esnext',
		minify: false,
		sourcemap: false,
		reportCompressedSize: false
	}
});
