import { AppError, isQuotaError } from '$lib/domain/core/app-error';

/**
 * Runs a write (one Dexie transaction) and turns storage failures into codes a clinician can
 * read. IndexedDB aborts the whole transaction on failure, so nothing is half-written.
 */
export async function writeOrExplain<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (error) {
		if (error instanceof AppError) throw error;
		if (isQuotaError(error)) throw new AppError('storage/quota-exceeded', {}, { cause: error });
		throw new AppError('storage/write-failed', { name: String((error as Error)?.name ?? 'unknown') }, { cause: error });
	}
}

/** Asks the browser not to evict Tacit's data under storage pressure. */
export async function persistStorage(): Promise<boolean> {
	if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
	try {
		return (await navigator.storage.persisted()) || (await navigator.storage.persist());
	} catch {
		return false;
	}
}

export interface StorageReport {
	usedBytes: number;
	quotaBytes: number;
	persisted: boolean;
}

export async function storageReport(): Promise<StorageReport | null> {
	if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
	const [estimate, persisted] = await Promise.all([
		navigator.storage.estimate(),
		navigator.storage.persisted?.() ?? Promise.resolve(false)
	]);
	return { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted };
}
