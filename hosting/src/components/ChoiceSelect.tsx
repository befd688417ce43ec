import { NativeSelect } from "@chakra-ui/react";
import type { ComponentProps } from "react";

type FieldProps = Omit<ComponentProps<typeof NativeSelect.Field>, "children" | "value" | "onChange">;

/**
 * A native select of `choices` ([value, words]); `empty`, given, is a first choice with the empty
 * value and says what choosing nothing means. Other props go to the select element itself.
 */
export function ChoiceSelect({
  choices,
  empty,
  value,
  onChange,
  size,
  invalid,
  ...field
}: FieldProps & {
  choices: readonly (readonly [string, string])[];
  empty?: string;
  value: string;
  onChange: (value: string) => void;
  size?: ComponentProps<typeof NativeSelect.Root>["size"];
  invalid?: boolean;
}) {
  return (
    <NativeSelect.Root size={size} invalid={invalid}>
      <NativeSelect.Field {...field} value={value} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {choices.map(([choice, words]) => (
          <option key={choice} value={choice}>
            {words}
          </option>
        ))}
      </NativeSelect.Field>
      {/* The chevron is decoration: hidden from assistive technology, so a picture query finds only pictures. */}
      <NativeSelect.Indicator aria-hidden />
    </NativeSelect.Root>
  );
}

/** Choices whose words are their values. */
export function sameWords(values: readonly string[]): [string, string][] {
  return values.map((value) => [value, value]);
}
