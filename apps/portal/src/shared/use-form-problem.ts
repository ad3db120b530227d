import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblemError, type Problem, type ProblemFieldError } from '../api/problem.ts';
import { applyProblemToForm, type ApplyOptions, type NamePath } from './apply-problem-to-form.ts';

export interface FormProblemState {
  readonly problem: Problem | null;
  readonly unmatched: ProblemFieldError[];
  /** Shows an error from a mutation: field errors on their fields, the rest in the alert. Returns the fields hit. */
  readonly report: (err: unknown) => NamePath[];
  readonly clear: () => void;
}

export function useFormProblem(form: FormInstance, options: Omit<ApplyOptions, 'lang'> = {}): FormProblemState {
  const { i18n } = useTranslation();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const { map } = options;
  const report = useCallback(
    (err: unknown): NamePath[] => {
      if (!isProblemError(err)) {
        setProblem({ status: 0, code: 'NETWORK_ERROR', detail: String(err) });
        setUnmatched([]);
        return [];
      }
      const applied = applyProblemToForm(form, err.problem, { ...(map ? { map } : {}), lang: i18n.resolvedLanguage ?? 'vi' });
      setProblem(err.problem);
      setUnmatched(applied.unmatched);
      return applied.fields;
    },
    [form, map, i18n],
  );
  const clear = useCallback(() => {
    setProblem(null);
    setUnmatched([]);
  }, []);
  return { problem, unmatched, report, clear };
}
