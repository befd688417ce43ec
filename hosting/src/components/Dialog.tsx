import { Box, Heading } from "@chakra-ui/react";
import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal built on the browser's <dialog>: showModal() makes the rest of the page inert, so focus
 * stays inside; Escape closes it; focus goes back where it was when it closes.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  wide = false,
  label,
}: {
  open: boolean;
  title?: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** The accessible name when there is no visible title. */
  label?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener("cancel", cancel);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, [open]);
  if (!open) return null;
  return (
    <Box
      as="dialog"
      ref={ref}
      aria-labelledby={title ? titleId : undefined}
      aria-label={title ? undefined : label}
      bg="bg"
      color="fg"
      rounded="lg"
      borderWidth="1px"
      p="0"
      m="auto"
      position="fixed"
      inset="0"
      w={wide ? "min(100vw - 1rem, 72rem)" : "min(100vw - 2rem, 32rem)"}
      maxW="none"
      maxH="calc(100dvh - 1rem)"
      css={{ "&::backdrop": { background: "rgba(0, 0, 0, 0.6)" } }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <Box p={{ base: "4", md: "6" }}>
        {title && (
          <Heading as="h2" id={titleId} size="lg" mb="3">
            {title}
          </Heading>
        )}
        {children}
      </Box>
    </Box>
  );
}
