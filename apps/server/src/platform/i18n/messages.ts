// Server-side message catalogue. Every user-facing text the server produces (errors, e-mails, notifications)
// is a code with a Vietnamese and an English text; modules register their own codes with `defineMessages`.
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export interface Message {
  readonly vi: string;
  readonly en: string;
}

const catalogue = new Map<string, Message>();

/** Registers messages; `{name}` placeholders are filled from params. Codes are unique across the server. */
export function defineMessages<const T extends Record<string, Message>>(messages: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, message] of Object.entries(messages)) {
    const existing = catalogue.get(code);
    if (existing && (existing.vi !== message.vi || existing.en !== message.en)) {
      throw new Error(`message code ${code} is defined twice with different texts`);
    }
    catalogue.set(code, message);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export function hasMessage(code: string): boolean {
  return catalogue.has(code);
}

export function allMessageCodes(): string[] {
  return [...catalogue.keys()];
}

function fill(template: string, params: Readonly<Record<string, unknown>> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function translate(code: string, lang: Lang, params?: Readonly<Record<string, unknown>>): string {
  const message = catalogue.get(code);
  if (!message) return code;
  return fill(message[lang], params);
}

export function translateBoth(code: string, params?: Readonly<Record<string, unknown>>): Message {
  return { vi: translate(code, 'vi', params), en: translate(code, 'en', params) };
}

/** Picks the language: explicit `lang` (query or cookie) first, then Accept-Language, then Vietnamese. */
export function negotiateLang(explicit: string | undefined, acceptLanguage: string | undefined): Lang {
  if (explicit === 'vi' || explicit === 'en') return explicit;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...rest] = part.trim().split(';');
        const q = rest.find((r) => r.trim().startsWith('q='));
        return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
      })
      .filter((x) => x.q > 0)
      .sort((a, b) => b.q - a.q);
    for (const { tag } of ranked) {
      if (tag.startsWith('vi')) return 'vi';
      if (tag.startsWith('en')) return 'en';
    }
  }
  return 'vi';
}
