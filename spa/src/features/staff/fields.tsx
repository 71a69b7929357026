import { useId, type ReactNode } from 'react';
import type { Problem } from '../../shared/api';
import { fieldErrors } from '../../shared/ProblemAlert';

interface Common {
  /** The API's field path, for its messages (e.g. `venue.address`). */
  name: string;
  label: string;
  hint?: string;
  problem?: Problem | null;
  disabled?: boolean;
  required?: boolean;
}

/** Label, hint and the API's messages for one field, tied to the control with aria-describedby. */
function useField({ name, hint, problem }: Common) {
  const id = useId();
  const errors = fieldErrors(problem, name);
  const describedBy = [hint ? `${id}-hint` : '', errors ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const extras = (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors && (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
    </>
  );
  return { id, describedBy, invalid: errors ? true : undefined, extras };
}

export function TextField(
  props: Common & { value: string; onChange: (value: string) => void; type?: string; multiline?: boolean; rows?: number; min?: number },
) {
  const f = useField(props);
  const shared = {
    id: f.id,
    value: props.value,
    disabled: props.disabled,
    required: props.required,
    'aria-invalid': f.invalid,
    'aria-describedby': f.describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={f.id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...shared} rows={props.rows ?? 4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...shared} type={props.type ?? 'text'} min={props.min} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {f.extras}
    </div>
  );
}

export function SelectField(props: Common & { value: string; onChange: (value: string) => void; children: ReactNode }) {
  const f = useField(props);
  return (
    <div className="field">
      <label htmlFor={f.id}>{props.label}</label>
      <select
        id={f.id}
        value={props.value}
        disabled={props.disabled}
        required={props.required}
        aria-invalid={f.invalid}
        aria-describedby={f.describedBy}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.children}
      </select>
      {f.extras}
    </div>
  );
}
