import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny stand-in for the Hugging Face hub and WebLLM's library host on 127.0.0.1: serves a
 * generated MLC model (config, tensor cache with 3 shards, tokenizer, .wasm), answers Range
 * requests like a CDN, redirects shards the way the hub redirects LFS files, and records every
 * request so tests can count them.
 */
export const TEST_MODEL_ID = 'Tacit-Test-Tiny-q4f32_1-MLC';
export const TEST_LIB_FILE = 'Tacit-Test-Tiny-q4f32_1_cs1k-webgpu.wasm';
const REPO = `/mlc-ai/${TEST_MODEL_ID}/resolve/main`;

export interface HubRequest {
	path: string;
	range: string | null;
	status: number;
}

export interface FakeModel {
	config: Buffer;
	tensorCache: Buffer;
	tokenizer: Buffer;
	shards: { name: string; bytes: Buffer }[];
	wasm: Buffer;
}

export interface FakeHub {
	/** Base URL for `--hub`. */
	url: string;
	/** Base URL for `--lib-base`. */
	libBase: string;
	model: FakeModel;
	/** Where the hub keeps each file (the shards sit behind a redirect, like LFS). */
	pathOf(name: string): string;
	requests: HubRequest[];
	/** Serves different bytes for a path than the tensor cache describes. */
	replace(path: string, bytes: Buffer): void;
	/** The next response for `path` sends its headers and half its body, then drops the connection. */
	dropOnce(path: string): void;
	/** The next `times` requests for `path` get `status` (a struggling server). */
	failNext(path: string, status: number, times: number): void;
	/** Answer every request with the whole file, as a server without Range support does. */
	ignoreRange: boolean;
	close(): Promise<void>;
}

/** A catalog record in WebLLM's shape; the hosts are replaced by `--hub` and `--lib-base`. */
export const TEST_RECORD = {
	model_id: TEST_MODEL_ID,
	model: `https://huggingface.co/mlc-ai/${TEST_MODEL_ID}`,
	model_lib: `https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/${TEST_LIB_FILE}`
};

export function makeFakeModel(): FakeModel {
	const shards = [40_000, 32_768, 25_001].map((size, i) => ({ name: `params_shard_${i}.bin`, bytes: randomBytes(size) }));
	const config = {
		model_type: 'llama',
		quantization: 'q4f32_1',
		context_window_size: 2048,
		prefill_chunk_size: 2048,
		vocab_size: 32,
		tokenizer_files: ['tokenizer.json', 'tokenizer_config.json'],
		conv_template: { name: 'llama-3', system_template: '{system_message}', roles: { user: 'user', assistant: 'assistant' } }
	};
	// MLC's format (TVM dump_tensor_cache): one record per shard with nbytes and md5sum.
	const tensorCache = {
		metadata: { ParamSize: shards.length, ParamBytes: shards.reduce((n, s) => n + s.bytes.length, 0), BitsPerParam: 32 },
		records: shards.map((s, i) => ({
			dataPath: s.name,
			format: 'raw-shard',
			nbytes: s.bytes.length,
			records: [{ name: `param_${i}`, shape: [s.bytes.length], dtype: 'uint8', format: 'raw', nbytes: s.bytes.length, byteOffset: 0 }],
			md5sum: createHash('md5').update(s.bytes).digest('hex')
		}))
	};
	const tokenizer = { version: '1.0', model: { type: 'BPE', vocab: { a: 0, b: 1 }, merges: [] }, added_tokens: [] };
	return {
		config: Buffer.from(JSON.stringify(config, null, 2)),
		tensorCache: Buffer.from(JSON.stringify(tensorCache, null, 2)),
		tokenizer: Buffer.from(JSON.stringify(tokenizer)),
		shards,
		wasm: Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), randomBytes(3000)])
	};
}

export async function startFakeHub(model: FakeModel = makeFakeModel()): Promise<FakeHub> {
	const files = new Map<string, Buffer>();
	const redirects = new Map<string, string>();
	files.set(`${REPO}/mlc-chat-config.json`, model.config);
	files.set(`${REPO}/tensor-cache.json`, model.tensorCache);
	files.set(`${REPO}/tokenizer.json`, model.tokenizer);
	files.set(`${REPO}/tokenizer_config.json`, Buffer.from('{}'));
	for (const shard of model.shards) {
		redirects.set(`${REPO}/${shard.name}`, `/cdn/${shard.name}`);
		files.set(`/cdn/${shard.name}`, shard.bytes);
	}
	files.set(`/libs/${TEST_LIB_FILE}`, model.wasm);
	const drops = new Set<string>();
	const failures = new Map<string, { status: number; times: number }>();
	const requests: HubRequest[] = [];

	const handle = (req: IncomingMessage, res: ServerResponse) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://hub').pathname);
		const range = req.headers.range ?? null;
		const answer = (status: number) => {
			requests.push({ path, range, status });
			return status;
		};
		const failure = failures.get(path);
		if (failure && failure.times > 0) {
			failure.times--;
			res.writeHead(answer(failure.status), { 'Content-Type': 'text/plain' }).end('Service unavailable');
			return;
		}
		const target = redirects.get(path);
		if (target) {
			res.writeHead(answer(302), { Location: target, 'Content-Length': '0' }).end();
			return;
		}
		const body = files.get(path);
		if (!body) {
			res.writeHead(answer(404), { 'Content-Type': 'text/plain' }).end('Entry not found');
			return;
		}
		let status = 200;
		let start = 0;
		const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'Accept-Ranges': 'bytes' };
		const m = range && !hub.ignoreRange ? /^bytes=(\d+)-$/.exec(range) : null;
		if (m) {
			start = Number(m[1]);
			if (start >= body.length) {
				res.writeHead(answer(416), { 'Content-Range': `bytes */${body.length}` }).end();
				return;
			}
			status = 206;
			headers['Content-Range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
		}
		const slice = body.subarray(start);
		headers['Content-Length'] = String(slice.length);
		res.writeHead(answer(status), headers);
		if (drops.delete(path)) {
			// Let the first half reach the client, then cut the connection mid-body.
			res.write(slice.subarray(0, Math.floor(slice.length / 2)), () => setTimeout(() => res.socket?.destroy(), 50));
			return;
		}
		res.end(slice);
	};

	const server = createServer((req, res) => handle(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}`;
	const hub: FakeHub = {
		url,
		libBase: `${url}/libs`,
		model,
		pathOf: (name) => redirects.get(`${REPO}/${name}`) ?? (name.endsWith('.wasm') ? `/libs/${name}` : `${REPO}/${name}`),
		requests,
		replace: (path, bytes) => void files.set(path, bytes),
		dropOnce: (path) => void drops.add(path),
		failNext: (path, status, times) => void failures.set(path, { status, times }),
		ignoreRange: false,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
	return hub;
}

/** A port on 127.0.0.1 with nothing listening: connections are refused at once. */
export async function closedPort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as AddressInfo;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}
