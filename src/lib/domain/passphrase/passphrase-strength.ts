import { MIN_PASSPHRASE_LENGTH_CHARS } from './passphrase-rules';

/**
 * A strength hint for a new passphrase, from zxcvbn-ts (a maintained port of Dropbox's
 * estimator) with its common-password list. The dictionaries are large, so they load on
 * first use rather than with the app.
 */
export interface StrengthHint {
	/** 0 (too guessable) to 4 (very strong). */
	score: 0 | 1 | 2 | 3 | 4;
	label: string;
	advice: string;
	acceptable: boolean;
}

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

let ready: Promise<typeof import('@zxcvbn-ts/core').zxcvbn> | null = null;

function estimator() {
	ready ??= (async () => {
		const [core, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
		core.zxcvbnOptions.setOptions({
			dictionary: { ...common.dictionary },
			graphs: common.adjacencyGraphs
		});
		return core.zxcvbn;
	})();
	return ready;
}

export async function strengthHint(passphrase: string, userInputs: string[] = []): Promise<StrengthHint> {
	const length = [...passphrase].length;
	if (length < MIN_PASSPHRASE_LENGTH_CHARS) {
		return {
			score: 0,
			label: LABELS[0],
			advice: `Use at least ${MIN_PASSPHRASE_LENGTH_CHARS} characters (${length} so far).`,
			acceptable: false
		};
	}
	const zxcvbn = await estimator();
	const result = zxcvbn(passphrase, userInputs);
	const score = result.score as StrengthHint['score'];
	const advice =
		result.feedback.warning ||
		result.feedback.suggestions[0] ||
		(score >= 3 ? 'Good. Store your recovery key somewhere safe too.' : 'Add another uncommon word.');
	return { score, label: LABELS[score], advice, acceptable: score >= 2 };
}
