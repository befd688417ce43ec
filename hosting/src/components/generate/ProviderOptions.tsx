import { Box, Button, Field, Flex, HStack, Input, Stack } from "@chakra-ui/react";
import { useId } from "react";
import { ASPECT_RATIOS, IMAGE_SIZES, QUALITIES, type OptionFields } from "../../lib/generation";
import { sameWords } from "../ChoiceSelect";
import { OptionInput, OptionSelect } from "./OptionFields";
import type { Kind } from "../../lib/api-types";

/** The fields inside "Provider options", which open when one of them is at fault. */
export const OPTION_FIELDS = new Set(["model", "size", "quality", "aspectRatio", "negativePrompt", "duration", "mode", "maxTokens", "temperature"]);

/** The model, the options of the chosen kind, and whether to make it anew; folded away at first. */
export function ProviderOptions({
  kind,
  open,
  onToggle,
  model,
  models,
  onModel,
  fields,
  onField,
  fresh,
  onFresh,
  errors,
}: {
  kind: Kind;
  open: boolean;
  onToggle: () => void;
  model: string;
  /** The models to suggest, the server's default first. */
  models: string[];
  onModel: (model: string) => void;
  fields: OptionFields;
  onField: (name: keyof OptionFields, value: string) => void;
  fresh: boolean;
  onFresh: (fresh: boolean) => void;
  errors: Record<string, string>;
}) {
  const ids = useId();
  const bind = (name: keyof OptionFields) => ({ name, value: fields[name], error: errors[name], onChange: (value: string) => onField(name, value) });
  return (
    <Box>
      <Button size="xs" variant="ghost" px="1" aria-expanded={open} aria-controls={`${ids}-options`} onClick={onToggle}>
        {open ? "▾" : "▸"} Provider options
      </Button>
      {open && (
        <Stack id={`${ids}-options`} gap="3" mt="2" borderWidth="1px" rounded="md" p="3">
          <Field.Root invalid={Boolean(errors.model)}>
            <Field.Label>Model</Field.Label>
            <Input
              data-field="model"
              list={`${ids}-models`}
              value={model}
              placeholder={models[0] ? `The server's default (${models[0]})` : "The server's default"}
              onChange={(e) => onModel(e.target.value)}
            />
            <datalist id={`${ids}-models`}>
              {models.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            {errors.model ? <Field.ErrorText>{errors.model}</Field.ErrorText> : <Field.HelperText>Leave it empty to use the configured default.</Field.HelperText>}
          </Field.Root>
          {kind === "text" && (
            <HStack gap="3" align="start" wrap="wrap">
              <OptionInput label="Longest answer (tokens)" {...bind("maxTokens")} inputMode="numeric" placeholder="800" />
              <OptionInput label="Temperature (0 to 2)" {...bind("temperature")} inputMode="decimal" placeholder="0.7" />
            </HStack>
          )}
          {kind === "image" && (
            <>
              <HStack gap="3" align="start" wrap="wrap">
                <OptionInput label="Size (pixels)" {...bind("size")} suggestions={IMAGE_SIZES} placeholder="1024x1024" />
                <OptionSelect label="Quality" {...bind("quality")} choices={sameWords(QUALITIES)} />
              </HStack>
              <HStack gap="3" align="start" wrap="wrap">
                <OptionInput label="Shape (Midjourney, Flux)" {...bind("aspectRatio")} suggestions={ASPECT_RATIOS} placeholder="16:9" />
                <OptionInput label="Leave out" {...bind("negativePrompt")} placeholder="text, watermark" />
              </HStack>
            </>
          )}
          {kind === "video" && (
            <HStack gap="3" align="start" wrap="wrap">
              <OptionSelect label="Length" {...bind("duration")} choices={[["5", "5 seconds"], ["10", "10 seconds"]]} />
              <OptionSelect label="Mode" {...bind("mode")} choices={[["std", "Standard"], ["pro", "Pro"]]} />
              <OptionInput label="Shape" {...bind("aspectRatio")} suggestions={ASPECT_RATIOS} placeholder="16:9" />
            </HStack>
          )}
          <Flex as="label" gap="2" align="center" fontSize="sm">
            <input type="checkbox" checked={fresh} onChange={(e) => onFresh(e.target.checked)} />
            Make it anew even if the same request was answered before
          </Flex>
        </Stack>
      )}
    </Box>
  );
}
