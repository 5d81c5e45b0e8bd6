/**
 * Half-typed text survives a forced sign-in: when the session expires, every registered draft is
 * kept in this tab's sessionStorage until its field reads it back after the sign-in (then it is gone).
 */
const KEY = 'carelink.drafts';
const live = new Map<string, () => string>();

const stored = (): Record<string, string> => JSON.parse(sessionStorage.getItem(KEY) ?? '{}');

/** Registers a field's current text under `id`; returns the unregister function. */
export function registerDraft(id: string, read: () => string): () => void {
  live.set(id, read);
  return () => live.delete(id);
}

/** Keeps every non-empty draft for after the sign-in. */
export function keepDrafts(): void {
  const drafts = stored();
  for (const [id, read] of live) {
    const text = read();
    if (text) drafts[id] = text;
  }
  sessionStorage.setItem(KEY, JSON.stringify(drafts));
}

/** The draft kept for `id` (and forgets it), or an empty string. */
export function takeDraft(id: string): string {
  const drafts = stored();
  const text = drafts[id] ?? '';
  delete drafts[id];
  sessionStorage.setItem(KEY, JSON.stringify(drafts));
  return text;
}
