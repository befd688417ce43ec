import { Alert, Badge, Box, Button, Field, Flex, Input, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { BrandVoiceEditor } from "../components/BrandVoiceEditor";
import { ProjectShell } from "../components/ProjectShell";
import type { BrandKit, ProjectWithUsage } from "../lib/api-types";
import { createBrandKit, deleteBrandKit, kitNameProblem, kitSummary, listBrandKits, updateBrandKit } from "../lib/brand-kits";
import { parseBannedWords } from "../lib/generation";
import { messageOf } from "../lib/problem";
import { queryKeys } from "../lib/query-keys";
import { useApi } from "../session";

/**
 * Brand kits: each a name with its voice, rules and image style. One is the default: a generation
 * that picks none writes in it. Editors and owners make and change them; viewers read them.
 */
export default function BrandKitsPage() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Brand kits">
      {(project) => <KitsOf project={project} />}
    </ProjectShell>
  );
}

function KitsOf({ project }: { project: ProjectWithUsage }) {
  const api = useApi();
  const kits = useQuery({ queryKey: queryKeys.brandKits(project.id), queryFn: () => listBrandKits(api, project.id) });
  const canEdit = project.role !== "viewer";
  return (
    <Stack gap="4">
      <Text color="fg.muted">
        A generation writes in the kit you pick, or in the default one. Its texts are checked against that kit's rules.
      </Text>
      {kits.isPending ? (
        <Skeleton height="24" />
      ) : kits.isError ? (
        <Text color="fg.error">{messageOf(kits.error)}</Text>
      ) : (
        kits.data.map((kit) => <KitCard key={kit.id} project={project} kit={kit} canEdit={canEdit} />)
      )}
      {canEdit && <NewKit projectId={project.id} />}
    </Stack>
  );
}

function KitCard({ project, kit, canEdit }: { project: ProjectWithUsage; kit: BrandKit; canEdit: boolean }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.brandKits(project.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.project(project.id) });
  };
  const makeDefault = useMutation({ mutationFn: () => updateBrandKit(api, project.id, kit.id, { isDefault: true }, kit.version), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => deleteBrandKit(api, project.id, kit), onSuccess: refresh });
  return (
    <Stack as="section" aria-label={`Brand kit ${kit.name}`} gap="2" borderWidth="1px" rounded="md" p="3">
      <Flex gap="2" align="center" wrap="wrap">
        <Text fontWeight="medium">{kit.name}</Text>
        {kit.isDefault && <Badge colorPalette="blue">default</Badge>}
        <Text fontSize="sm" color="fg.muted" flex="1" minW="40">
          {kitSummary(kit)}
        </Text>
        {canEdit && !editing && (
          <Button size="xs" variant="outline" onClick={() => setEditing(true)}>
            Edit
          </Button>
        )}
        {canEdit && !kit.isDefault && (
          <>
            <Button size="xs" variant="outline" loading={makeDefault.isPending} onClick={() => makeDefault.mutate()}>
              Make default
            </Button>
            <Button size="xs" variant="outline" colorPalette="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Remove
            </Button>
          </>
        )}
      </Flex>
      {editing && (
        <Box>
          <BrandVoiceEditor project={project} kit={kit} onDone={() => setEditing(false)} />
        </Box>
      )}
      {(makeDefault.isError || remove.isError) && (
        <Alert.Root status="error" size="sm" role="alert">
          <Alert.Indicator />
          <Alert.Title>{messageOf(makeDefault.error ?? remove.error)}</Alert.Title>
        </Alert.Root>
      )}
    </Stack>
  );
}

function NewKit({ projectId }: { projectId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [banned, setBanned] = useState("");
  const [tried, setTried] = useState(false);
  const nameProblem = kitNameProblem(name);
  const words = parseBannedWords(banned);
  const create = useMutation({
    mutationFn: () => createBrandKit(api, projectId, { name: name.trim(), voice: { bannedWords: words.words } }),
    onSuccess: () => {
      setName("");
      setBanned("");
      setTried(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.brandKits(projectId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!nameProblem && !words.error) create.mutate();
  };
  return (
    <form aria-label="New brand kit" onSubmit={submit} noValidate>
      <Stack gap="2" borderWidth="1px" borderStyle="dashed" rounded="md" p="3">
        <Text fontWeight="medium">New brand kit</Text>
        <Flex gap="2" wrap="wrap" align="end">
          <Field.Root invalid={tried && nameProblem !== null} maxW="60">
            <Field.Label>Name</Field.Label>
            <Input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} placeholder="Holiday campaign" />
            {tried && nameProblem && <Field.ErrorText>{nameProblem}</Field.ErrorText>}
          </Field.Root>
          <Field.Root invalid={tried && Boolean(words.error)} flex="1" minW="60">
            <Field.Label>Banned words</Field.Label>
            <Input value={banned} onChange={(e) => setBanned(e.target.value)} placeholder="cheap, synergy" />
            {tried && words.error && <Field.ErrorText>{words.error}</Field.ErrorText>}
          </Field.Root>
          <Button type="submit" colorPalette="blue" loading={create.isPending}>
            Add kit
          </Button>
        </Flex>
        {create.isError && (
          <Alert.Root status="error" size="sm" role="alert">
            <Alert.Indicator />
            <Alert.Title>{messageOf(create.error)}</Alert.Title>
          </Alert.Root>
        )}
      </Stack>
    </form>
  );
}
