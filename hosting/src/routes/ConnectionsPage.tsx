import { Alert, Badge, Box, Button, Code, Field, Flex, Input, NativeSelect, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { CopyButton } from "../components/CopyButton";
import { NewForm, useNewForm } from "../components/NewForm";
import { ProjectShell } from "../components/ProjectShell";
import type { Connection, IssuedConnection, ProjectWithUsage } from "../lib/api-types";
import { relativeTime } from "../lib/content-view";
import { messageOf } from "../lib/problem";
import { CHANNELS, connectionFormErrors, type Channel } from "../lib/publishing";
import { createConnection, deleteConnection, listConnections, testConnection } from "../lib/publishing-api";
import { useApi } from "../session";

/** Project → Connections: where the project publishes (WordPress, Mastodon, a webhook), for its owners. */
export default function ConnectionsPage() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Connections">
      {(project) =>
        project.role === "owner" ? (
          <ConnectionsOf project={project} />
        ) : (
          <Text color="fg.muted">Owners connect the places this project publishes to; editors publish from a content item.</Text>
        )
      }
    </ProjectShell>
  );
}

function ConnectionsOf({ project }: { project: ProjectWithUsage }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedConnection | null>(null);
  const key = ["connections", project.id];
  const list = useQuery({ queryKey: key, queryFn: () => listConnections(api, project.id) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  return (
    <Stack gap="6">
      <NewConnection projectId={project.id} onMade={(i) => { if (i.signingSecret) setIssued(i); refresh(); }} />
      {issued?.signingSecret && (
        <Alert.Root status="warning" role="status">
          <Alert.Indicator />
          <Stack gap="2" flex="1">
            <Alert.Title>Copy the signing secret of {issued.connection.name} now: it is not shown again.</Alert.Title>
            <Code wordBreak="break-all" data-testid="connection-secret">{issued.signingSecret}</Code>
            <Flex gap="2">
              <CopyButton size="sm" text={issued.signingSecret} label="Copy" />
              <Button size="sm" variant="outline" onClick={() => setIssued(null)}>I have stored it</Button>
            </Flex>
          </Stack>
        </Alert.Root>
      )}
      {list.isPending ? (
        <Skeleton height="24" />
      ) : list.isError ? (
        <Text color="fg.error">{messageOf(list.error)}</Text>
      ) : list.data.items.length === 0 ? (
        <Text color="fg.muted">No connections yet.</Text>
      ) : (
        <Stack gap="3">
          {list.data.items.map((c) => <ConnectionCard key={c.id} projectId={project.id} connection={c} onChanged={refresh} />)}
        </Stack>
      )}
    </Stack>
  );
}

function NewConnection({ projectId, onMade }: { projectId: string; onMade: (issued: IssuedConnection) => void }) {
  const api = useApi();
  const [channel, setChannel] = useState<Channel>("wordpress");
  const [name, setName] = useState("");
  const [siteUrl, setSiteUrl] = useState("");
  const [username, setUsername] = useState("");
  const [secret, setSecret] = useState("");
  const errors = connectionFormErrors({ channel, name, siteUrl, username, secret });
  const info = CHANNELS.find((c) => c.value === channel) ?? CHANNELS[0];
  const form = useNewForm({
    errors,
    send: () =>
      createConnection(api, projectId, {
        channel,
        name: name.trim(),
        siteUrl: siteUrl.trim(),
        username: channel === "wordpress" ? username.trim() : undefined,
        secret: channel === "webhook" ? undefined : secret.trim(),
      }),
    onMade,
    reset: () => {
      setName("");
      setSiteUrl("");
      setUsername("");
      setSecret("");
    },
  });
  const tried = form.tried;
  return (
    <NewForm form={form} openLabel="New connection" submitLabel="Connect">
      <Field.Root>
        <Field.Label>Where</Field.Label>
        <NativeSelect.Root>
          <NativeSelect.Field value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        <Field.HelperText>{info.hint}</Field.HelperText>
      </Field.Root>
      <Field.Root invalid={tried && !!errors.name} required>
        <Field.Label>Name</Field.Label>
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="Company blog" />
        <Field.ErrorText>{errors.name}</Field.ErrorText>
      </Field.Root>
      <Field.Root invalid={tried && !!errors.siteUrl} required>
        <Field.Label>Address (https)</Field.Label>
        <Input value={siteUrl} onChange={(e) => setSiteUrl(e.target.value)} placeholder="https://blog.example.com" />
        <Field.ErrorText>{errors.siteUrl}</Field.ErrorText>
      </Field.Root>
      {channel === "wordpress" && (
        <Field.Root invalid={tried && !!errors.username} required>
          <Field.Label>WordPress user name</Field.Label>
          <Input value={username} onChange={(e) => setUsername(e.target.value)} />
          <Field.ErrorText>{errors.username}</Field.ErrorText>
        </Field.Root>
      )}
      {info.secretLabel && (
        <Field.Root invalid={tried && !!errors.secret} required>
          <Field.Label>{info.secretLabel}</Field.Label>
          <Input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="new-password" />
          <Field.HelperText>Kept encrypted on the server and never shown again.</Field.HelperText>
          <Field.ErrorText>{errors.secret}</Field.ErrorText>
        </Field.Root>
      )}
    </NewForm>
  );
}

function ConnectionCard({ projectId, connection, onChanged }: { projectId: string; connection: Connection; onChanged: () => void }) {
  const api = useApi();
  const act = useMutation({
    mutationFn: async (what: "test" | "delete") => {
      if (what === "test") await testConnection(api, projectId, connection.id);
      else await deleteConnection(api, projectId, connection.id);
    },
    onSuccess: onChanged,
  });
  const label = CHANNELS.find((c) => c.value === connection.channel)?.label ?? connection.channel;
  return (
    <Box borderWidth="1px" rounded="md" p="3">
      <Flex gap="2" wrap="wrap" align="center">
        <Text fontWeight="medium">{connection.name}</Text>
        <Badge>{label}</Badge>
        {connection.lastTestResult && (
          <Badge colorPalette={connection.lastTestResult === "ok" ? "green" : "red"}>
            {connection.lastTestResult === "ok" ? "works" : "test failed"}
          </Badge>
        )}
      </Flex>
      <Text fontSize="sm" color="fg.muted" wordBreak="break-all">
        {connection.siteUrl}
        {connection.username ? ` · as ${connection.username}` : ""} · secret …{connection.secretLast4}
      </Text>
      {connection.lastTestResult && connection.lastTestResult !== "ok" && (
        <Text fontSize="sm" color="fg.error">{connection.lastTestResult}</Text>
      )}
      {connection.lastTestedAt && <Text fontSize="xs" color="fg.muted">Tested {relativeTime(connection.lastTestedAt, new Date())}</Text>}
      <Flex gap="2" mt="2">
        <Button size="xs" variant="outline" loading={act.isPending && act.variables === "test"} onClick={() => act.mutate("test")}>
          Test
        </Button>
        <Button size="xs" variant="outline" colorPalette="red" loading={act.isPending && act.variables === "delete"}
          onClick={() => { if (window.confirm(`Delete the connection ${connection.name}? Publications not sent yet will fail.`)) act.mutate("delete"); }}
        >
          Delete
        </Button>
      </Flex>
      {act.isError && <Text color="fg.error" role="alert" mt="2">{messageOf(act.error)}</Text>}
    </Box>
  );
}
