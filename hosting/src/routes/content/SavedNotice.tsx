import { Alert, Box } from "@chakra-ui/react";
import { useEffect, useRef } from "react";

/**
 * What the last change did ("Renamed."). The form that was just saved is gone, so each new notice
 * (`count` goes up) takes the focus.
 */
export function SavedNotice({ notice, count }: { notice: string; count: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  return (
    <Box aria-live="polite">
      {notice && (
        <Alert.Root status="success" size="sm" tabIndex={-1} ref={ref} outline="none">
          <Alert.Indicator />
          <Alert.Title>{notice}</Alert.Title>
        </Alert.Root>
      )}
    </Box>
  );
}
