// Puts the field errors of a problem onto the form fields they name. Problem pointers are JSON pointers into the
// request body (RFC 6901): `/organization/taxCode` names the field ['organization', 'taxCode'] of a form whose
// field names follow the request body. Errors that name no field of the form are returned for a ProblemAlert.
import type { FormInstance } from 'antd';
import { problemText, type Problem, type ProblemFieldError } from '../api/problem.ts';

export type NamePath = (string | number)[];

export interface ApplyOptions {
  /** Pointers whose form field has another name, e.g. `{ '/password': ['newPassword'] }`. */
  readonly map?: Readonly<Record<string, NamePath>>;
  readonly lang?: string;
}

export interface AppliedProblem {
  /** The form fields that received an error, in the order of the problem. */
  readonly fields: NamePath[];
  readonly unmatched: ProblemFieldError[];
}

export function pointerToPath(pointer: string): NamePath {
  if (!pointer || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const keyOf = (path: readonly (string | number)[]) => path.join('\u0000');

export function applyProblemToForm(form: FormInstance, problem: Problem, options: ApplyOptions = {}): AppliedProblem {
  const registered = new Map<string, NamePath>();
  for (const f of form.getFieldsError()) registered.set(keyOf(f.name), f.name as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: ProblemFieldError[] = [];
  for (const error of problem.errors ?? []) {
    let path = options.map?.[error.pointer] ?? pointerToPath(error.pointer);
    // `/organization/sectors/1` belongs to the field `organization.sectors`: drop trailing parts until a field matches.
    while (path.length > 0 && !registered.has(keyOf(path))) path = path.slice(0, -1);
    const message = problemText(error, options.lang ?? '');
    if (path.length === 0) {
      unmatched.push(error);
      continue;
    }
    const key = keyOf(path);
    const entry = byField.get(key) ?? { name: registered.get(key)!, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return { fields: [...byField.values()].map((e) => e.name), unmatched };
}
