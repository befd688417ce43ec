import { Button, Stack, Text } from "@chakra-ui/react";
import { Link as RouterLink } from "react-router";
import { PageTitle } from "../components/PageTitle";

export default function NotFound() {
  return (
    <Stack gap="4" align="start">
      <PageTitle>Page not found</PageTitle>
      <Text color="fg.muted">There is nothing at this address. It may have moved, or the link has a typo.</Text>
      <Button asChild colorPalette="blue">
        <RouterLink to="/">Go to your projects</RouterLink>
      </Button>
    </Stack>
  );
}
