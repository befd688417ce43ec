import { Box, Button, Field, Flex, Stack, Text, Textarea } from "@chakra-ui/react";
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { insertMention, mentionAt, mentionedUids, suggestions, type Mentionable } from "../../lib/mentions";

/**
 * A comment being written: plain text with @mentions of the project's members. Typing @ and the
 * start of a name offers the members who match; choosing one (click, or arrows and Enter) writes
 * @Name and remembers the uid, which is sent if the mention is still in the text.
 */
export function CommentComposer({
  label,
  people,
  initial = "",
  initialMentions = [],
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: {
  label: string;
  people: Mentionable[];
  initial?: string;
  initialMentions?: Mentionable[];
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: string, mentions: string[]) => void;
  onCancel?: () => void;
}) {
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [chosen, setChosen] = useState<Mentionable[]>(initialMentions);
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once a chosen mention is on screen. It is placed in the same commit as the
  // new text, before the browser handles another key: placed a frame later, it would move back over
  // whatever was typed in between (a background tab may not paint for a long while).
  const caretAfterMention = useRef<number | null>(null);
  const listId = useId();
  const at = mentionAt(text, caret);
  const offered = at ? suggestions(people, at.query) : [];
  const open = offered.length > 0;
  const body = text.trim();
  const tooLong = body.length > 5000;

  function choose(person: Mentionable) {
    if (!at) return;
    const next = insertMention(text, at.start, caret, person);
    setText(next.text);
    setCaret(next.caret);
    setChosen((list) => (list.some((p) => p.uid === person.uid) ? list : [...list, person]));
    setActive(0);
    caretAfterMention.current = next.caret;
  }

  useLayoutEffect(() => {
    const to = caretAfterMention.current;
    if (to === null || !ref.current) return;
    caretAfterMention.current = null;
    ref.current.focus();
    ref.current.setSelectionRange(to, to);
  });

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : offered.length - 1)) % offered.length);
    } else if (open && (event.key === "Enter" || event.key === "Tab")) {
      event.preventDefault();
      choose(offered[Math.min(active, offered.length - 1)]);
    } else if (open && event.key === "Escape") {
      event.preventDefault();
      setCaret(-1);
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && body && !tooLong) {
      event.preventDefault();
      onSubmit(body, mentionedUids(body, chosen));
    }
  }

  return (
    <Stack
      as="form"
      gap="2"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        if (body && !tooLong) onSubmit(body, mentionedUids(body, chosen));
      }}
    >
      <Field.Root invalid={tooLong}>
        <Field.Label srOnly>{label}</Field.Label>
        <Box position="relative" w="full">
          <Textarea
            ref={ref}
            value={text}
            rows={3}
            aria-label={label}
            placeholder="Write a comment; @ mentions a member"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open ? `${listId}-${Math.min(active, offered.length - 1)}` : undefined}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
              setText(event.target.value);
              setCaret(event.target.selectionStart ?? event.target.value.length);
              setActive(0);
            }}
            onSelect={(event: React.SyntheticEvent<HTMLTextAreaElement>) => setCaret(event.currentTarget.selectionStart ?? 0)}
            onKeyDown={keyDown}
          />
          {open && (
            <Box
              as="ul"
              id={listId}
              role="listbox"
              aria-label="Members to mention"
              position="absolute"
              zIndex="dropdown"
              left="0"
              right="0"
              top="100%"
              mt="1"
              bg="bg"
              borderWidth="1px"
              rounded="md"
              shadow="md"
              listStyleType="none"
              maxH="48"
              overflowY="auto"
            >
              {offered.map((person, i) => (
                <Box
                  as="li"
                  key={person.uid}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  px="3"
                  py="2"
                  cursor="pointer"
                  bg={i === active ? "bg.muted" : undefined}
                  onMouseDown={(event: React.MouseEvent) => {
                    event.preventDefault();
                    choose(person);
                  }}
                >
                  {person.name}
                </Box>
              ))}
            </Box>
          )}
        </Box>
        {tooLong && <Field.ErrorText>A comment may have at most 5000 characters.</Field.ErrorText>}
      </Field.Root>
      <Flex gap="2" wrap="wrap" align="center">
        <Button type="submit" size="sm" loading={pending} disabled={!body || tooLong}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Text fontSize="xs" color="fg.muted" hideBelow="md">
          Ctrl+Enter sends
        </Text>
      </Flex>
    </Stack>
  );
}
