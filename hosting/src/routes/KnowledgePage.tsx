import { Badge, Button, Field, Flex, Input, Skeleton, Stack, Table, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { ProjectShell } from "../components/ProjectShell";
import type { ProjectWithUsage } from "../lib/api-types";
import { addKnowledgeUrl, deleteKnowledge, listKnowledge, searchKnowledge, uploadKnowledge } from "../lib/knowledge-api";
import { documentState, stillIndexing, urlProblem } from "../lib/knowledge";
import { Passages } from "../components/KnowledgePassages";
import { relativeTime } from "../lib/content-view";
import { messageOf } from "../lib/problem";
import { useApi } from "../session";

/** Project → Knowledge: the documents generations may draw on, and a search of their passages. */
export default function KnowledgePage() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Brand knowledge">
      {(project) => <KnowledgeOf project={project} />}
    </ProjectShell>
  );
}

function KnowledgeOf({ project }: { project: ProjectWithUsage }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const editor = project.role === "owner" || project.role === "editor";
  const docs = useInfiniteQuery({
    queryKey: ["knowledge", project.id],
    queryFn: ({ pageParam }) => listKnowledge(api, project.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A large document is indexed in the background: look again until it is done.
    refetchInterval: (query) => (stillIndexing(query.state.data?.pages.flatMap((p) => p.items) ?? []) ? 2000 : false),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["knowledge", project.id] });
  const remove = useMutation({ mutationFn: (docId: string) => deleteKnowledge(api, project.id, docId), onSuccess: refresh });
  const items = docs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="6">
      <Text color="fg.muted">
        Documents about the brand (PDF, Markdown, text, or a web page). A generation with “Use brand knowledge” is given the
        passages nearest to its prompt, and lists them under what it made.
      </Text>
      {editor && <AddDocument projectId={project.id} onAdded={refresh} />}
      {docs.isPending ? (
        <Skeleton height="16" />
      ) : docs.isError ? (
        <Text color="fg.error">{messageOf(docs.error)}</Text>
      ) : items.length === 0 ? (
        <Text color="fg.muted">No documents yet.</Text>
      ) : (
        <Table.Root size="sm" aria-label="Documents">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader>Document</Table.ColumnHeader>
              <Table.ColumnHeader>Kind</Table.ColumnHeader>
              <Table.ColumnHeader>State</Table.ColumnHeader>
              <Table.ColumnHeader>Added</Table.ColumnHeader>
              {editor && <Table.ColumnHeader />}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {items.map((d) => (
              <Table.Row key={d.id}>
                <Table.Cell wordBreak="break-word">{d.name}</Table.Cell>
                <Table.Cell>
                  <Badge>{d.kind}</Badge>
                </Table.Cell>
                <Table.Cell color={d.status === "failed" ? "fg.error" : undefined}>{documentState(d)}</Table.Cell>
                <Table.Cell>{relativeTime(d.createdAt)}</Table.Cell>
                {editor && (
                  <Table.Cell textAlign="end">
                    <Button size="xs" variant="outline" colorPalette="red" loading={remove.isPending && remove.variables === d.id}
                      onClick={() => remove.mutate(d.id)} aria-label={`Delete ${d.name}`}>
                      Delete
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
      {remove.isError && <Text color="fg.error">{messageOf(remove.error)}</Text>}
      {docs.hasNextPage && (
        <Button variant="outline" size="sm" alignSelf="start" loading={docs.isFetchingNextPage} onClick={() => void docs.fetchNextPage()}>
          Load more
        </Button>
      )}
      <Search projectId={project.id} />
    </Stack>
  );
}

function AddDocument({ projectId, onAdded }: { projectId: string; onAdded: () => void }) {
  const api = useApi();
  const [url, setUrl] = useState("");
  const [urlError, setUrlError] = useState<string | null>(null);
  const upload = useMutation({ mutationFn: (file: File) => uploadKnowledge(api, projectId, file), onSuccess: onAdded });
  const byUrl = useMutation({
    mutationFn: (address: string) => addKnowledgeUrl(api, projectId, address),
    onSuccess: () => {
      setUrl("");
      onAdded();
    },
  });
  function submitUrl(event: FormEvent) {
    event.preventDefault();
    const problem = urlProblem(url);
    setUrlError(problem);
    if (!problem) byUrl.mutate(url.trim());
  }
  return (
    <Stack gap="3" borderWidth="1px" rounded="lg" p="4">
      <Field.Root>
        <Field.Label>Upload a document</Field.Label>
        <input
          type="file"
          accept=".pdf,.md,.markdown,.txt,.html,.htm,application/pdf,text/markdown,text/plain,text/html"
          aria-label="Upload a document"
          disabled={upload.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
            e.target.value = "";
          }}
        />
        {upload.isPending && <Field.HelperText>Reading and indexing…</Field.HelperText>}
        {upload.isError && <Text color="fg.error">{messageOf(upload.error)}</Text>}
      </Field.Root>
      <form onSubmit={submitUrl} noValidate>
        <Field.Root invalid={urlError !== null || byUrl.isError}>
          <Field.Label>Or add a web page</Field.Label>
          <Flex gap="2" w="full">
            <Input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.org/about" />
            <Button type="submit" loading={byUrl.isPending}>
              Add
            </Button>
          </Flex>
          <Field.ErrorText>{urlError ?? (byUrl.isError ? messageOf(byUrl.error) : "")}</Field.ErrorText>
        </Field.Root>
      </form>
    </Stack>
  );
}

function Search({ projectId }: { projectId: string }) {
  const api = useApi();
  const [q, setQ] = useState("");
  const search = useMutation({ mutationFn: (query: string) => searchKnowledge(api, projectId, query) });
  return (
    <Stack gap="3" as="section" aria-label="Search the knowledge">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (q.trim()) search.mutate(q.trim());
        }}
      >
        <Flex gap="2">
          <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Ask a question about the brand" aria-label="Question" />
          <Button type="submit" loading={search.isPending}>
            Search
          </Button>
        </Flex>
      </form>
      {search.isError && <Text color="fg.error">{messageOf(search.error)}</Text>}
      {search.data && (search.data.length === 0 ? <Text color="fg.muted">Nothing found.</Text> : <Passages passages={search.data} />)}
    </Stack>
  );
}
