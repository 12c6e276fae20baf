// A static single-page app: everything renders in the browser, where the vault lives.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
