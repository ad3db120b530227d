import type { Gs1Error } from '../errors.ts';
import { ENGINE_MESSAGES } from './engine-messages.ts';
import { LINTER_MESSAGES } from './linter-messages.ts';
import { TOOLKIT_MESSAGES } from './toolkit-messages.ts';

/** The message catalogue: every error kind with its Vietnamese and English text. */
export const GS1_MESSAGES: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  ...LINTER_MESSAGES,
  ...ENGINE_MESSAGES,
  ...TOOLKIT_MESSAGES,
};

const AT = { vi: ' (vị trí {position})', en: ' (position {position})' };
const UNKNOWN = { vi: 'Lỗi dữ liệu GS1 ({code}).', en: 'GS1 data error ({code}).' };

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The user-facing message for an error, in Vietnamese or English, with its AI and position filled in. */
export function gs1Message(error: Gs1Error, lang: 'vi' | 'en'): string {
  const entry = Object.hasOwn(GS1_MESSAGES, error.code) ? GS1_MESSAGES[error.code] : undefined;
  const values: Record<string, string> = { code: error.code, ai: error.ai ?? '?', ...(error.params ?? {}) };
  let text = fill(entry ? entry[lang === 'vi' ? 0 : 1] : UNKNOWN[lang], values);
  if (error.ai !== undefined && !text.includes(`(${error.ai})`)) text = `AI (${error.ai}): ${text}`;
  if (error.position !== undefined) {
    const stop = text.endsWith('.') ? '.' : '';
    text = text.slice(0, text.length - stop.length) + fill(AT[lang], { position: String(error.position) }) + stop;
  }
  return text;
}
