/** Hands a downloaded body to the browser as a file (a plain link could not send the person's token). */
export function saveFile(body: Blob, fileName: string): void {
  const url = URL.createObjectURL(body);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  URL.revokeObjectURL(url);
}
