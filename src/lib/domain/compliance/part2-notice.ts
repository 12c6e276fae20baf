import { PART2_NOTICE } from '../notes/note-document';
import type { Client } from '../core/records';

/**
 * The 42 CFR 2.32 statement that goes with every disclosure of a Part 2 record. Defaults are
 * the regulation's text (tests/fixtures/reference/regulatory.md); the practice administrator may pick
 * the short form and edit either text after checking it against the current eCFR.
 */

/** Statement 1, the full notice: the same constant every export already uses. */
export { PART2_NOTICE as PART2_STATEMENT_1 };

/** Statement 2, the short form. */
export const PART2_STATEMENT_2 = '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';

/** The settings this module reads; the vault's SettingsRow has these fields. */
export interface Part2Settings {
	/** The whole practice is a Part 2 program: every client's records are Part 2. */
	part2Program?: boolean;
	part2Notice?: { statement: 1 | 2; statement1: string; statement2: string };
}

/** Statement 1 unless the administrator chose the short form. */
export function noticeStatement(settings?: Part2Settings): 1 | 2 {
	return settings?.part2Notice?.statement === 2 ? 2 : 1;
}

/** The chosen statement, in the administrator's edited words when they wrote any. */
export function noticeText(settings?: Part2Settings): string {
	const notice = settings?.part2Notice;
	if (noticeStatement(settings) === 2) return notice?.statement2?.trim() || PART2_STATEMENT_2;
	return notice?.statement1?.trim() || PART2_NOTICE;
}

/** A client's records are Part 2 when the client is flagged or the whole practice is a Part 2 program. */
export function isPart2(client: Pick<Client, 'part2'>, settings?: Part2Settings): boolean {
	return client.part2 || settings?.part2Program === true;
}
