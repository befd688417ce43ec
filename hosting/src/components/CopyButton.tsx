import { Button, type ButtonProps } from "@chakra-ui/react";
import { useState } from "react";

/** Copies `text` to the clipboard and says "Copied" once it did (a refused clipboard leaves the label as it was). */
export function CopyButton({ text, label, ...props }: { text: string; label: string } & Omit<ButtonProps, "onClick" | "children">) {
  const [copied, setCopied] = useState(false);
  return (
    <Button {...props} onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}>
      {copied ? "Copied" : label}
    </Button>
  );
}
