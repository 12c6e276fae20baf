// The one place that says which Chromium the tests and the benchmark drive, and how.
// Playwright never downloads a browser here: CHROMIUM_PATH, else Debian's /usr/bin/chromium.
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
	// Any host but localhost fails to resolve, so an accidental request cannot leave the machine.
	'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'
];
