import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List state (search, filters, sort, page) kept in the URL, so that a reload, the back button or a shared link
 * shows the same list. Changing anything but the page goes back to page 1.
 */
export function useSearchState<K extends string>(defaults: Readonly<Record<K, string>>) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out: Record<K, string> = { ...defaults };
    for (const key of Object.keys(defaults) as K[]) {
      const v = params.get(key);
      if (v !== null) out[key] = v;
    }
    return out;
  }, [params, defaults]);
  const update = useCallback(
    (patch: Partial<Record<K | 'page', string | number | null | undefined>>) => {
      setParams(
        () => {
          // From the URL as it is now: react-router hands a functional update the parameters of the last render,
          // so of two changes made before a re-render the second would drop the first.
          const next = new URLSearchParams(window.location.search);
          for (const [key, value] of Object.entries(patch) as [string, string | number | null | undefined][]) {
            const d = (defaults as Record<string, string>)[key];
            if (value === undefined || value === null || value === '' || String(value) === d) next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams, defaults],
  );
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  return { values, page, update };
}
