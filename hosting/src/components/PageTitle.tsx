import { Heading, type HeadingProps } from "@chakra-ui/react";
import { useEffect } from "react";

/** The screen's one h1; it also names the browser tab. Focusable so route changes can move focus here. */
export function PageTitle({ children, tabTitle, ...props }: HeadingProps & { tabTitle?: string; children: string }) {
  useEffect(() => {
    document.title = `${tabTitle ?? children} · Content Creator`;
  }, [children, tabTitle]);
  return (
    <Heading as="h1" size={{ base: "xl", md: "2xl" }} tabIndex={-1} outline="none" {...props}>
      {children}
    </Heading>
  );
}
