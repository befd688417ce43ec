import { Badge, type BadgeProps } from "@chakra-ui/react";
import { statusLabel, statusPalette } from "../lib/review";

/** A content item's review state as a coloured badge; a missing state is a draft. */
export function ReviewBadge({ status, ...props }: { status: string | undefined } & BadgeProps) {
  return (
    <Badge variant="subtle" colorPalette={statusPalette(status)} {...props}>
      {statusLabel(status)}
    </Badge>
  );
}
