import { Button, Flex } from "@chakra-ui/react";

/**
 * A choice between a few ways of doing one thing, as pressed and unpressed buttons in a named
 * group: each is reachable with Tab and says whether it is the one chosen.
 */
export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  stretch = false,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  stretch?: boolean;
}) {
  return (
    <Flex role="group" aria-label={label} gap="0" borderWidth="1px" rounded="md" p="1" w={stretch ? "full" : "fit-content"} maxW="full">
      {options.map((option) => (
        <Button
          key={option.value}
          size="sm"
          flex={stretch ? "1" : undefined}
          variant={value === option.value ? "solid" : "ghost"}
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </Button>
      ))}
    </Flex>
  );
}
