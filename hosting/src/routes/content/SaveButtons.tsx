import { Button, Flex } from "@chakra-ui/react";

/** A change form's submit button (busy while it saves) and its way out. */
export function SaveButtons({ label, pending, disabled, onCancel }: { label: string; pending: boolean; disabled?: boolean; onCancel: () => void }) {
  return (
    <Flex gap="2" wrap="wrap">
      <Button type="submit" size="sm" colorPalette="blue" loading={pending} loadingText="Saving…" disabled={disabled}>
        {label}
      </Button>
      <Button size="sm" variant="outline" onClick={onCancel}>
        Cancel
      </Button>
    </Flex>
  );
}
