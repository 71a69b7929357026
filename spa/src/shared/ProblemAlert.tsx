import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from './api';

/**
 * Shows a problem from the API: its title and detail, and each field's messages.
 * It takes focus when it appears so keyboard and screen-reader users hear it at once.
 */
export function ProblemAlert({ problem, fieldLabels = {}, focus = true }: { problem: Problem; fieldLabels?: Record<string, string>; focus?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [problem, focus]);
  const fields = Object.entries(problem.errors);
  return (
    <div className="problem" role="alert" tabIndex={-1} ref={ref}>
      <p className="problem-title">{problem.status === 0 ? t('error.offline') : problem.title}</p>
      {problem.detail && <p>{problem.detail}</p>}
      {fields.length > 0 && (
        <>
          <p>{t('problem.fields')}</p>
          <ul>
            {fields.map(([field, messages]) => (
              <li key={field}>
                {fieldLabels[lowerFirst(field)] ?? fieldLabels[field] ?? field}: {messages.join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The messages for one field (validation keys arrive as "Name" or "name"), for aria-describedby. */
export function fieldErrors(problem: Problem | null | undefined, field: string): string[] | undefined {
  if (!problem) return undefined;
  const lower = lowerFirst(field);
  const match = Object.entries(problem.errors).find(([key]) => lowerFirst(key) === lower);
  return match?.[1];
}

function lowerFirst(value: string) {
  return value.charAt(0).toLowerCase() + value.slice(1);
}
