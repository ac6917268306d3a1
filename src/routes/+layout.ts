// A static site: every page is a shell rendered at build time; the data loads in the browser.
export const prerender = true;
export const ssr = true;
// Each page a folder with its own index.html: a plain static server (no rewrite rules) serves every page and shared link.
export const trailingSlash = 'always';
