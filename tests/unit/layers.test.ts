import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of DESIGN.md section 3, checked over the import graph: imports point one way,
 * routes -> components/state -> documents -> vault/inference -> domain, and a few rules about
 * who may touch what (only the vault touches IndexedDB; only inference and the vault's key
 * derivation start workers; domain is pure TypeScript with no browser or framework import).
 */

const ROOT = resolve(__dirname, '../..');

type Layer = 'routes' | 'components' | 'state' | 'documents' | 'vault' | 'inference' | 'domain' | 'workers';

/** The vault's own short-lived workers: key derivation, and the strength estimate that sees a new passphrase. */
const VAULT_WORKERS = ['kdf-worker.ts', 'strength-estimator.ts'];

const ALLOWED: Readonly<Record<Layer, readonly Layer[]>> = {
	routes: ['components', 'state', 'documents', 'vault', 'inference', 'domain'],
	components: ['state', 'documents', 'vault', 'inference', 'domain'],
	state: ['documents', 'vault', 'inference', 'domain'],
	documents: ['vault', 'inference', 'domain'],
	vault: ['domain'],
	inference: ['domain'],
	domain: [],
	workers: ['inference', 'vault', 'domain']
};

/** Packages the pure domain layer may use: no browser, storage, worker or framework code. */
const DOMAIN_PACKAGES = /^(valibot|minisearch|@noble\/hashes(\/.*)?|@zxcvbn-ts\/(core|language-common))$/;

function layerOf(path: string): Layer | null {
	const p = normalize(path);
	if (p.startsWith('src/routes/')) return 'routes';
	if (p.startsWith('workers/')) return 'workers';
	const lib = /^src\/lib\/(components|state|documents|vault|inference|domain)\//.exec(p);
	return (lib?.[1] as Layer | undefined) ?? null;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
	});
}

interface Import {
	file: string;
	specifier: string;
	/** Repository path of a project import, or null for a package. */
	target: string | null;
}

function importsOf(file: string, text: string): Import[] {
	return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"\n]+)['"]/g)].map(([, specifier]) => {
		const s = specifier!;
		const target = s.startsWith('$lib/') ? `src/lib/${s.slice(5)}` : s.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), s)) : null;
		return { file, specifier: s, target };
	});
}

/** Every import that breaks a layer rule, as "file -> specifier (why)". */
function layerViolations(files: readonly { file: string; text: string }[]): string[] {
	const found: string[] = [];
	for (const { file, text } of files) {
		const from = layerOf(file);
		if (!from) continue;
		for (const imp of importsOf(file, text)) {
			if (imp.target === null) {
				if (from === 'domain' && !DOMAIN_PACKAGES.test(imp.specifier)) found.push(`${file} -> ${imp.specifier} (domain imports a package that is not pure)`);
				if (imp.specifier === 'dexie' && from !== 'vault') found.push(`${file} -> dexie (only the vault touches IndexedDB)`);
				if (imp.specifier.startsWith('@mlc-ai/') && from !== 'workers') found.push(`${file} -> ${imp.specifier} (only the model worker holds WebLLM)`);
				continue;
			}
			const to = layerOf(imp.target);
			if (!to || to === from) continue;
			if (!ALLOWED[from].includes(to)) found.push(`${file} -> ${imp.specifier} (${from} may not import ${to})`);
		}
		const worker = /new\s+(?:Shared)?Worker\s*\(/.test(text);
		if (worker && from !== 'inference' && !VAULT_WORKERS.some((allowed) => file === join('src', 'lib', 'vault', allowed))) {
			found.push(`${file} starts a worker (only inference/ and the vault's passphrase work do)`);
		}
	}
	return found;
}

const project = () => [...sourceFiles('src'), ...sourceFiles('workers')].map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));

describe('the layers', () => {
	it('import one way only, and keep storage, workers and browser code where they belong', () => {
		expect(layerViolations(project())).toEqual([]);
	});

	it('finds a domain file that imports from inference, a component that imports Dexie and a stray worker', () => {
		const found = layerViolations([
			{ file: 'src/lib/domain/models/x.ts', text: "import type { ModelSpec } from '$lib/inference/engine';" },
			{ file: 'src/lib/components/notes/X.svelte', text: "<script>import Dexie from 'dexie';</script>" },
			{ file: 'src/lib/vault/y.ts', text: "import { a } from '../state/vault/vault-session.svelte'; new Worker(u);" },
			{ file: 'src/lib/domain/core/z.ts', text: "import { page } from '$app/state';" }
		]);
		expect(found).toEqual([
			'src/lib/domain/models/x.ts -> $lib/inference/engine (domain may not import inference)',
			'src/lib/components/notes/X.svelte -> dexie (only the vault touches IndexedDB)',
			'src/lib/vault/y.ts -> ../state/vault/vault-session.svelte (vault may not import state)',
			'src/lib/vault/y.ts starts a worker (only inference/ and the vault\'s passphrase work do)',
			'src/lib/domain/core/z.ts -> $app/state (domain imports a package that is not pure)'
		]);
	});

	it('sees every layer of the app', () => {
		const layers = new Set(project().map((f) => layerOf(f.file)).filter((l) => l !== null));
		expect([...layers].sort()).toEqual(['components', 'documents', 'domain', 'inference', 'routes', 'state', 'vault', 'workers']);
	});
});
