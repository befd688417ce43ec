import { Box, Button, HStack, Text } from "@chakra-ui/react";
import { useState, useSyncExternalStore } from "react";
import { updates } from "../lib/pwa-update";

/**
 * Says when a new version of the app is ready and reloads into it on request. The live region is
 * always in the page so screen readers announce the offer when it appears; it never takes focus.
 */
export function UpdatePrompt() {
  const offer = useSyncExternalStore(updates.subscribe, updates.getSnapshot);
  const [failed, setFailed] = useState(false);
  return (
    <Box role="status" aria-live="polite">
      {offer.ready && (
        <Box
          position="fixed"
          insetX="3"
          bottom="3"
          mx="auto"
          maxW="sm"
          zIndex="toast"
          bg="bg.panel"
          borderWidth="1px"
          rounded="lg"
          shadow="lg"
          p="3"
        >
          <Text fontWeight="medium">A new version of Content Creator is ready.</Text>
          {failed && (
            <Text fontSize="sm" color="fg.error">
              It couldn't start. Close the app and open it again to get it.
            </Text>
          )}
          <HStack mt="2" gap="2" justify="end">
            <Button size="sm" variant="ghost" onClick={() => updates.dismiss()}>
              Later
            </Button>
            <Button
              size="sm"
              colorPalette="blue"
              loading={offer.applying}
              loadingText="Reloading…"
              onClick={() => {
                setFailed(false);
                updates.apply().catch(() => setFailed(true));
              }}
            >
              Reload
            </Button>
          </HStack>
        </Box>
      )}
    </Box>
  );
}
