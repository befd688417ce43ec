import { Alert, Badge, Button, Field, Flex, Input, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { ProjectShell } from "../components/ProjectShell";
import type { ProjectWithUsage, ProviderKey } from "../lib/api-types";
import { messageOf } from "../lib/problem";
import {
  keyProblem,
  keyState,
  listProviderKeys,
  PROVIDER_INFO,
  removeProviderKey,
  setProviderKey,
  type KeyedProvider,
} from "../lib/provider-keys";
import { useApi } from "../session";

/** Project settings: the project's own API keys for providers, used before the server's (owners only). */
export default function ProviderKeysPage() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Provider keys">
      {(project) =>
        project.role === "owner" ? (
          <KeysOf project={project} />
        ) : (
          <Text color="fg.muted">Owners set this project's own provider keys.</Text>
        )
      }
    </ProjectShell>
  );
}

function KeysOf({ project }: { project: ProjectWithUsage }) {
  const api = useApi();
  const keys = useQuery({ queryKey: ["provider-keys", project.id], queryFn: () => listProviderKeys(api, project.id) });
  return (
    <Stack gap="4">
      <Text color="fg.muted">
        With a key of the project's own, its items with that provider are made and billed on that account instead of
        the server's. Keys are kept encrypted and never shown again: only their last four characters.
      </Text>
      {keys.isPending ? (
        <Skeleton height="24" />
      ) : keys.isError ? (
        <Text color="fg.error">{messageOf(keys.error)}</Text>
      ) : (
        keys.data.items.map((k) => <KeyRow key={k.provider} projectId={project.id} current={k} />)
      )}
    </Stack>
  );
}

function KeyRow({ projectId, current }: { projectId: string; current: ProviderKey }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState("");
  const [tried, setTried] = useState(false);
  const provider: KeyedProvider = current.provider;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["provider-keys", projectId] });
  const save = useMutation({
    mutationFn: () => setProviderKey(api, projectId, provider, typed),
    onSuccess: () => {
      setTyped("");
      setTried(false);
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: () => removeProviderKey(api, projectId, provider), onSuccess: refresh });
  const problem = keyProblem(typed);
  const info = PROVIDER_INFO[provider];
  return (
    <Stack gap="2" borderWidth="1px" rounded="md" p="3" as="section" aria-label={info.label}>
      <Flex gap="2" align="center" wrap="wrap">
        <Text fontWeight="medium">{info.label}</Text>
        <Badge colorPalette={current.set ? "green" : "gray"}>{current.set ? "own key" : "server's key"}</Badge>
      </Flex>
      <Text fontSize="sm" color="fg.muted">{keyState(current)}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!problem) save.mutate();
        }}
      >
        <Flex gap="2" align="end" wrap="wrap">
          <Field.Root invalid={tried && problem !== null} flex="1" minW="60">
            <Field.Label>{current.set ? "Replace the key" : "Add a key"}</Field.Label>
            <Input
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder={info.where}
            />
            {tried && problem && <Field.ErrorText>{problem}</Field.ErrorText>}
          </Field.Root>
          <Button type="submit" colorPalette="blue" loading={save.isPending}>
            Save
          </Button>
          {current.set && (
            <Button variant="outline" colorPalette="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Remove
            </Button>
          )}
        </Flex>
      </form>
      {(save.isError || remove.isError) && (
        <Alert.Root status="error" size="sm" role="alert">
          <Alert.Indicator />
          <Alert.Title>{messageOf(save.error ?? remove.error)}</Alert.Title>
        </Alert.Root>
      )}
    </Stack>
  );
}
