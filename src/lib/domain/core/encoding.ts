/** Byte and text encodings used by the vault. Pure functions, no browser APIs beyond TextEncoder. */

const encoder = new TextEncoder();
// Not `fatal`: every decoded buffer is either authenticated ciphertext output (bytes we encoded
// ourselves) or user text, and the validating decoder costs noticeably more per record.
const decoder = new TextDecoder('utf-8');

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

export function toHex(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) out += b.toString(16).padStart(2, '0');
	return out;
}

// Crockford base32: no I, L, O or U, so a printed recovery key cannot be misread.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function toBase32(bytes: Uint8Array): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += CROCKFORD[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
	return out;
}

/** Decodes Crockford base32, forgiving case, dashes, spaces and the look-alikes O/I/L. */
export function fromBase32(text: string, byteLength: number): Uint8Array<ArrayBuffer> | null {
	const clean = text
		.toUpperCase()
		.replace(/[\s-]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	if (clean.length !== Math.ceil((byteLength * 8) / 5)) return null;
	const out = new Uint8Array(byteLength);
	let bits = 0;
	let value = 0;
	let index = 0;
	for (const char of clean) {
		const digit = CROCKFORD.indexOf(char);
		if (digit < 0) return null;
		value = ((value << 5) | digit) & 0xffff;
		bits += 5;
		if (bits >= 8 && index < byteLength) {
			out[index++] = (value >>> (bits - 8)) & 0xff;
			bits -= 8;
		}
	}
	return out;
}

export function groupsOf(text: string, size: number, separator = '-'): string {
	const groups: string[] = [];
	for (let i = 0; i < text.length; i += size) groups.push(text.slice(i, i + size));
	return groups.join(separator);
}

export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}
