import { accessToken, type ConsoleConfig } from './auth';
import { SignedOut } from './client';

/** Downloads an export of the API as a file, with the person's token (a plain link cannot send it). */
export async function download(config: ConsoleConfig, path: string, fileName: string): Promise<void> {
  const token = await accessToken(config);
  if (!token) throw new SignedOut();
  const response = await fetch(new URL(path, config.apiUrl || window.location.origin), {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status === 401) throw new SignedOut();
  if (!response.ok) throw new Error(`The export failed (${response.status})`);
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  URL.revokeObjectURL(url);
}
