import { Heading, type HeadingProps } from "@chakra-ui/react";
import { useEffect, useRef } from "react";

let focusWanted = false;

/** Asks the next screen title that appears to take the focus (after moving to a screen still loading). */
export function requestTitleFocus(): void {
  focusWanted = true;
}

/** The screen's one h1; it also names the browser tab. Focusable so route changes can move focus here. */
export function PageTitle({ children, tabTitle, ...props }: HeadingProps & { tabTitle?: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${tabTitle ?? children} · Content Creator`;
  }, [children, tabTitle]);
  useEffect(() => {
    if (!focusWanted) return;
    focusWanted = false;
    ref.current?.focus();
  }, []);
  return (
    <Heading as="h1" ref={ref} size={{ base: "xl", md: "2xl" }} tabIndex={-1} outline="none" {...props}>
      {children}
    </Heading>
  );
}
