import { Field, Flex, Input } from "@chakra-ui/react";

/** How many items of a run go at once, and the most a run may cost. */
export function CapsFields({
  maxConcurrent,
  budget,
  onMaxConcurrent,
  onBudget,
  errors,
}: {
  maxConcurrent: string;
  budget: string;
  onMaxConcurrent: (value: string) => void;
  onBudget: (value: string) => void;
  errors: { maxConcurrent?: string; budget?: string };
}) {
  return (
    <Flex gap="3" wrap="wrap" align="start">
      <Field.Root required invalid={Boolean(errors.maxConcurrent)} flex="1 1 12rem">
        <Field.Label>Items at once</Field.Label>
        <Input type="number" inputMode="numeric" min={1} max={32} value={maxConcurrent} onChange={(e) => onMaxConcurrent(e.target.value)} />
        <Field.HelperText>1 to 32. Fewer at once is gentler on the provider.</Field.HelperText>
        <Field.ErrorText>{errors.maxConcurrent}</Field.ErrorText>
      </Field.Root>
      <Field.Root invalid={Boolean(errors.budget)} flex="1 1 12rem">
        <Field.Label>Budget per run (US$)</Field.Label>
        <Input inputMode="decimal" value={budget} placeholder="No budget" onChange={(e) => onBudget(e.target.value)} autoComplete="off" />
        <Field.HelperText>A run stops starting items once its estimated cost reaches this. Empty: no budget.</Field.HelperText>
        <Field.ErrorText>{errors.budget}</Field.ErrorText>
      </Field.Root>
    </Flex>
  );
}
