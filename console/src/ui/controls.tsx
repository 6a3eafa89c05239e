import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { Problem } from './errors';

/**
 * Form controls with their label, hint and the server's message for their field, tied together
 * for screen readers (label `for`, `aria-describedby`, `aria-invalid`).
 */
interface FieldProps {
  label: string;
  hint?: string;
  problem?: Problem;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ComponentChildren;
}

export function Field({ label, hint, problem, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div class={problem ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(problem ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p class="problem" id={`${id}-problem`}>
          {problem.message}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value' | 'label'> & {
  label: string;
  hint?: string;
  problem?: Problem;
  value: string;
  onValue: (value: string) => void;
};

export function TextField({ label, hint, problem, value, onValue, ...rest }: InputProps) {
  return (
    <Field label={label} hint={hint} problem={problem}>
      {(aria) => <input {...rest} {...aria} value={value} onInput={(event) => onValue(event.currentTarget.value)} />}
    </Field>
  );
}

type AreaProps = Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'onInput' | 'value' | 'label'> & {
  label: string;
  hint?: string;
  problem?: Problem;
  value: string;
  onValue: (value: string) => void;
};

export function TextAreaField({ label, hint, problem, value, onValue, ...rest }: AreaProps) {
  return (
    <Field label={label} hint={hint} problem={problem}>
      {(aria) => <textarea {...rest} {...aria} value={value} onInput={(event) => onValue(event.currentTarget.value)} />}
    </Field>
  );
}

interface SelectProps {
  label: string;
  hint?: string;
  problem?: Problem;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ label, hint, problem, value, onValue, options }: SelectProps) {
  return (
    <Field label={label} hint={hint} problem={problem}>
      {(aria) => (
        <select {...aria} value={value} onChange={(event) => onValue(event.currentTarget.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ label, checked, onChecked }: { label: string; checked: boolean; onChecked: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div class="field field-checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChecked(event.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

/** The problems no field of the form shows, as an alert read out when they appear. */
export function ProblemList({ problems, shownFields = [] }: { problems: Problem[]; shownFields?: string[] }) {
  const rest = problems.filter((problem) => !problem.field || !shownFields.includes(problem.field));
  if (rest.length === 0) return null;
  return (
    <div class="problems" role="alert">
      <ul>
        {rest.map((problem, index) => (
          <li key={index}>{problem.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The first problem blamed on a field (its first path segment: `windows[0].endsAt` blames `windows`). */
export function problemFor(problems: Problem[], field: string): Problem | undefined {
  return problems.find((problem) => problem.field === field || problem.field?.split(/[.[]/)[0] === field);
}

/** A short message read out politely when it changes: "Saved.", "Published.". */
export function Status({ children }: { children?: ComponentChildren }) {
  return (
    <p class="status" role="status">
      {children}
    </p>
  );
}
