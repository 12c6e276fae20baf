import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { pdfText } from '../export-readers';
import { auditToCsv, csvField, describeChain, filterAudit, type AuditEntry } from '$lib/domain/compliance/audit-review';
import { newClient, newSession } from '$lib/domain/core/records';
import { clientRecordIds, exportAudit } from '$lib/documents/compliance/audit-export';
import { createVault } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { fastDeps, PASSPHRASE } from './helpers';

beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

/** Local time, as the date inputs of the compliance page mean it. */
const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => new Date(y, m - 1, d, h, min, s, ms).getTime();

function entry(seq: number, at: number, fields: Partial<AuditEntry> = {}): AuditEntry {
	return { seq, at, profileId: 'p1', action: 'record.update', recordKind: null, recordId: null, recordIds: null, detail: null, prev: '', hash: `h${seq}`, ...fields };
}

const ROWS: AuditEntry[] = [
	entry(1, local(2026, 3, 1, 23, 59, 59, 999), { action: 'vault.unlock' }),
	entry(2, local(2026, 3, 2, 0, 0, 0, 0), { action: 'record.create', recordKind: 'client', recordId: 'c1' }),
	entry(3, local(2026, 3, 2, 14, 30), { action: 'record.export', recordKind: 'note', recordId: 'n1', detail: 'pdf', profileId: 'p2' }),
	entry(4, local(2026, 3, 3, 23, 59, 59, 999), { action: 'record.create', recordKind: 'session', recordIds: ['s9', 's1'] }),
	entry(5, local(2026, 3, 4, 0, 0, 0, 0), { action: 'record.export', recordKind: 'note', recordId: 'n2', detail: 'docx' })
];
const seqs = (rows: AuditEntry[]) => rows.map((r) => r.seq);

describe('filtering the audit trail', () => {
	it('keeps every entry when no filter is set, or only empty fields', () => {
		expect(seqs(filterAudit(ROWS, {}))).toEqual([1, 2, 3, 4, 5]);
		expect(seqs(filterAudit(ROWS, { profileId: '', action: '', from: '', to: '' }))).toEqual([1, 2, 3, 4, 5]);
	});

	it('filters by profile', () => {
		expect(seqs(filterAudit(ROWS, { profileId: 'p2' }))).toEqual([3]);
	});

	it('filters by action', () => {
		expect(seqs(filterAudit(ROWS, { action: 'record.export' }))).toEqual([3, 5]);
	});

	it("filters by client: the client's own record and the records linked to it, single or in a batch", () => {
		expect(seqs(filterAudit(ROWS, { client: { id: 'c1', recordIds: [] } }))).toEqual([2]);
		expect(seqs(filterAudit(ROWS, { client: { id: 'c1', recordIds: ['n1', 's1'] } }))).toEqual([2, 3, 4]);
		expect(seqs(filterAudit(ROWS, { client: { id: 'c7', recordIds: [] } }))).toEqual([]);
	});

	it('includes the whole first and last day of a date range, and nothing outside it', () => {
		expect(seqs(filterAudit(ROWS, { from: '2026-03-02', to: '2026-03-03' }))).toEqual([2, 3, 4]);
		expect(seqs(filterAudit(ROWS, { from: '2026-03-02', to: '2026-03-02' }))).toEqual([2, 3]);
		expect(seqs(filterAudit(ROWS, { from: '2026-03-04' }))).toEqual([5]);
		expect(seqs(filterAudit(ROWS, { to: '2026-03-01' }))).toEqual([1]);
	});

	it('combines filters: every part must match', () => {
		expect(seqs(filterAudit(ROWS, { action: 'record.export', from: '2026-03-03' }))).toEqual([5]);
		expect(seqs(filterAudit(ROWS, { action: 'record.export', profileId: 'p1' }))).toEqual([5]);
		expect(seqs(filterAudit(ROWS, { action: 'record.create', client: { id: 'c1', recordIds: ['s1'] }, to: '2026-03-02' }))).toEqual([2]);
	});
});

