/**
 * A labelled text input whose problem is said in our words below it (the
 * browser's own "Please fill out this field" is English whatever the UI
 * says, so forms are `noValidate` and check themselves).
 */
import { useId, type InputHTMLAttributes } from 'react';

export function TextField({
  label,
  problem,
  ...input
}: { label: string; problem?: string | undefined } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <label className={problem ? 'field field-invalid' : 'field'}>
      {label}
      <input
        {...input}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      {problem ? (
        <span className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      ) : null}
    </label>
  );
}

/** Focuses the first field a form marked invalid (after React has drawn the marks). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus());
}
