import { Alert, Box, type BoxProps } from "@chakra-ui/react";

/** A message after an action: what happened, or why it didn't. */
export type NoticeValue = { text: string; error: boolean } | null;

/** Where an action's outcome appears; a live region, so screen readers announce it. */
export function NoticeArea({ notice, ...props }: { notice: NoticeValue } & BoxProps) {
  return (
    <Box role="status" aria-live="polite" {...props}>
      {notice && (
        <Alert.Root status={notice.error ? "error" : "success"}>
          <Alert.Indicator />
          <Alert.Title>{notice.text}</Alert.Title>
        </Alert.Root>
      )}
    </Box>
  );
}
