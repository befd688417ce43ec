import { Box, Field, Input, Stack, Text } from "@chakra-ui/react";
import { useId } from "react";
import { renderTemplate, variableLabel } from "../../lib/template-form";
import { ChoiceSelect, sameWords } from "../ChoiceSelect";
import type { Template, TemplateVariable } from "../../lib/api-types";

/** The chosen template's variables, each typed, and the prompt they make. */
export function TemplateFields({
  template,
  values,
  errors,
  onValue,
}: {
  template: Template;
  values: Record<string, string>;
  errors: Record<string, string>;
  onValue: (name: string, value: string) => void;
}) {
  const preview = `${useId()}-preview`;
  const variables = template.variables ?? [];
  return (
    <Stack as="fieldset" gap="3" borderWidth="1px" rounded="md" p="3">
      <Text as="legend" px="1" fontWeight="medium" fontSize="sm">
        {template.name}
      </Text>
      {variables.length === 0 && <Text fontSize="sm">This template has nothing to fill in.</Text>}
      {variables.map((variable) => (
        <VariableField
          key={variable.name}
          variable={variable}
          value={values[variable.name] ?? ""}
          error={errors[`variable:${variable.name}`]}
          onChange={(next) => onValue(variable.name, next)}
        />
      ))}
      <Box>
        <Text fontSize="xs" color="fg.muted" mb="1" id={preview}>
          The prompt it makes
        </Text>
        <Text fontSize="sm" bg="bg.muted" rounded="md" p="2" aria-labelledby={preview} css={{ overflowWrap: "anywhere" }}>
          {renderTemplate(template, values) || "…"}
        </Text>
      </Box>
    </Stack>
  );
}

function VariableField({
  variable,
  value,
  error,
  onChange,
}: {
  variable: TemplateVariable;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const key = `variable:${variable.name}`;
  return (
    <Field.Root required={variable.required} invalid={Boolean(error)}>
      <Field.Label>
        {variableLabel(variable.name)}
        <Field.RequiredIndicator />
      </Field.Label>
      {variable.type === "choice" ? (
        <ChoiceSelect
          data-field={key}
          value={value}
          onChange={onChange}
          empty={variable.required ? undefined : "(none)"}
          choices={sameWords(variable.choices ?? [])}
        />
      ) : (
        <Input
          data-field={key}
          value={value}
          inputMode={variable.type === "number" ? "decimal" : undefined}
          maxLength={variable.maxLength ?? undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error ? <Field.ErrorText>{error}</Field.ErrorText> : variable.type === "number" ? <Field.HelperText>A number.</Field.HelperText> : null}
    </Field.Root>
  );
}
