import { AppError } from '../core/app-error';
import type { Client } from '../core/records';

/**
 * Discharge, not deletion. A client who leaves care is discharged: the record stays, read-only
 * and out of the everyday lists, for the practice's retention period. Only after it has ended
 * can the record be deleted for good. Six years is the floor: HIPAA keeps its documentation six
 * years (45 CFR 164.316(b)(2)) and many states ask for as long or longer after the last visit;
 * a practice may set more, never less.
 */
export const MIN_RETENTION_YEARS = 6;
export const MAX_RETENTION_YEARS = 30;

export interface Discharge {
	/** ISO date (YYYY-MM-DD). */
	on: string;
	reason: string;
	by: string;
}

export function isDischarged(client: Pick<Client, 'discharge'>): boolean {
	return !!client.discharge;
}

/** The practice's retention in whole years, never under the floor (an older or tampered setting reads as the floor). */
export function retentionYears(setting: number | undefined): number {
	if (setting === undefined || !Number.isInteger(setting)) return MIN_RETENTION_YEARS;
	return Math.min(MAX_RETENTION_YEARS, Math.max(MIN_RETENTION_YEARS, setting));
}

/** The first day the record may be deleted: the discharge date plus the retention years (29 February → 1 March). */
export function retentionEndsOn(dischargedOn: string, years: number): string {
	const [y, m, d] = dischargedOn.split('-').map(Number) as [number, number, number];
	const end = new Date(Date.UTC(y + years, m - 1, d));
	return end.toISOString().slice(0, 10);
}

export type DeletionVerdict = { allowed: true } | { allowed: false; reason: 'not-discharged' } | { allowed: false; reason: 'retention'; until: string };

export function deletionVerdict(client: Pick<Client, 'discharge'>, years: number | undefined, today: string): DeletionVerdict {
	if (!client.discharge) return { allowed: false, reason: 'not-discharged' };
	const until = retentionEndsOn(client.discharge.on, retentionYears(years));
	return today >= until ? { allowed: true } : { allowed: false, reason: 'retention', until };
}

export function assertDeletionAllowed(client: Pick<Client, 'discharge'>, years: number | undefined, today: string): void {
	const verdict = deletionVerdict(client, years, today);
	if (verdict.allowed) return;
	if (verdict.reason === 'retention') throw new AppError('client/retention', { until: verdict.until });
	throw new AppError('client/not-discharged');
}

/** Discharged records do not change: the rule storage enforces. Discharging, reopening and risk reviews pass. */
export function assertClientChangeAllowed(before: Client | null, after: Client): void {
	if (!before?.discharge || !after.discharge) return;
	const { discharge: _a, riskFlags: _b, ...was } = before;
	const { discharge: _c, riskFlags: _d, ...now } = after;
	if (JSON.stringify(was) !== JSON.stringify(now)) throw new AppError('client/discharged', { id: after.id });
}
