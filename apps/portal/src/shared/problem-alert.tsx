import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLIENT_PROBLEM_CODES, problemText, type Problem, type ProblemFieldError } from '../api/problem.ts';

export interface ProblemAlertProps {
  readonly problem: Problem | null | undefined;
  /** Field errors to list under the message (those that no form field shows); default: all of them. */
  readonly fieldErrors?: readonly ProblemFieldError[];
  readonly onClose?: () => void;
  readonly className?: string;
}

/** A problem+json answer shown to a person: its message in the current language and its field errors. */
export function ProblemAlert({ problem, fieldErrors, onClose, className }: ProblemAlertProps) {
  const { t, i18n } = useTranslation();
  if (!problem) return null;
  const lang = i18n.resolvedLanguage ?? 'vi';
  const message =
    problem.code === CLIENT_PROBLEM_CODES.network
      ? t('common:problem.network')
      : problem.code === CLIENT_PROBLEM_CODES.unreadable
        ? t('common:problem.unreadable', { status: problem.status })
        : problemText(problem, lang);
  const list = fieldErrors ?? problem.errors ?? [];
  return (
    <Alert
      className={className}
      type="error"
      showIcon
      role="alert"
      title={message}
      description={
        list.length ? (
          <ul className="problem-list">
            {list.map((e) => (
              <li key={`${e.pointer}:${e.code}`}>{problemText(e, lang)}</li>
            ))}
          </ul>
        ) : undefined
      }
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 16 }}
    />
  );
}
