import { useRef, useState, type FormEvent } from 'react';
import { InviteFormSchema, type InviteFormValues } from '../utils/invite-form-schema';

/** The form's rule about `selected` (see `InviteFormSchema`): its message, or undefined when the values pass. */
export function validateInviteForm(values: InviteFormValues): string | undefined {
  const result = InviteFormSchema.safeParse(values);
  return result.success
    ? undefined
    : result.error.issues.find((issue) => issue.path[0] === 'selected')?.message;
}

/**
 * The invite form's state: its three values, whether it has been submitted, and the message of its one rule,
 * which is checked on submit and, once submitted, again whenever the caller asks (`{ validate: true }`,
 * `revalidate`). The values live here only; `getValues` reads them as they are now, for callbacks that finish
 * after other changes (a bulk selection). A plain hook rather than react-hook-form: the form has no registered
 * inputs, only these values and one schema, and the library was 12 KB gzip of the event page's first load.
 */
export function useInviteForm(defaultValues: InviteFormValues) {
  // Updated as each change is made, not when React renders it: `getValues` must see the last change.
  const latest = useRef(defaultValues);
  const [values, setValues] = useState(defaultValues);
  const [isSubmitted, setSubmitted] = useState(false);
  const [validationMessage, setValidationMessage] = useState<string | undefined>();

  function setValue<K extends keyof InviteFormValues>(
    name: K,
    value: InviteFormValues[K],
    { validate = false }: { validate?: boolean } = {},
  ) {
    latest.current = { ...latest.current, [name]: value };
    setValues(latest.current);
    if (validate) setValidationMessage(validateInviteForm(latest.current));
  }

  function getValues(): InviteFormValues {
    return latest.current;
  }

  function revalidate() {
    setValidationMessage(validateInviteForm(latest.current));
  }

  /** For the form's submit event: checks the rule, then calls `onValid` with the values, or `onInvalid`. */
  function handleSubmit(
    event: FormEvent,
    onValid: (values: InviteFormValues) => void,
    onInvalid: () => void,
  ) {
    event.preventDefault();
    setSubmitted(true);
    const message = validateInviteForm(latest.current);
    setValidationMessage(message);
    if (message) onInvalid();
    else onValid(latest.current);
  }

  return { values, isSubmitted, validationMessage, setValue, getValues, revalidate, handleSubmit };
}