/** An RFC 4180 reader written apart from the exporter, so the test checks the format, not the code. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			(row = []), (field = ''), i++;
		} else field += c;
	}
	return rows;
}

describe('audit trail CSV', () => {
	it('writes a header and one row per entry with the time in ISO form', () => {
		const rows = parseCsv(auditToCsv([entry(7, Date.UTC(2026, 2, 2, 14, 30), { recordKind: 'session', recordIds: ['s1', 's2'], prev: 'h6' })]));
		expect(rows[0]).toEqual(['seq', 'time', 'profile', 'action', 'record kind', 'record id', 'record ids', 'detail', 'hash', 'previous hash']);
		expect(rows[1]).toEqual(['7', '2026-03-02T14:30:00.000Z', 'p1', 'record.update', 'session', '', 's1 s2', '', 'h7', 'h6']);
		expect(rows).toHaveLength(2);
	});

	it('quotes commas, quotes and line breaks so every field reads back unchanged', () => {
		const detail = 'a, "quoted"\nsecond line\r\nthird';
		const csv = auditToCsv([entry(1, 0, { detail })]);
		expect(csv).toContain('"a, ""quoted""\nsecond line\r\nthird"');
		const rows = parseCsv(csv);
		expect(rows).toHaveLength(2);
		expect(rows[1]![7]).toBe(detail);
		expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
		expect(csvField('no specials')).toBe('no specials');
	});

	it('never lets a spreadsheet run a field as a formula', () => {
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvField('plain')).toBe('plain');
		expect(csvField(12)).toBe('12');
	});
});

describe('audit trail exports', () => {
	async function vaultWithClient() {
		const vault = new UnlockedVault(await createVault(fastDeps, { displayName: 'Dr. Review', passphrase: PASSPHRASE }));
		await vault.clients.put({ ...newClient('c1'), name: 'Jordan Avery' });
		await vault.sessions.put({ ...newSession('s1', 'c1', '2026-03-02'), content: 'Discussed sleep.' });
		await vault.clients.put({ ...newClient('c2'), name: 'Robin Hale' });
		return vault;
	}

	it('writes its own audit entry, and the file lists it with the chain intact', async () => {
		const vault = await vaultWithClient();
		const before = (await vault.auditEntries()).length;
		const file = await exportAudit(vault, 'csv', {}, new Date('2026-03-02T15:00:00Z'));
		const entries = await vault.auditEntries();
		expect(entries).toHaveLength(before + 1);
		expect(entries.at(-1)).toMatchObject({ action: 'audit.export', detail: 'csv', recordId: null });
		expect(file.fileName).toBe('audit-trail-2026-03-02.csv');
		const rows = parseCsv(await file.blob.text());
		expect(rows.slice(1).map((r) => r[3])).toEqual(entries.map((e) => e.action));
		expect(await vault.verifyAudit()).toMatchObject({ intact: true });
	});

	it("exports a client's entries by record id, never by name", async () => {
		const vault = await vaultWithClient();
		const filter = { client: { id: 'c1', recordIds: await clientRecordIds(vault, 'c1') } };
		expect(filter.client.recordIds).toEqual(['c1', 's1']);
		const csv = await (await exportAudit(vault, 'csv', filter)).blob.text();
		const records = parseCsv(csv).slice(1).map((r) => r[5]);
		expect(records).toEqual(['c1', 's1']);
		const pdf = (await pdfText(new Uint8Array(await (await exportAudit(vault, 'pdf', filter)).blob.arrayBuffer()))).text;
		expect(pdf).toContain('c1 and the records linked to it');
		for (const text of [csv, pdf]) {
			expect(text).not.toMatch(/Jordan|Avery|Robin|Discussed/);
		}
	});

	it('heads the PDF with the filter and the chain check, and audits it as a PDF export', async () => {
		const vault = await vaultWithClient();
		const file = await exportAudit(vault, 'pdf', { action: 'record.create', from: '2000-01-01' });
		const { text } = await pdfText(new Uint8Array(await file.blob.arrayBuffer()));
		const entries = await vault.auditEntries();
		expect(text).toContain(describeChain({ intact: true, entries: entries.length }));
		expect(text).toContain('Action: record.create (Record created)');
		expect(text).toContain('From: 2000-01-01');
		expect(text).toContain('Entries listed: 3');
		expect(entries.at(-1)).toMatchObject({ action: 'audit.export', detail: 'pdf' });
	});
});
