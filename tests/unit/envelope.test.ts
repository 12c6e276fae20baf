import { describe, expect, it } from 'vitest';
import { open, seal } from '$lib/vault/envelope';
import { generateDataKey, type DataKey } from '$lib/vault/keys';
import { codeOf } from './helpers';

async function key(): Promise<DataKey> {
	return generateDataKey();
}

describe('record envelope v1', () => {
	it('round-trips a record', async () => {
		const k = await key();
		const record = { id: 'c1', name: 'Ada Q. Client', notes: 'Ünïcode ✓' };
		const env = await seal(k, 'clients', 'c1', record);
		expect(new Uint8Array(env)[0]).toBe(1);
		// version byte + 96-bit IV + ciphertext + 128-bit tag
		expect(env.byteLength).toBe(1 + 12 + JSON.stringify(record).length + 4 + 16);
		expect(await open(k, 'clients', 'c1', env)).toEqual(record);
	});

	it('uses a fresh IV for every seal, so equal records give different ciphertexts', async () => {
		const k = await key();
		const a = await seal(k, 'clients', 'c1', { x: 1 });
		const b = await seal(k, 'clients', 'c1', { x: 1 });
		const iv = (e: ArrayBuffer) => Buffer.from(e.slice(1, 13));
		expect(iv(a).equals(iv(b))).toBe(false);
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
	});

	it('keeps the plaintext out of the ciphertext', async () => {
		const k = await key();
		const env = await seal(k, 'sessions', 's1', { content: 'MARKER-unique-77' });
		expect(Buffer.from(env).toString('latin1')).not.toContain('MARKER');
	});

	it('reports a flipped ciphertext byte as a decryption error', async () => {
		const k = await key();
		const env = await seal(k, 'clients', 'c1', { name: 'x' });
		const bytes = new Uint8Array(env.slice(0));
		bytes[20]! ^= 0x01;
		expect(await codeOf(open(k, 'clients', 'c1', bytes.buffer))).toBe('vault/decrypt-failed');
	});

	it('refuses a ciphertext moved to another record id', async () => {
		const k = await key();
		const env = await seal(k, 'clients', 'c1', { name: 'first client' });
		expect(await codeOf(open(k, 'clients', 'c2', env))).toBe('vault/decrypt-failed');
	});

	it('refuses a ciphertext moved to another table', async () => {
		const k = await key();
		const env = await seal(k, 'clients', 'same-id', { name: 'x' });
		expect(await codeOf(open(k, 'sessions', 'same-id', env))).toBe('vault/decrypt-failed');
	});

	it('refuses another key', async () => {
		const env = await seal(await key(), 'clients', 'c1', { name: 'x' });
		expect(await codeOf(open(await key(), 'clients', 'c1', env))).toBe('vault/decrypt-failed');
	});

	it('reports a malformed or truncated envelope before decrypting', async () => {
		const k = await key();
		const env = await seal(k, 'clients', 'c1', { name: 'x' });
		const otherVersion = new Uint8Array(env.slice(0));
		otherVersion[0] = 2;
		expect(await codeOf(open(k, 'clients', 'c1', otherVersion.buffer))).toBe('vault/envelope-malformed');
		expect(await codeOf(open(k, 'clients', 'c1', env.slice(0, 20)))).toBe('vault/envelope-malformed');
		expect(await codeOf(open(k, 'clients', 'c1', { v: 1, iv: new Uint8Array(12), ct: env }))).toBe('vault/envelope-malformed');
		expect(await codeOf(open(k, 'clients', 'c1', null))).toBe('vault/envelope-malformed');
	});
});
