import { Button, Flex, Skeleton, Stack, Text } from "@chakra-ui/react";
import type { UseQueryResult } from "@tanstack/react-query";
import { Link as RouterLink } from "react-router";
import { ApiError, messageOf } from "../lib/problem";
import { PageTitle } from "./PageTitle";

/**
 * What a page shows while the one thing it is about loads, or, when it can't be opened, why, with a
 * way to try again (not for something missing or not theirs: 403 and 404 look the same) and a way
 * back. Renders nothing once the query has its data.
 */
export function NotReady({
  query,
  missingTitle,
  failedTitle,
  back,
  backLabel,
  skeletonHeight = "40",
}: {
  query: UseQueryResult<unknown>;
  missingTitle: string;
  failedTitle: string;
  back: string;
  backLabel: string;
  skeletonHeight?: string;
}) {
  if (query.isPending) {
    return (
      <Stack gap="4" aria-busy="true">
        <Skeleton h="10" w="60%" />
        <Skeleton h={skeletonHeight} />
      </Stack>
    );
  }
  if (query.isError) {
    const missing = query.error instanceof ApiError && [403, 404].includes(query.error.status);
    return (
      <Stack gap="4" align="start">
        <PageTitle>{missing ? missingTitle : failedTitle}</PageTitle>
        <Text color="fg.muted">{messageOf(query.error)}</Text>
        <Flex gap="2" wrap="wrap">
          {!missing && <Button onClick={() => query.refetch()}>Try again</Button>}
          <Button asChild variant="outline">
            <RouterLink to={back}>{backLabel}</RouterLink>
          </Button>
        </Flex>
      </Stack>
    );
  }
  return null;
}
