import { Alert, Badge, Box, Button, Card, Code, Field, Flex, Heading, Input, Skeleton, Stack, Table, Text } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  ALL_PROJECTS,
  authorizationHeader,
  createApiKey,
  KEY_EXPIRY_DAYS,
  keyFormErrors,
  keyScopeLabel,
  keyStatusLabel,
  listApiKeys,
  newKeyBody,
  revokeApiKey,
  rolesFor,
  type KeyForm,
} from "../lib/api-keys";
import type { ApiKey, IssuedApiKey, Role } from "../lib/api-types";
import { relativeTime } from "../lib/content-view";
import { messageOf } from "../lib/problem";
import { queryKeys } from "../lib/query-keys";
import { ROLE_LABELS } from "../lib/roles";
import { useApi } from "../session";
import { ChoiceSelect } from "./ChoiceSelect";
import { Dialog } from "./Dialog";
import { CopyButton } from "./CopyButton";

/** The account screen's API keys: the list with last use and a Revoke button each, and a form to make one. */
export function ApiKeysCard() {
  const api = useApi();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: queryKeys.apiKeys(), queryFn: () => listApiKeys(api) });
  const projects = useQuery({ queryKey: queryKeys.apiKeyProjects(), queryFn: () => api.listProjects(null) });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeApiKey(api, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys() }),
  });
  const [making, setMaking] = useState(false);
  const names = new Map((projects.data?.items ?? []).map((p) => [p.id, p.name] as const));
  const items = keys.data?.items ?? [];
  return (
    <Card.Root as="section" aria-labelledby="api-keys">
      <Card.Body gap="3">
        <Heading as="h2" id="api-keys" size="md">
          API keys
        </Heading>
        <Text fontSize="sm" color="fg.muted">
          A key lets a script or another service call the API as you, with{" "}
          <Code>Authorization: Bearer cck_…</Code>: for one project or all of yours, with a role no higher than yours, until it
          expires or you revoke it. Your limits and usage count its calls.
        </Text>
        <Button alignSelf="start" colorPalette="blue" onClick={() => setMaking(true)}>
          New key
        </Button>
        {revoke.isError && (
          <Alert.Root status="error" size="sm" role="alert">
            <Alert.Indicator />
            <Alert.Title>Couldn't revoke the key. {messageOf(revoke.error)}</Alert.Title>
          </Alert.Root>
        )}
        {keys.isPending ? (
          <Skeleton height="16" />
        ) : keys.isError ? (
          <Text color="fg.error">{messageOf(keys.error)}</Text>
        ) : items.length === 0 ? (
          <Text color="fg.muted">No keys yet.</Text>
        ) : (
          <Box overflowX="auto">
            <Table.Root size="sm">
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeader>Name</Table.ColumnHeader>
                  <Table.ColumnHeader>Reaches</Table.ColumnHeader>
                  <Table.ColumnHeader>Role</Table.ColumnHeader>
                  <Table.ColumnHeader>Last used</Table.ColumnHeader>
                  <Table.ColumnHeader>Expires</Table.ColumnHeader>
                  <Table.ColumnHeader>State</Table.ColumnHeader>
                  <Table.ColumnHeader />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {items.map((k) => (
                  <KeyRow
                    key={k.id}
                    apiKey={k}
                    scope={keyScopeLabel(k, names)}
                    revoking={revoke.isPending && revoke.variables === k.id}
                    onRevoke={() => revoke.mutate(k.id)}
                  />
                ))}
              </Table.Body>
            </Table.Root>
          </Box>
        )}
        <NewKeyDialog open={making} projects={projects.data?.items ?? []} onClose={() => setMaking(false)} />
      </Card.Body>
    </Card.Root>
  );
}

function KeyRow({ apiKey, scope, revoking, onRevoke }: { apiKey: ApiKey; scope: string; revoking: boolean; onRevoke: () => void }) {
  return (
    <Table.Row>
      <Table.Cell>
        {apiKey.name}
        <Text fontSize="xs" color="fg.muted" fontFamily="mono">
          {apiKey.prefix}…
        </Text>
      </Table.Cell>
      <Table.Cell>{scope}</Table.Cell>
      <Table.Cell>{ROLE_LABELS[apiKey.role]}</Table.Cell>
      <Table.Cell>{apiKey.lastUsedAt ? relativeTime(apiKey.lastUsedAt, new Date()) : "never"}</Table.Cell>
      <Table.Cell>{new Date(apiKey.expiresAt).toLocaleDateString()}</Table.Cell>
      <Table.Cell>
        <Badge colorPalette={apiKey.status === "active" ? "green" : "gray"}>{keyStatusLabel(apiKey.status)}</Badge>
      </Table.Cell>
      <Table.Cell>
        {apiKey.status === "active" && (
          <Button size="xs" variant="outline" colorPalette="red" loading={revoking} onClick={onRevoke} aria-label={`Revoke ${apiKey.name}`}>
            Revoke
          </Button>
        )}
      </Table.Cell>
    </Table.Row>
  );
}

