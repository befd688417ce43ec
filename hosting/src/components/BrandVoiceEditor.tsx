import { Alert, Box, Button, Field, Flex, Input, Stack, Text, Textarea } from "@chakra-ui/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { isConflict } from "../lib/content-view";
import { draftBrandVoice, updateBrandVoice } from "../lib/contents-api";
import { hasBrandVoice, parseBannedWords } from "../lib/generation";
import { parseRules, parseSamples, parseStyle, rulesFormOf, styleFormOf, type RuleErrors, type RulesForm, type StyleForm } from "../lib/brand-rules";
import { etag } from "../lib/api";
import { messageOf } from "../lib/problem";
import { useApi } from "../session";
import { queryKeys, storeProject } from "../lib/query-keys";
import type { BrandKit, BrandVoiceChange, Project } from "../lib/api-types";
import { updateBrandKit } from "../lib/brand-kits";

/**
 * The project's brand voice and its rules: shown to everyone who generates, changed by editors and
 * owners. Every generated text is checked against the rules; what breaks them is flagged on the item.
 * Saving sends If-Match with the project's version, so two people can't overwrite each other.
 */
export function BrandVoiceEditor({ project, kit, onDone }: { project: Project; kit?: BrandKit; onDone: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  // A kit's voice when a kit is edited (Brand kits), else the project's: its default kit's.
  const edited = kit ? kit.voice : project.brandVoice;
  const voice = edited ?? {};
  const [systemPrompt, setSystemPrompt] = useState(voice.systemPrompt ?? "");
  const [tone, setTone] = useState(voice.tone ?? "");
  const [banned, setBanned] = useState((voice.bannedWords ?? []).join(", "));
  const [bannedError, setBannedError] = useState("");
  const [rules, setRules] = useState<RulesForm>(() => rulesFormOf(edited));
  const [ruleErrors, setRuleErrors] = useState<RuleErrors>({});
  const setRule = (field: keyof RulesForm) => (value: string) => setRules((r) => ({ ...r, [field]: value }));
  const [samples, setSamples] = useState("");
  const [samplesError, setSamplesError] = useState("");
  const [drafted, setDrafted] = useState("");
  const draft = useMutation({
    mutationFn: (texts: string[]) => draftBrandVoice(api, project.id, texts),
    onSuccess: (result) => {
      setSystemPrompt(result.systemPrompt);
      setDrafted(result.demo ? "Drafted by the offline demo provider: edit it before saving." : "Drafted: edit it before saving.");
    },
  });
  const startDraft = () => {
    const parsed = parseSamples(samples);
    setSamplesError(parsed.error);
    if (!parsed.error) draft.mutate(parsed.samples);
  };
  const [style, setStyle] = useState<StyleForm>(() => styleFormOf(edited));
  const [styleErrors, setStyleErrors] = useState<Partial<Record<keyof StyleForm, string>>>({});
  const setStyleField = (field: keyof StyleForm) => (value: string) => setStyle((s) => ({ ...s, [field]: value }));
  const save = useMutation({
    mutationFn: async (next: BrandVoiceChange | null) => {
      if (kit) {
        await updateBrandKit(api, project.id, kit.id, { voice: next ?? {} }, kit.version);
        // The default kit's voice is the project's: read both again.
        void queryClient.invalidateQueries({ queryKey: queryKeys.project(project.id) });
      } else {
        storeProject(queryClient, (await updateBrandVoice(api, project.id, etag(project.version), next)).value);
        void queryClient.invalidateQueries({ queryKey: queryKeys.projects() });
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.brandKits(project.id) });
    },
    onSuccess: () => onDone(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = parseBannedWords(banned);
    const parsed = parseRules(rules);
    setBannedError(words.error);
    setRuleErrors(parsed.errors);
    const preset = parseStyle(style);
    setStyleErrors(preset.errors);
    if (words.error || Object.keys(parsed.errors).length > 0 || Object.keys(preset.errors).length > 0) return;
    const next: BrandVoiceChange = {
      systemPrompt: systemPrompt.trim(),
      tone: tone.trim(),
      bannedWords: words.words,
      ...parsed.rules,
      imageStyle: preset.imageStyle,
    };
    save.mutate(hasBrandVoice(next) ? next : null);
  };
  return (
    <Box as="section" aria-label="Brand voice" borderWidth="1px" rounded="md" p="3">
      <form onSubmit={submit} noValidate>
        <Stack gap="3">
          <Field.Root>
            <Field.Label>Tone</Field.Label>
            <Input value={tone} maxLength={50} placeholder="warm and plain" onChange={(e) => setTone(e.target.value)} />
          </Field.Root>
          <Field.Root>
            <Field.Label>House instructions</Field.Label>
            <Textarea
              value={systemPrompt}
              rows={3}
              maxLength={4000}
              placeholder="We are a family bakery in Lyon. Speak to neighbours, not customers."
              onChange={(e) => setSystemPrompt(e.target.value)}
            />
          </Field.Root>
          <Box as="details" borderWidth="1px" rounded="md" p="2">
            <Text as="summary" fontSize="sm" cursor="pointer">
              Draft the house instructions from sample texts
            </Text>
            <Stack gap="2" mt="2">
              <Field.Root invalid={Boolean(samplesError)}>
                <Field.Label>Sample texts</Field.Label>
                <Textarea value={samples} rows={5} placeholder={"A text that sounds like you.\n---\nAnother one."} onChange={(e) => setSamples(e.target.value)} />
                {samplesError ? (
                  <Field.ErrorText>{samplesError}</Field.ErrorText>
                ) : (
                  <Field.HelperText>Up to 10, separated by a line of dashes (---). The draft replaces the house instructions above; nothing is saved until you save.</Field.HelperText>
                )}
              </Field.Root>
              <Flex gap="2" align="center" wrap="wrap">
                <Button size="xs" variant="outline" loading={draft.isPending} loadingText="Drafting…" onClick={startDraft}>
                  Draft from samples
                </Button>
                {drafted && !draft.isPending && (
                  <Text fontSize="xs" color="fg.muted" role="status">
                    {drafted}
                  </Text>
                )}
              </Flex>
              {draft.isError && (
                <Alert.Root status="error" size="sm" role="alert">
                  <Alert.Indicator />
                  <Alert.Title>{messageOf(draft.error)}</Alert.Title>
                </Alert.Root>
              )}
            </Stack>
          </Box>
          <Field.Root invalid={Boolean(bannedError)}>
            <Field.Label>Words or phrases never to use</Field.Label>
            <Textarea value={banned} rows={2} placeholder="cheap, synergy" onChange={(e) => setBanned(e.target.value)} />
            {bannedError ? <Field.ErrorText>{bannedError}</Field.ErrorText> : <Field.HelperText>Separate them with commas or new lines.</Field.HelperText>}
          </Field.Root>
          <Field.Root invalid={Boolean(ruleErrors.requiredTerms)}>
            <Field.Label>Terms every text must use</Field.Label>
            <Textarea value={rules.requiredTerms} rows={2} placeholder="Acme, sourdough" onChange={(e) => setRule("requiredTerms")(e.target.value)} />
            {ruleErrors.requiredTerms ? <Field.ErrorText>{ruleErrors.requiredTerms}</Field.ErrorText> : <Field.HelperText>Whole words, any case.</Field.HelperText>}
          </Field.Root>
          <Flex gap="3" wrap="wrap">
            <RuleNumber label="Fewest words" value={rules.minWords} error={ruleErrors.minWords} onChange={setRule("minWords")} />
            <RuleNumber label="Most words" value={rules.maxWords} error={ruleErrors.maxWords} onChange={setRule("maxWords")} />
            <RuleNumber
              label="Highest reading grade"
              value={rules.maxReadingGrade}
              error={ruleErrors.maxReadingGrade}
              onChange={setRule("maxReadingGrade")}
              help="Flesch–Kincaid, 1 to 20"
            />
          </Flex>
          <Field.Root invalid={Boolean(styleErrors.stylePrompt)}>
            <Field.Label>Image style</Field.Label>
            <Input value={style.stylePrompt} maxLength={500} placeholder="watercolour, soft morning light" onChange={(e) => setStyleField("stylePrompt")(e.target.value)} />
            {styleErrors.stylePrompt ? <Field.ErrorText>{styleErrors.stylePrompt}</Field.ErrorText> : <Field.HelperText>Added to every image prompt.</Field.HelperText>}
          </Field.Root>
          <Flex gap="3" wrap="wrap">
            <Field.Root invalid={Boolean(styleErrors.aspectRatio)} flex="1" minW="9rem">
              <Field.Label>Image aspect ratio</Field.Label>
              <Input value={style.aspectRatio} placeholder="16:9" onChange={(e) => setStyleField("aspectRatio")(e.target.value)} />
              {styleErrors.aspectRatio ? <Field.ErrorText>{styleErrors.aspectRatio}</Field.ErrorText> : <Field.HelperText>Unless a request sets a size.</Field.HelperText>}
            </Field.Root>
            <Field.Root invalid={Boolean(styleErrors.negativePrompt)} flex="2" minW="12rem">
              <Field.Label>Never in images</Field.Label>
              <Input value={style.negativePrompt} maxLength={1000} placeholder="text, logos, watermarks" onChange={(e) => setStyleField("negativePrompt")(e.target.value)} />
              {styleErrors.negativePrompt && <Field.ErrorText>{styleErrors.negativePrompt}</Field.ErrorText>}
            </Field.Root>
          </Flex>
          <Text fontSize="xs" color="fg.muted">
            Applies to every text and image generated in this project, by anyone. Texts that break a rule are flagged, with the passage, and can be fixed.
          </Text>
          {save.isError && (
            <Alert.Root status={isConflict(save.error) ? "warning" : "error"} size="sm" role="alert">
              <Alert.Indicator />
              <Alert.Title>
                {isConflict(save.error)
                  ? "Someone changed the project while you were editing. Close this, open it again to see their version, and reapply your change."
                  : messageOf(save.error)}
              </Alert.Title>
            </Alert.Root>
          )}
          <Flex gap="2">
            <Button type="submit" size="sm" colorPalette="blue" loading={save.isPending} loadingText="Saving…">
              Save brand voice
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => {
                if (isConflict(save.error)) void queryClient.invalidateQueries({ queryKey: queryKeys.project(project.id) });
                onDone();
              }}
            >
              Close
            </Button>
          </Flex>
        </Stack>
      </form>
    </Box>
  );
}

function RuleNumber({ label, value, error, onChange, help }: { label: string; value: string; error?: string; onChange: (value: string) => void; help?: string }) {
  return (
    <Field.Root invalid={Boolean(error)} flex="1" minW="9rem">
      <Field.Label>{label}</Field.Label>
      <Input value={value} inputMode="decimal" placeholder="none" onChange={(e) => onChange(e.target.value)} />
      {error ? <Field.ErrorText>{error}</Field.ErrorText> : help ? <Field.HelperText>{help}</Field.HelperText> : null}
    </Field.Root>
  );
}
