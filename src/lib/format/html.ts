/** Text made safe to stand in HTML, in an element or a quoted attribute (a body's name comes from its report). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
