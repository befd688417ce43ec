import { Field, Input } from "@chakra-ui/react";
import { useId } from "react";
import { ChoiceSelect } from "../ChoiceSelect";

/** What every provider option field is given: its words, its name in the request, its value and problem. */
interface OptionFieldProps {
  label: string;
  name: string;
  value?: string;
  error?: string;
  onChange: (value: string) => void;
}

/** A free provider option, with suggestions when there are usual values. */
export function OptionInput({
  label,
  name,
  value,
  error,
  onChange,
  suggestions,
  placeholder,
  inputMode,
}: OptionFieldProps & { suggestions?: string[]; placeholder?: string; inputMode?: "numeric" | "decimal" }) {
  const listId = useId();
  return (
    <Field.Root flex="1" minW="36" invalid={Boolean(error)}>
      <Field.Label>{label}</Field.Label>
      <Input
        data-field={name}
        size="sm"
        value={value ?? ""}
        placeholder={placeholder}
        inputMode={inputMode}
        list={suggestions ? listId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
      {error && <Field.ErrorText>{error}</Field.ErrorText>}
    </Field.Root>
  );
}

/** A provider option with a fixed set of values; empty leaves it to the provider. */
export function OptionSelect({ label, name, value, error, onChange, choices }: OptionFieldProps & { choices: [string, string][] }) {
  return (
    <Field.Root flex="1" minW="36" invalid={Boolean(error)}>
      <Field.Label>{label}</Field.Label>
      <ChoiceSelect size="sm" data-field={name} value={value ?? ""} onChange={onChange} empty="The provider's default" choices={choices} />
      {error && <Field.ErrorText>{error}</Field.ErrorText>}
    </Field.Root>
  );
}
