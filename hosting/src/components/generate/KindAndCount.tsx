import { Box, Field, HStack, Input, Text } from "@chakra-ui/react";
import { useId } from "react";
import { ChoiceSelect } from "../ChoiceSelect";
import type { Kind } from "../../lib/api-types";

export const MAX_COUNT = 10;

const KINDS: [Kind, string][] = [
  ["text", "Text"],
  ["image", "Image"],
  ["video", "Video"],
];

/** What to make and how many, with what is wrong with either. */
export function KindAndCount({
  kind,
  count,
  errors,
  demo,
  onKind,
  onCount,
}: {
  kind: Kind;
  count: string;
  errors: Record<string, string>;
  demo: boolean;
  onKind: (kind: Kind) => void;
  onCount: (count: string) => void;
}) {
  const countError = `${useId()}-count-error`;
  const pick = (value: string) => {
    const picked = KINDS.find(([choice]) => choice === value);
    if (picked) onKind(picked[0]);
  };
  return (
    <>
      <HStack gap="3" align="start">
        <Field.Root flex="1">
          <Field.Label>Kind</Field.Label>
          <ChoiceSelect name="kind" data-field="kind" value={kind} onChange={pick} choices={KINDS} />
        </Field.Root>
        <Field.Root w="28" invalid={Boolean(errors.count)}>
          <Field.Label>How many</Field.Label>
          <Input
            name="count"
            data-field="count"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_COUNT}
            aria-describedby={errors.count ? countError : undefined}
            value={count}
            onChange={(e) => onCount(e.target.value)}
          />
        </Field.Root>
      </HStack>
      {errors.count && (
        <Box id={countError} color="fg.error" fontSize="sm" mt="-2" role="alert">
          {errors.count}
        </Box>
      )}
      {errors.kind && (
        <Text color="fg.error" fontSize="sm" mt="-2" role="alert">
          {errors.kind}
        </Text>
      )}
      {kind === "video" && demo && (
        <Text fontSize="sm" color="fg.muted" mt="-2">
          The offline demo makes text and images only; video needs a GoAPI key on the server.
        </Text>
      )}
    </>
  );
}
