import { Box, Heading, Link, Text } from "@chakra-ui/react";
import { Fragment, type ReactNode } from "react";
import { parseBlocks, type Block, type Inline } from "../lib/text-format";

/**
 * A text shown as formatted reading: headings, lists, quotes and emphasis from its light Markdown.
 * Built from React elements only, so nothing in the text is ever taken as HTML.
 */
export function FormattedText({ text }: { text: string }) {
  const blocks = parseBlocks(text);
  if (blocks.length === 0) return <Text color="fg.muted">This version has no text.</Text>;
  return (
    <Box fontSize={{ base: "md", md: "lg" }} lineHeight="1.7" maxW="70ch" css={{ overflowWrap: "anywhere" }}>
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </Box>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case "heading": {
      // The screen's title is the h1; the text's headings sit below it.
      const level = Math.min(block.level + 1, 6);
      return (
        <Heading as={`h${level}` as "h2"} size={level <= 2 ? "xl" : level === 3 ? "lg" : "md"} mt="5" mb="2">
          <Inlines parts={block.children} />
        </Heading>
      );
    }
    case "paragraph":
      return (
        <Text mb="3" whiteSpace="pre-line">
          <Inlines parts={block.children} />
        </Text>
      );
    case "quote":
      return (
        <Box as="blockquote" borderStartWidth="3px" borderColor="border.emphasized" ps="4" color="fg.muted" mb="3" whiteSpace="pre-line">
          <Inlines parts={block.children} />
        </Box>
      );
    case "code":
      return (
        <Box as="pre" bg="bg.muted" p="3" rounded="md" overflowX="auto" fontSize="sm" mb="3">
          <code>{block.text}</code>
        </Box>
      );
    case "rule":
      return <Box as="hr" my="4" borderColor="border" />;
    case "list":
      return (
        <Box as={block.ordered ? "ol" : "ul"} ps="6" mb="3" listStyleType={block.ordered ? "decimal" : "disc"}>
          {block.items.map((item, index) => (
            <li key={index}>
              <Inlines parts={item} />
            </li>
          ))}
        </Box>
      );
  }
}

function Inlines({ parts }: { parts: Inline[] }): ReactNode {
  return parts.map((part, index) => {
    switch (part.type) {
      case "text":
        return <Fragment key={index}>{part.text}</Fragment>;
      case "code":
        return (
          <Box as="code" key={index} bg="bg.muted" px="1" rounded="sm" fontSize="0.9em">
            {part.text}
          </Box>
        );
      case "strong":
        return (
          <strong key={index}>
            <Inlines parts={part.children} />
          </strong>
        );
      case "em":
        return (
          <em key={index}>
            <Inlines parts={part.children} />
          </em>
        );
      case "link":
        return (
          <Link key={index} href={part.href} target="_blank" rel="noopener noreferrer" colorPalette="blue" textDecoration="underline">
            <Inlines parts={part.children} />
          </Link>
        );
    }
  });
}
