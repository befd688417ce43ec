import { Alert, Box, Button, Field, Flex, Input, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { IssuedShare, SharePermission } from "../lib/api-types";
import { messageOf } from "../lib/problem";
import { createShare } from "../lib/shares-api";
import { EXPIRY_DAYS, expiresAtFor, PERMISSIONS, shareFormErrors, shareUrl } from "../lib/shares";
import { useApi } from "../session";
import { ChoiceSelect } from "./ChoiceSelect";
import { Dialog } from "./Dialog";
import { CopyButton } from "./CopyButton";

/**
 * Makes a share link for `contentIds` (one item, or a gallery): what the holder may do, how long it
 * lives, an optional password and a label; then shows the link once, with a button to copy it.
 */
export function ShareDialog({
  projectId,
  contentIds,
  open,
  onClose,
}: {
  projectId: string;
  contentIds: string[];
  open: boolean;
  onClose: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [permission, setPermission] = useState<SharePermission>("view");
  const [days, setDays] = useState("14");
  const [password, setPassword] = useState("");
  const [label, setLabel] = useState("");
  const errors = shareFormErrors({ password, label, contentIds });
  const make = useMutation({
    mutationFn: () =>
      createShare(api, projectId, {
        contentIds,
        permission,
        expiresAt: expiresAtFor(new Date(), Number(days)),
        label: label.trim(),
        ...(password.trim() ? { password: password.trim() } : {}),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["shares", projectId] }),
  });
  const close = () => {
    make.reset();
    setPassword("");
    onClose();
  };
  const issued: IssuedShare | undefined = make.data;
  const url = issued ? shareUrl(window.location.origin, issued.path) : "";
  return (
    <Dialog open={open} title={contentIds.length > 1 ? `Share ${contentIds.length} items` : "Share this item"} onClose={close}>
      {issued ? (
        <Stack gap="3">
          <Text>Anyone with this link can open it without an account until {new Date(issued.expiresAt).toLocaleDateString()}.</Text>
          <Alert.Root status="warning" size="sm">
            <Alert.Indicator />
            <Alert.Title>Copy it now: the link is shown only this once.</Alert.Title>
          </Alert.Root>
          <Input readOnly value={url} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
          <Flex gap="2" justify="flex-end">
            <CopyButton colorPalette="blue" text={url} label="Copy link" />
            <Button variant="outline" onClick={close}>
              Done
            </Button>
          </Flex>
        </Stack>
      ) : (
        <Box
          as="form"
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            if (Object.keys(errors).length === 0) make.mutate();
          }}
        >
          <Stack gap="3">
            <Field.Root>
              <Field.Label>Guests may</Field.Label>
              <ChoiceSelect
                choices={PERMISSIONS.map((p) => [p.value, p.label] as const)}
                value={permission}
                onChange={(v) => setPermission(v as SharePermission)}
              />
              <Field.HelperText>{PERMISSIONS.find((p) => p.value === permission)?.help}</Field.HelperText>
            </Field.Root>
            <Field.Root>
              <Field.Label>Link works for</Field.Label>
              <ChoiceSelect choices={EXPIRY_DAYS.map((d) => [String(d), d === 1 ? "1 day" : `${d} days`] as const)} value={days} onChange={setDays} />
            </Field.Root>
            <Field.Root invalid={Boolean(errors.password)}>
              <Field.Label>Password (optional)</Field.Label>
              <Input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
              <Field.ErrorText>{errors.password}</Field.ErrorText>
            </Field.Root>
            <Field.Root invalid={Boolean(errors.label)}>
              <Field.Label>Label (guests see it)</Field.Label>
              <Input value={label} maxLength={100} placeholder="Client review" onChange={(e) => setLabel(e.target.value)} />
              <Field.ErrorText>{errors.label}</Field.ErrorText>
            </Field.Root>
            {errors.contentIds && <Text color="fg.error">{errors.contentIds}</Text>}
            {make.isError && (
              <Alert.Root status="error" size="sm" role="alert">
                <Alert.Indicator />
                <Alert.Title>{messageOf(make.error)}</Alert.Title>
              </Alert.Root>
            )}
            <Flex gap="2" justify="flex-end">
              <Button variant="outline" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" colorPalette="blue" loading={make.isPending} disabled={Object.keys(errors).length > 0}>
                Make link
              </Button>
            </Flex>
          </Stack>
        </Box>
      )}
    </Dialog>
  );
}
