/** The one rule a passphrase must meet; the strength hint only advises beyond it. */
export const MIN_PASSPHRASE_LENGTH_CHARS = 12;
