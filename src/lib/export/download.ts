/** Offer a file to the user (browser only). */
export function download(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadDataUrl(name: string, dataUrl: string): void {
  const a = Object.assign(document.createElement('a'), { href: dataUrl, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}