/** Make a key: name, project (or all), role up to the person's, expiry; then the key, once, with a copy button. */
function NewKeyDialog({
  open,
  projects,
  onClose,
}: {
  open: boolean;
  projects: { id: string; name: string; role: Role }[];
  onClose: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<KeyForm>({ name: "", projectId: ALL_PROJECTS, role: "viewer", days: 90 });
  const projectRole = form.projectId === ALL_PROJECTS ? null : (projects.find((p) => p.id === form.projectId)?.role ?? "viewer");
  const errors = keyFormErrors(form, projectRole);
  const make = useMutation({
    mutationFn: () => createApiKey(api, newKeyBody(form)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys() }),
  });
  const close = () => {
    make.reset();
    setForm({ name: "", projectId: ALL_PROJECTS, role: "viewer", days: 90 });
    onClose();
  };
  const issued: IssuedApiKey | undefined = make.data;
  return (
    <Dialog open={open} title="New API key" onClose={close}>
      {issued ? (
        <Stack gap="3">
          <Alert.Root status="warning" size="sm">
            <Alert.Indicator />
            <Alert.Title>Copy it now: the key is shown only this once.</Alert.Title>
          </Alert.Root>
          <Input readOnly value={issued.secret} aria-label="API key" fontFamily="mono" onFocus={(e) => e.currentTarget.select()} />
          <Text fontSize="sm" color="fg.muted">
            Send it as <Code>{authorizationHeader("cck_…")}</Code>. It expires on {new Date(issued.expiresAt).toLocaleDateString()}.
          </Text>
          <Flex gap="2" justify="flex-end">
            <CopyButton colorPalette="blue" text={issued.secret} label="Copy key" />
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
            <Field.Root invalid={Boolean(form.name) && Boolean(errors.name)}>
              <Field.Label>Name</Field.Label>
              <Input value={form.name} maxLength={100} placeholder="Publishing script" onChange={(e) => setForm({ ...form, name: e.target.value })} />
              <Field.ErrorText>{errors.name}</Field.ErrorText>
            </Field.Root>
            <Field.Root>
              <Field.Label>Reaches</Field.Label>
              <ChoiceSelect
                choices={[[ALL_PROJECTS, "All your projects"] as const, ...projects.map((p) => [p.id, p.name] as const)]}
                value={form.projectId}
                onChange={(projectId) => {
                  const role = projectId === ALL_PROJECTS ? null : (projects.find((p) => p.id === projectId)?.role ?? "viewer");
                  setForm({ ...form, projectId, role: rolesFor(role).includes(form.role) ? form.role : "viewer" });
                }}
              />
              <Field.HelperText>
                {projectRole
                  ? "Only this project: any other answers as if it did not exist."
                  : "Every project you are in; in each it acts with the lower of its role and yours there."}
              </Field.HelperText>
            </Field.Root>
            <Field.Root invalid={Boolean(errors.role)}>
              <Field.Label>Role</Field.Label>
              <ChoiceSelect
                choices={rolesFor(projectRole).map((r) => [r, ROLE_LABELS[r]] as const)}
                value={form.role}
                onChange={(role) => setForm({ ...form, role: role as Role })}
              />
              <Field.ErrorText>{errors.role}</Field.ErrorText>
            </Field.Root>
            <Field.Root>
              <Field.Label>Expires after</Field.Label>
              <ChoiceSelect
                choices={KEY_EXPIRY_DAYS.map((d) => [String(d), d === 365 ? "1 year" : `${d} days`] as const)}
                value={String(form.days)}
                onChange={(days) => setForm({ ...form, days: Number(days) })}
              />
            </Field.Root>
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
                Make key
              </Button>
            </Flex>
          </Stack>
        </Box>
      )}
    </Dialog>
  );
}
