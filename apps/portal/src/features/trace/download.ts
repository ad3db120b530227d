// Files the server makes (exports, printed notices) fetched with the session cookie and saved under the server's
// file name; a refusal (problem+json) is thrown as a ProblemError so the screen shows its message, not a file.
import { ProblemError, parseProblem } from '../../api/problem.ts';
import { downloadBytes } from '../../shared/export/export-button.tsx';

export async function downloadFrom(url: string, lang: string, fallbackName: string): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { 'accept-language': lang } });
  if (!res.ok) throw new ProblemError(parseProblem(res.status, await res.json().catch(() => undefined)));
  const bytes = new Uint8Array(await res.arrayBuffer());
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  downloadBytes(bytes, name, res.headers.get('content-type') ?? 'application/octet-stream');
  return name;
}
