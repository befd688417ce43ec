import { Alert, Button, Field, Flex, Input, NativeSelect, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useParams } from "react-router";
import { ProjectShell } from "../components/ProjectShell";
import { usePeopleApi } from "../components/usePeopleApi";
import type { ExportStyle, ProjectWithUsage } from "../lib/api-types";
import { listMedia } from "../lib/contents-api";
import { DEFAULT_STYLE, FONT_CHOICES, isFont, styleProblems, type FontChoice } from "../lib/export-style";
import { messageOf } from "../lib/problem";
import { useApi } from "../session";

/**
 * Project settings: how its content items look when exported as HTML, Word or PDF. Members see it;
 * owners change it.
 */
export default function ExportStylePage() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Export style">
      {(project) => <StyleOf project={project} />}
    </ProjectShell>
  );
}

function StyleOf({ project }: { project: ProjectWithUsage }) {
  const people = usePeopleApi();
  const style = useQuery({ queryKey: ["export-style", project.id], queryFn: () => people.exportStyle(project.id) });
  if (style.isPending) return <Skeleton height="40" />;
  if (style.isError) return <Text color="fg.error">{messageOf(style.error)}</Text>;
  return <StyleForm project={project} saved={style.data} />;
}

function StyleForm({ project, saved }: { project: ProjectWithUsage; saved: ExportStyle }) {
  const api = useApi();
  const people = usePeopleApi();
  const queryClient = useQueryClient();
  const owner = project.role === "owner";
  const [draft, setDraft] = useState<ExportStyle>({ ...DEFAULT_STYLE, ...saved });
  useEffect(() => setDraft({ ...DEFAULT_STYLE, ...saved }), [saved]);
  const images = useQuery({ queryKey: ["export-style-logos", project.id], queryFn: () => listMedia(api, project.id, "image", null) });
  const save = useMutation({
    mutationFn: () => people.saveExportStyle(project.id, draft),
    onSuccess: (stored) => queryClient.setQueryData(["export-style", project.id], stored),
  });
  const problems = styleProblems(draft);
  const valid = Object.keys(problems).length === 0;
  const set = (change: Partial<ExportStyle>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <Stack
      as="form"
      gap="4"
      maxW="36rem"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) save.mutate();
      }}
    >
      <Text color="fg.muted">
        Exported HTML, Word and PDF files of this project's items use these fonts, this colour for headings, rules and links,
        the logo at the top and the footer line at the foot of each page. {owner ? "" : "Owners change it."}
      </Text>
      <Flex gap="4" wrap="wrap">
        <FontField label="Headings" value={draft.headingFont ?? "sans"} disabled={!owner} onChange={(headingFont) => set({ headingFont })} />
        <FontField label="Body text" value={draft.bodyFont ?? "serif"} disabled={!owner} onChange={(bodyFont) => set({ bodyFont })} />
      </Flex>
      <Field.Root invalid={Boolean(problems.accentColor)} disabled={!owner}>
        <Field.Label>Accent colour</Field.Label>
        <Flex gap="2" align="center">
          <Input
            type="color"
            w="12"
            p="1"
            aria-label="Pick the accent colour"
            value={/^#[0-9a-fA-F]{6}$/.test(draft.accentColor ?? "") ? draft.accentColor : "#000000"}
            onChange={(e) => set({ accentColor: e.target.value })}
          />
          <Input maxW="10rem" value={draft.accentColor ?? ""} onChange={(e) => set({ accentColor: e.target.value.trim() })} />
        </Flex>
        <Field.ErrorText>{problems.accentColor}</Field.ErrorText>
      </Field.Root>
      <Field.Root disabled={!owner}>
        <Field.Label>Logo</Field.Label>
        <NativeSelect.Root>
          <NativeSelect.Field value={draft.logoContentId ?? ""} onChange={(e) => set({ logoContentId: e.target.value || null })}>
            <option value="">No logo</option>
            {(images.data?.items ?? []).map((image) => (
              <option key={image.id} value={image.id}>
                {image.title || image.id}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        <Field.HelperText>One of this project's images.</Field.HelperText>
      </Field.Root>
      <Field.Root invalid={Boolean(problems.footer)} disabled={!owner}>
        <Field.Label>Footer line</Field.Label>
        <Input value={draft.footer ?? ""} maxLength={200} onChange={(e) => set({ footer: e.target.value })} />
        <Field.ErrorText>{problems.footer}</Field.ErrorText>
      </Field.Root>
      {owner && (
        <Flex gap="2">
          <Button type="submit" loading={save.isPending} disabled={!valid}>
            Save style
          </Button>
          <Button variant="ghost" onClick={() => setDraft({ ...DEFAULT_STYLE })}>
            Back to defaults
          </Button>
        </Flex>
      )}
      {save.isSuccess && !save.isPending && (
        <Alert.Root status="success">
          <Alert.Indicator />
          <Alert.Title>Saved. The next exports use it.</Alert.Title>
        </Alert.Root>
      )}
      {save.isError && (
        <Text role="alert" color="fg.error">
          Couldn't save. {messageOf(save.error)}
        </Text>
      )}
    </Stack>
  );
}

function FontField({ label, value, disabled, onChange }: { label: string; value: string; disabled: boolean; onChange: (font: FontChoice) => void }) {
  return (
    <Field.Root disabled={disabled} w="auto" minW="14rem">
      <Field.Label>{label}</Field.Label>
      <NativeSelect.Root>
        <NativeSelect.Field
          value={value}
          onChange={(e) => {
            if (isFont(e.target.value)) onChange(e.target.value);
          }}
        >
          {FONT_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
    </Field.Root>
  );
}
