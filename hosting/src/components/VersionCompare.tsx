import { Box, Field, Flex, NativeSelect, Text } from "@chakra-ui/react";
import { useMemo } from "react";
import { diffStats, diffWords, type DiffPart } from "../lib/word-diff";
import type { ContentVersion } from "../lib/api-types";

/** Two versions of a text side by side in one reading: removed words struck through, added ones marked. */
export function VersionCompare({
  versions,
  left,
  right,
  onChange,
}: {
  versions: ContentVersion[];
  left: number;
  right: number;
  onChange: (left: number, right: number) => void;
}) {
  const before = versions.find((version) => version.number === left);
  const after = versions.find((version) => version.number === right);
  const parts = useMemo(() => diffWords(before?.text ?? "", after?.text ?? ""), [before, after]);
  const stats = diffStats(parts);
  const choice = (label: string, value: number, set: (n: number) => void) => (
    <Field.Root flex="1" minW="36">
      <Field.Label>{label}</Field.Label>
      <NativeSelect.Root size="sm">
        <NativeSelect.Field value={String(value)} onChange={(event) => set(Number(event.target.value))}>
          {versions.map((version) => (
            <option key={version.number} value={version.number}>
              Version {version.number}
            </option>
          ))}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
    </Field.Root>
  );
  return (
    <Box>
      <Flex gap="3" wrap="wrap" mb="3">
        {choice("Compare", left, (n) => onChange(n, right))}
        {choice("with", right, (n) => onChange(left, n))}
      </Flex>
      <Text fontSize="sm" color="fg.muted" mb="2" aria-live="polite">
        {left === right
          ? "Pick two different versions."
          : stats.added === 0 && stats.removed === 0
            ? "The two versions have the same words."
            : `${stats.removed} ${stats.removed === 1 ? "word" : "words"} removed, ${stats.added} added.`}
      </Text>
      <DiffText before={before?.text ?? ""} after={after?.text ?? ""} label={`Changes from version ${left} to version ${right}`} parts={parts} />
    </Box>
  );
}

/** The words of `before` turned into `after`: removed ones struck through, added ones marked, both named for screen readers. */
export function DiffText({ before, after, label, parts }: { before: string; after: string; label: string; parts?: DiffPart[] }) {
  const shown = useMemo(() => parts ?? diffWords(before, after), [parts, before, after]);
  return (
    <Box
      as="p"
      borderWidth="1px"
      rounded="md"
      p="3"
      whiteSpace="pre-wrap"
      maxH="60dvh"
      overflowY="auto"
      css={{ overflowWrap: "anywhere" }}
      aria-label={label}
    >
      {shown.map((part, index) =>
        part.kind === "same" ? (
          <span key={index}>{part.text}</span>
        ) : (
          <Box
            as={part.kind === "removed" ? "del" : "ins"}
            key={index}
            bg={part.kind === "removed" ? "red.subtle" : "green.subtle"}
            color={part.kind === "removed" ? "red.fg" : "green.fg"}
            textDecoration={part.kind === "removed" ? "line-through" : "none"}
            // A hair of space between a removed run and the added one that replaces it.
            marginInlineEnd={part.kind === "removed" ? "1" : undefined}
          >
            <Text as="span" srOnly>
              {part.kind === "removed" ? "[removed: " : "[added: "}
            </Text>
            {part.text}
            <Text as="span" srOnly>
              ]
            </Text>
          </Box>
        ),
      )}
    </Box>
  );
}
