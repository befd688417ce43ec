import { Alert, Box, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { PageTitle } from "../components/PageTitle";
import { useCollabApi } from "../components/useCollabApi";
import { linkify } from "../lib/outbox";
import { ApiError, messageOf } from "../lib/problem";
import { queryKeys } from "../lib/query-keys";

/**
 * For development: the e-mail the server kept in its outbox folder instead of sending
 * (MAILER=outbox), newest first, looked at again every two seconds. Where mail goes to a real
 * server the page says there is none.
 */
export default function DevOutbox() {
  const collab = useCollabApi();
  // Mail is queued and sent by a background task, so a message may land a moment after the page
  // opened: the page looks again every few seconds while it is open.
  const outbox = useQuery({
    queryKey: queryKeys.outbox(),
    queryFn: () => collab.outbox(),
    retry: false,
    refetchOnMount: "always",
    refetchInterval: (query) => (query.state.error ? false : 2000),
  });
  const missing = outbox.error instanceof ApiError && outbox.error.status === 404;
  return (
    <Stack gap="5" maxW="4xl">
      <PageTitle>Development outbox</PageTitle>
      {outbox.isPending && <Skeleton h="24" />}
      {missing && <Text>There is no outbox here: this server sends e-mail through a mail server.</Text>}
      {outbox.isError && !missing && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Title>Couldn't read the outbox. {messageOf(outbox.error)}</Alert.Title>
        </Alert.Root>
      )}
      {outbox.isSuccess && outbox.data.items.length === 0 && <Text color="fg.muted">No e-mail yet.</Text>}
      <Stack as="ul" listStyleType="none" gap="3" aria-label="E-mail messages">
        {outbox.data?.items.map((m) => (
          <Box as="li" key={m.id} bg="bg" borderWidth="1px" rounded="md" p={{ base: "3", md: "4" }}>
            <Text fontWeight="semibold" wordBreak="break-word">
              {m.subject}
            </Text>
            <Text fontSize="sm" color="fg.muted" wordBreak="break-all">
              To {m.to} · {new Date(m.sentAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
            </Text>
            <Box as="pre" mt="2" whiteSpace="pre-wrap" wordBreak="break-word" fontFamily="body" fontSize="sm">
              {linkify(m.text).map((part, i) =>
                part.link ? (
                  <a key={i} href={part.text} style={{ textDecoration: "underline" }}>
                    {part.text}
                  </a>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </Box>
          </Box>
        ))}
      </Stack>
    </Stack>
  );
}
