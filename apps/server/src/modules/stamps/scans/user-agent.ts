// The family of the browser that scanned, for statistics (which apps consumers scan with). Only the family is
// kept, never the user-agent string (it can single a person out). Order matters: in-app browsers first.
const FAMILIES: readonly [RegExp, string][] = [
  [/bot|crawler|spider|slurp|curl|wget|python|go-http|java\/|okhttp|headless/i, 'bot'],
  [/Zalo/i, 'Zalo'],
  [/FBAN|FBAV|FB_IAB|Messenger/i, 'Facebook'],
  [/coc_coc_browser|CocCoc/i, 'Cốc Cốc'],
  [/SamsungBrowser/i, 'Samsung Internet'],
  [/UCBrowser|UCWEB/i, 'UC Browser'],
  [/OPR\/|Opera/i, 'Opera'],
  [/Edg(e|A|iOS)?\//i, 'Edge'],
  [/Firefox|FxiOS/i, 'Firefox'],
  [/CriOS|Chrome\/.*Mobile|Android.*Chrome/i, 'Chrome mobile'],
  [/Chrome\//i, 'Chrome'],
  [/iPhone|iPad|iPod/i, 'Safari iOS'],
  [/Safari\//i, 'Safari'],
];

export function userAgentFamily(ua: string | undefined): string {
  if (!ua) return 'unknown';
  for (const [pattern, family] of FAMILIES) if (pattern.test(ua)) return family;
  return 'other';
}
