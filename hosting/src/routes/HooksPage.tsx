import { Alert, Badge, Box, Button, Checkbox, Code, Field, Flex, Input, Skeleton, Stack, Table, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { ProjectShell } from "../components/ProjectShell";
import type { Hook, HookDelivery, IssuedHook, NewHook as NewHookBody, ProjectWithUsage } from "../lib/api-types";
import { relativeTime } from "../lib/content-view";
import { createHook, deleteHook, listDeliveries, listHooks, resendDelivery, rotateHook, testHook, updateHook } from "../lib/hooks-api";
import { canResend, deliveryState, HOOK_EVENTS, hookFormErrors } from "../lib/hooks";
import { messageOf } from "../lib/problem";
import { useApi } from "../session";
import { CopyButton } from "../components/CopyButton";
import { NewForm, useNewForm } from "../components/NewForm";

/** Project settings → Webhooks: the project's outbound webhooks, for its owners. */
export default function HooksPage() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Webhooks">
      {(project) =>
        project.role === "owner" ? (
          <HooksOf project={project} />
        ) : (
          <Text color="fg.muted">Owners tell other systems what happens in this project through webhooks.</Text>
        )
      }
    </ProjectShell>
  );
}

function HooksOf({ project }: { project: ProjectWithUsage }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<IssuedHook | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const hooks = useInfiniteQuery({
    queryKey: ["hooks", project.id],
    queryFn: ({ pageParam }) => listHooks(api, project.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["hooks", project.id] });
  const items = hooks.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="6">
      <NewHook projectId={project.id} onMade={(issued) => { setSecret(issued); refresh(); }} />
      {secret && <SecretOnce issued={secret} onDone={() => setSecret(null)} />}
      {hooks.isPending ? (
        <Skeleton height="24" />
      ) : hooks.isError ? (
        <Text color="fg.error">{messageOf(hooks.error)}</Text>
      ) : items.length === 0 ? (
        <Text color="fg.muted">No webhooks yet.</Text>
      ) : (
        <Stack gap="3">
          {items.map((h) => (
            <HookCard
              key={h.id}
              projectId={project.id}
              hook={h}
              open={open === h.id}
              onToggle={() => setOpen(open === h.id ? null : h.id)}
              onChanged={refresh}
              onSecret={setSecret}
            />
          ))}
        </Stack>
      )}
      {hooks.hasNextPage && (
        <Button variant="outline" size="sm" alignSelf="start" loading={hooks.isFetchingNextPage} onClick={() => void hooks.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Stack>
  );
}

/** The secret of a webhook just made or rotated: shown here once, never again. */
function SecretOnce({ issued, onDone }: { issued: IssuedHook; onDone: () => void }) {
  return (
    <Alert.Root status="warning" role="status">
      <Alert.Indicator />
      <Stack gap="2" flex="1">
        <Alert.Title>Copy the signing secret of {issued.hook.url} now: it is not shown again.</Alert.Title>
        <Code wordBreak="break-all" data-testid="hook-secret">{issued.secret}</Code>
        <Text fontSize="sm">
          Each message carries webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks); verify them with
          this secret.
          {issued.hook.previousSecretUntil && ` The old secret still signs until ${new Date(issued.hook.previousSecretUntil).toLocaleString()}.`}
        </Text>
        <Flex gap="2">
          <CopyButton size="sm" text={issued.secret} label="Copy" />
          <Button size="sm" variant="outline" onClick={onDone}>
            I have stored it
          </Button>
        </Flex>
      </Stack>
    </Alert.Root>
  );
}

function NewHook({ projectId, onMade }: { projectId: string; onMade: (issued: IssuedHook) => void }) {
  const api = useApi();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<NewHookBody["events"]>(["job.completed"]);
  const [description, setDescription] = useState("");
  const errors = hookFormErrors({ url, events, description });
  const form = useNewForm({
    errors,
    send: () => createHook(api, projectId, { url: url.trim(), events, description: description.trim() || undefined }),
    onMade,
    reset: () => {
      setUrl("");
      setDescription("");
    },
  });
  const tried = form.tried;
  return (
    <NewForm form={form} openLabel="New webhook" submitLabel="Make webhook">
      <Field.Root invalid={tried && !!errors.url} required>
        <Field.Label>Address (https)</Field.Label>
        <Input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/webhooks/content-creator" />
        <Field.ErrorText>{errors.url}</Field.ErrorText>
      </Field.Root>
      <Field.Root invalid={tried && !!errors.events}>
        <Field.Label>Events</Field.Label>
        <Stack gap="1">
          {HOOK_EVENTS.map((ev) => (
            <Checkbox.Root
              key={ev.value}
              checked={events.includes(ev.value)}
              onCheckedChange={(c) => setEvents((now) => (c.checked ? [...now, ev.value] : now.filter((x) => x !== ev.value)))}
            >
              <Checkbox.HiddenInput />
              <Checkbox.Control />
              <Checkbox.Label>
                {ev.label} <Text as="span" color="fg.muted">({ev.value})</Text>
              </Checkbox.Label>
            </Checkbox.Root>
          ))}
        </Stack>
        <Field.ErrorText>{errors.events}</Field.ErrorText>
      </Field.Root>
      <Field.Root invalid={tried && !!errors.description}>
        <Field.Label>Description</Field.Label>
        <Input value={description} onChange={(e) => setDescription(e.target.value)} />
        <Field.ErrorText>{errors.description}</Field.ErrorText>
      </Field.Root>
    </NewForm>
  );
}

function HookCard({ projectId, hook, open, onToggle, onChanged, onSecret }: {
  projectId: string;
  hook: Hook;
  open: boolean;
  onToggle: () => void;
  onChanged: () => void;
  onSecret: (issued: IssuedHook) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const deliveriesKey = ["hook-deliveries", projectId, hook.id];
  const act = useMutation({
    mutationFn: async (what: "test" | "rotate" | "toggle" | "delete") => {
      if (what === "test") await testHook(api, projectId, hook.id);
      if (what === "rotate") onSecret(await rotateHook(api, projectId, hook.id));
      if (what === "toggle") await updateHook(api, projectId, hook.id, { enabled: !hook.enabled });
      if (what === "delete") await deleteHook(api, projectId, hook.id);
    },
    onSuccess: () => {
      onChanged();
      void queryClient.invalidateQueries({ queryKey: deliveriesKey });
    },
  });
  return (
    <Box borderWidth="1px" rounded="md" p="3">
      <Flex gap="2" wrap="wrap" align="center">
        <Text fontWeight="medium" wordBreak="break-all">{hook.url}</Text>
        <Badge colorPalette={hook.enabled ? "green" : "gray"}>{hook.enabled ? "on" : "off"}</Badge>
        {hook.failureStreak > 0 && <Badge colorPalette="red">{hook.failureStreak} failed in a row</Badge>}
      </Flex>
      {hook.description && <Text fontSize="sm">{hook.description}</Text>}
      <Text fontSize="sm" color="fg.muted">{hook.events.join(", ")}</Text>
      {hook.disabledReason && <Text fontSize="sm" color="fg.error">Switched off: {hook.disabledReason}</Text>}
      <Flex gap="2" mt="2" wrap="wrap">
        <Button size="xs" variant="outline" onClick={onToggle}>{open ? "Hide deliveries" : "Deliveries"}</Button>
        <Button size="xs" variant="outline" disabled={!hook.enabled} loading={act.isPending && act.variables === "test"} onClick={() => act.mutate("test")}>
          Send test
        </Button>
        <Button size="xs" variant="outline" loading={act.isPending && act.variables === "rotate"} onClick={() => act.mutate("rotate")}>
          Rotate secret
        </Button>
        <Button size="xs" variant="outline" loading={act.isPending && act.variables === "toggle"} onClick={() => act.mutate("toggle")}>
          {hook.enabled ? "Switch off" : "Switch on"}
        </Button>
        <Button size="xs" variant="outline" colorPalette="red" loading={act.isPending && act.variables === "delete"}
          onClick={() => { if (window.confirm(`Delete the webhook to ${hook.url}?`)) act.mutate("delete"); }}
        >
          Delete
        </Button>
      </Flex>
      {act.isError && <Text color="fg.error" role="alert" mt="2">{messageOf(act.error)}</Text>}
      {open && <Deliveries projectId={projectId} hookId={hook.id} />}
    </Box>
  );
}

function Deliveries({ projectId, hookId }: { projectId: string; hookId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = ["hook-deliveries", projectId, hookId];
  const log = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => listDeliveries(api, projectId, hookId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => d.status === "pending")) ? 2000 : false),
  });
  const resend = useMutation({
    mutationFn: (id: string) => resendDelivery(api, projectId, hookId, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  if (log.isPending) return <Skeleton height="16" mt="2" />;
  if (log.isError) return <Text color="fg.error">{messageOf(log.error)}</Text>;
  if (items.length === 0) return <Text color="fg.muted" mt="2">No messages yet.</Text>;
  return (
    <Box overflowX="auto" mt="2">
      {resend.isError && <Text color="fg.error" role="alert">{messageOf(resend.error)}</Text>}
      <Table.Root size="sm">
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader>Event</Table.ColumnHeader>
            <Table.ColumnHeader>State</Table.ColumnHeader>
            <Table.ColumnHeader>Attempts</Table.ColumnHeader>
            <Table.ColumnHeader>Last try</Table.ColumnHeader>
            <Table.ColumnHeader>Answer</Table.ColumnHeader>
            <Table.ColumnHeader />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((d) => (
            <DeliveryRow key={d.id} delivery={d} resending={resend.isPending && resend.variables === d.id} onResend={() => resend.mutate(d.id)} />
          ))}
        </Table.Body>
      </Table.Root>
    </Box>
  );
}

function DeliveryRow({ delivery, resending, onResend }: { delivery: HookDelivery; resending: boolean; onResend: () => void }) {
  const state = deliveryState(delivery);
  const last = delivery.attempts[delivery.attempts.length - 1];
  return (
    <Table.Row>
      <Table.Cell>{delivery.type}</Table.Cell>
      <Table.Cell><Badge colorPalette={state.palette} whiteSpace="normal">{state.label}</Badge></Table.Cell>
      <Table.Cell>{delivery.attemptCount}</Table.Cell>
      <Table.Cell>{delivery.lastAttemptAt ? relativeTime(delivery.lastAttemptAt, new Date()) : "not yet"}</Table.Cell>
      <Table.Cell maxW="64">
        {last?.responseExcerpt ? <Code fontSize="xs" wordBreak="break-all" lineClamp={3}>{last.responseExcerpt}</Code> : <Text color="fg.muted">—</Text>}
      </Table.Cell>
      <Table.Cell>
        {canResend(delivery) && (
          <Button size="xs" variant="outline" loading={resending} onClick={onResend}>
            Send again
          </Button>
        )}
      </Table.Cell>
    </Table.Row>
  );
}
