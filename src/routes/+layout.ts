// A static site: every page is a shell rendered at build time; the data loads in the browser.
export const prerender = true;
export const ssr = false;
