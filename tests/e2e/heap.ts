import type { CDPSession, Page } from '@playwright/test';

/**
 * What a page's JavaScript heap still holds, as an attacker with a debugger (or a crash dump)
 * would see it: a V8 heap snapshot taken over the DevTools protocol after a forced garbage
 * collection. A snapshot lists only reachable objects, so a string found in it is one the app
 * still references; `retainers` names who holds it, so a failure says where to look.
 */
export interface HeapFinding {
	needle: string;
	/** The first few strings that contain it, shortened. */
	samples: string[];
	/** One retaining path per sample, from the string outwards ("Map STEMS <- ..."). */
	paths: string[];
}

interface Snapshot {
	snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] }; node_count: number };
	nodes: number[];
	edges: number[];
	strings: string[];
}

export async function takeHeapSnapshot(page: Page): Promise<Snapshot> {
	const cdp: CDPSession = await page.context().newCDPSession(page);
	const chunks: string[] = [];
	cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
	await cdp.send('HeapProfiler.enable');
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
	await cdp.detach();
	return JSON.parse(chunks.join('')) as Snapshot;
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

/** Every needle found in a reachable string, with who retains it. A needle in lower case matches any case. */
export function findInHeap(snap: Snapshot, needles: readonly string[]): HeapFinding[] {
	const { meta } = snap.snapshot;
	const nodeWidth = meta.node_fields.length;
	const edgeWidth = meta.edge_fields.length;
	const nType = meta.node_fields.indexOf('type');
	const nName = meta.node_fields.indexOf('name');
	const nEdges = meta.node_fields.indexOf('edge_count');
	const eType = meta.edge_fields.indexOf('type');
	const eName = meta.edge_fields.indexOf('name_or_index');
	const eTo = meta.edge_fields.indexOf('to_node');
	const nodeTypes = meta.node_types[0];
	const edgeTypes = meta.edge_types[0];
	const count = snap.nodes.length / nodeWidth;

	// Reverse edges: for each node, who points at it (skipping weak edges, which do not retain).
	const retainers: { from: number; edge: number }[][] = Array.from({ length: count }, () => []);
	let edge = 0;
	for (let node = 0; node < count; node++) {
		const edgeCount = snap.nodes[node * nodeWidth + nEdges]!;
		for (let i = 0; i < edgeCount; i++, edge += edgeWidth) {
			if (edgeTypes[snap.edges[edge + eType]!] === 'weak') continue;
			retainers[snap.edges[edge + eTo]! / nodeWidth]!.push({ from: node, edge });
		}
	}

	const label = (node: number): string => {
		const type = nodeTypes[snap.nodes[node * nodeWidth + nType]!]!;
		const name = snap.strings[snap.nodes[node * nodeWidth + nName]!] ?? '';
		return `${type} ${name.slice(0, 40)}`.trim();
	};
	const edgeLabel = (e: number): string => {
		const type = edgeTypes[snap.edges[e + eType]!];
		const raw = snap.edges[e + eName]!;
		return type === 'element' || type === 'hidden' ? `[${raw}]` : String(snap.strings[raw] ?? raw);
	};
	const pathOf = (start: number): string => {
		const steps: string[] = [];
		const seen = new Set<number>([start]);
		let node = start;
		for (let depth = 0; depth < 20; depth++) {
			const next = retainers[node]!.find((r) => !seen.has(r.from));
			if (!next) break;
			steps.push(`${edgeLabel(next.edge)} of ${label(next.from)}`);
			seen.add(next.from);
			node = next.from;
		}
		return steps.join(' <- ');
	};

	const findings: HeapFinding[] = [];
	for (const needle of needles) {
		const hits: number[] = [];
		for (let node = 0; node < count && hits.length < 3; node++) {
			const type = nodeTypes[snap.nodes[node * nodeWidth + nType]!]!;
			if (!STRING_TYPES.has(type)) continue;
			const text = snap.strings[snap.nodes[node * nodeWidth + nName]!] ?? '';
			if ((needle === needle.toLowerCase() ? text.toLowerCase() : text).includes(needle)) hits.push(node);
		}
		if (hits.length) {
			findings.push({
				needle,
				samples: hits.map((n) => (snap.strings[snap.nodes[n * nodeWidth + nName]!] ?? '').slice(0, 80)),
				paths: hits.map(pathOf)
			});
		}
	}
	return findings;
}
