// Progress reporting on stderr (one redrawn status line plus a line per finished file) and
// human-readable byte counts.

/** @typedef {{ write(text: string): unknown, isTTY?: boolean, columns?: number }} Writer */

/** @param {number} n */
export function formatBytes(n) {
	if (n < 1e3) return `${n} B`;
	if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
	if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
	return `${(n / 1e9).toFixed(2)} GB`;
}

/** @param {number} done @param {number} total */
const percent = (done, total) => (total > 0 ? `${Math.min(100, Math.floor((done / total) * 100))}%` : '?%');

// Progress on stderr: one status line, redrawn at most every `intervalMs` (in place on a
// terminal, as new lines in a log), plus a line per finished file.

export class Progress {
	/**
	 * @param {Writer} out
	 * @param {{ intervalMs?: number }} [options]
	 */
	constructor(out, options = {}) {
		this.out = out;
		this.tty = out.isTTY === true;
		this.intervalMs = options.intervalMs ?? (this.tty ? 250 : 5000);
		/** @type {Map<string, { done: number, total: number | null, active: boolean, verb: string }>} */
		this.files = new Map();
		this.lastDraw = Date.now();
		this.statusShown = false;
	}

	/** @param {string} label */
	entry(label) {
		let e = this.files.get(label);
		if (!e) {
			e = { done: 0, total: null, active: false, verb: '' };
			this.files.set(label, e);
		}
		return e;
	}

	/** @param {string} label @param {number | null} total */
	expect(label, total) {
		this.entry(label).total = total;
	}

	/** @param {string} label @param {number} done @param {string} [verb] */
	update(label, done, verb = '') {
		const e = this.entry(label);
		e.done = done;
		e.active = true;
		e.verb = verb;
		const now = Date.now();
		if (now - this.lastDraw >= this.intervalMs) {
			this.lastDraw = now;
			this.draw();
		}
	}

	/** @param {string} label @param {number} bytes @param {string} note */
	finish(label, bytes, note) {
		const e = this.entry(label);
		e.done = bytes;
		e.total = bytes;
		e.active = false;
		if (note) this.line(`  ${note} ${label} (${formatBytes(bytes)})`);
	}

	totals() {
		let done = 0;
		let total = 0;
		for (const e of this.files.values()) {
			done += e.done;
			total += e.total ?? e.done;
		}
		return { done, total };
	}

	draw() {
		const active = [...this.files.entries()].filter(([, e]) => e.active);
		const parts = active.map(([label, e]) =>
			e.total ? `${e.verb}${label} ${formatBytes(e.done)}/${formatBytes(e.total)} (${percent(e.done, e.total)})` : `${e.verb}${label} ${formatBytes(e.done)}`
		);
		const { done, total } = this.totals();
		const text = `  ${parts.join(', ')}${parts.length ? ' | ' : ''}overall ${formatBytes(done)} of ${formatBytes(total)} (${percent(done, total)})`;
		if (this.tty) {
			// One terminal row, or the redraw would leave a trail of wrapped lines.
			const width = (this.out.columns ?? 120) - 1;
			this.out.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
			this.statusShown = true;
		} else {
			this.out.write(`${text}\n`);
		}
	}

	/** @param {string} text */
	line(text) {
		this.clear();
		this.out.write(`${text}\n`);
	}

	clear() {
		if (this.statusShown) this.out.write('\r\x1b[K');
		this.statusShown = false;
	}
}
