import { Alert, Box, Button, Card, Field, Flex, Heading, HStack, Input, NativeSelect, Stack, Text, Textarea } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { getHealth, type Job, type Kind } from "../lib/api";
import { listTemplates, startGeneration, type ProjectWithVoice } from "../lib/contents-api";
import {
  ASPECT_RATIOS,
  brandVoiceSummary,
  buildOptions,
  describeFieldProblem,
  formField,
  IMAGE_SIZES,
  modelsFromProblem,
  QUALITIES,
  suggestedModels,
  type GenerationBody,
  type OptionFields,
} from "../lib/generation";
import { ApiError, messageOf } from "../lib/problem";
import { checkValues, initialValues, renderTemplate, templatesFor, valuesToSend, variableLabel, type Template } from "../lib/template-form";
import { useApi } from "../session";
import { BrandVoiceEditor } from "./BrandVoiceEditor";
import { useIdempotentMutation } from "./useIdempotentMutation";
import { queryKeys } from "../lib/query-keys";

const MAX_COUNT = 10;
const MAX_PROMPT = 4000;

/**
 * The form that asks for new content: kind, a prompt or a template with its typed variables, the
 * brand voice, provider options. Calls `onStarted` with the queued job.
 */
export function GeneratePanel({ projectId, onStarted }: { projectId: string; onStarted: (job: Job) => void }) {
  const api = useApi();
  const project = useQuery({ queryKey: queryKeys.project(projectId), queryFn: () => api.getProject(projectId) });
  const health = useQuery({ queryKey: queryKeys.health(), queryFn: getHealth, staleTime: 5 * 60_000, retry: false });
  const templates = useQuery({ queryKey: queryKeys.templates(projectId), queryFn: () => listTemplates(api, projectId), staleTime: 5 * 60_000 });
  const demo = health.data?.demo === true;

  const [kind, setKind] = useState<Kind>("text");
  const [templateId, setTemplateId] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [prompt, setPrompt] = useState("");
  const [count, setCount] = useState("1");
  const [model, setModel] = useState("");
  const [fields, setFields] = useState<OptionFields>({});
  const [fresh, setFresh] = useState(false);
  const [showOptions, setShowOptions] = useState(false);
  const [editingVoice, setEditingVoice] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [knownModels, setKnownModels] = useState<string[] | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = useId();

  const choices = templatesFor(templates.data ?? [], kind);
  const template: Template | undefined = choices.find((t) => t.id === templateId);
  const voice = (project.data as ProjectWithVoice | undefined)?.brandVoice;
  const models = knownModels ?? suggestedModels(kind, demo);

  const generate = useIdempotentMutation({
    mutationFn: (body: GenerationBody, key) => startGeneration(api, projectId, body, key()),
    onSuccess: (job) => {
      setPrompt("");
      onStarted(job);
    },
    onError: (error) => {
      const problems = error instanceof ApiError ? error.fieldProblems : [];
      const next: Record<string, string> = {};
      for (const problem of problems) {
        const field = formField(problem.field);
        next[field] = describeFieldProblem(field, problem.message);
        if (problem.field === "model") {
          const listed = modelsFromProblem(problem.message);
          if (listed.length > 0) setKnownModels(listed);
        }
      }
      setErrors(next);
      if (Object.keys(next).some((field) => OPTION_FIELDS.has(field))) setShowOptions(true);
      focusFirstError(next);
    },
  });

  function changed() {
    generate.newIntent();
    generate.reset();
  }

  function focusFirstError(found: Record<string, string>) {
    const first = Object.keys(found)[0];
    if (!first) return;
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(first)}"]`)?.focus());
  }

  function pickKind(next: Kind) {
    setKind(next);
    setTemplateId("");
    setValues({});
    setModel("");
    setKnownModels(null);
    setErrors({});
    changed();
  }

  function pickTemplate(id: string) {
    setTemplateId(id);
    const chosen = choices.find((t) => t.id === id);
    setValues(chosen ? initialValues(chosen) : {});
    setErrors({});
    changed();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const number = Number(count);
    const body: GenerationBody = { kind, count: number };
    if (template) {
      for (const [name, message] of Object.entries(checkValues(template, values))) found[`variable:${name}`] = message;
      body.templateId = template.id;
      const sent = valuesToSend(template, values);
      if (Object.keys(sent).length > 0) body.variables = sent;
    } else if (!prompt.trim()) {
      found.prompt = "Describe what you want to create.";
    } else {
      body.prompt = prompt.trim();
    }
    if (!Number.isInteger(number) || number < 1 || number > MAX_COUNT) found.count = `Choose a whole number from 1 to ${MAX_COUNT}.`;
    const built = buildOptions(kind, fields);
    Object.assign(found, built.errors);
    if (Object.keys(built.options).length > 0) body.options = built.options;
    if (model.trim()) body.model = model.trim();
    if (fresh) body.fresh = true;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (Object.keys(built.errors).length > 0) setShowOptions(true);
      focusFirstError(found);
      return;
    }
    generate.mutate(body);
  }

  const setField = (name: keyof OptionFields) => (value: string) => {
    setFields((all) => ({ ...all, [name]: value }));
    changed();
  };
  const fieldProblems = Object.entries(errors).filter(([field]) => !KNOWN_FIELDS.has(field) && !field.startsWith("variable:"));

  return (
    <Card.Root as="section" aria-labelledby="generate-title">
      <Card.Body>
        <Heading as="h2" id="generate-title" size="lg" mb="3">
          Generate
        </Heading>
        <Box>
          <Flex align="center" gap="2" wrap="wrap">
            <Text fontSize="sm" fontWeight="medium">
              Brand voice
            </Text>
            <Text fontSize="sm" color="fg.muted" flex="1" minW="40">
              {kind === "text" ? brandVoiceSummary(voice) : "Applies to text only."}
            </Text>
            {project.data && !editingVoice && (
              <Button size="xs" variant="outline" onClick={() => setEditingVoice(true)}>
                Edit
              </Button>
            )}
          </Flex>
          {project.data && editingVoice && (
            <Box mt="2">
              <BrandVoiceEditor project={project.data as ProjectWithVoice} onDone={() => setEditingVoice(false)} />
            </Box>
          )}
        </Box>

        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="4">
            <HStack gap="3" align="start">
              <Field.Root flex="1">
                <Field.Label>Kind</Field.Label>
                <NativeSelect.Root>
                  <NativeSelect.Field name="kind" data-field="kind" value={kind} onChange={(e) => pickKind(e.target.value as Kind)}>
                    <option value="text">Text</option>
                    <option value="image">Image</option>
                    <option value="video">Video</option>
                  </NativeSelect.Field>
                  <NativeSelect.Indicator />
                </NativeSelect.Root>
              </Field.Root>
              <Field.Root w="28" invalid={Boolean(errors.count)}>
                <Field.Label>How many</Field.Label>
                <Input
                  name="count"
                  data-field="count"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_COUNT}
                  aria-describedby={errors.count ? `${ids}-count-error` : undefined}
                  value={count}
                  onChange={(e) => {
                    setCount(e.target.value);
                    changed();
                  }}
                />
              </Field.Root>
            </HStack>
            {errors.count && (
              <Box id={`${ids}-count-error`} color="fg.error" fontSize="sm" mt="-2" role="alert">
                {errors.count}
              </Box>
            )}
            {errors.kind && (
              <Text color="fg.error" fontSize="sm" mt="-2" role="alert">
                {errors.kind}
              </Text>
            )}
            {kind === "video" && demo && (
              <Text fontSize="sm" color="fg.muted" mt="-2">
                The offline demo makes text and images only; video needs a GoAPI key on the server.
              </Text>
            )}

            <Field.Root invalid={Boolean(errors.templateId)}>
              <Field.Label>Template</Field.Label>
              <NativeSelect.Root>
                <NativeSelect.Field name="template" data-field="templateId" value={templateId} onChange={(e) => pickTemplate(e.target.value)}>
                  <option value="">None: write your own prompt</option>
                  {choices.some((t) => t.projectId) && (
                    <optgroup label="This project's">
                      {choices.filter((t) => t.projectId).map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {choices.some((t) => !t.projectId) && (
                    <optgroup label="Built in">
                      {choices.filter((t) => !t.projectId).map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </NativeSelect.Field>
                <NativeSelect.Indicator />
              </NativeSelect.Root>
              {errors.templateId ? (
                <Field.ErrorText>{errors.templateId}</Field.ErrorText>
              ) : templates.isError ? (
                <Field.HelperText>Couldn't load the templates. {messageOf(templates.error)}</Field.HelperText>
              ) : null}
            </Field.Root>

            {template ? (
              <Stack as="fieldset" gap="3" borderWidth="1px" rounded="md" p="3">
                <Text as="legend" px="1" fontWeight="medium" fontSize="sm">
                  {template.name}
                </Text>
                {(template.variables ?? []).length === 0 && <Text fontSize="sm">This template has nothing to fill in.</Text>}
                {(template.variables ?? []).map((variable) => {
                  const key = `variable:${variable.name}`;
                  const value = values[variable.name] ?? "";
                  const set = (next: string) => {
                    setValues((all) => ({ ...all, [variable.name]: next }));
                    changed();
                  };
                  return (
                    <Field.Root key={variable.name} required={variable.required} invalid={Boolean(errors[key])}>
                      <Field.Label>
                        {variableLabel(variable.name)}
                        <Field.RequiredIndicator />
                      </Field.Label>
                      {variable.type === "choice" ? (
                        <NativeSelect.Root>
                          <NativeSelect.Field data-field={key} value={value} onChange={(e) => set(e.target.value)}>
                            {!variable.required && <option value="">(none)</option>}
                            {(variable.choices ?? []).map((choice) => (
                              <option key={choice} value={choice}>
                                {choice}
                              </option>
                            ))}
                          </NativeSelect.Field>
                          <NativeSelect.Indicator />
                        </NativeSelect.Root>
                      ) : (
                        <Input
                          data-field={key}
                          value={value}
                          inputMode={variable.type === "number" ? "decimal" : undefined}
                          maxLength={variable.maxLength ?? undefined}
                          onChange={(e) => set(e.target.value)}
                        />
                      )}
                      {errors[key] ? (
                        <Field.ErrorText>{errors[key]}</Field.ErrorText>
                      ) : variable.type === "number" ? (
                        <Field.HelperText>A number.</Field.HelperText>
                      ) : null}
                    </Field.Root>
                  );
                })}
                <Box>
                  <Text fontSize="xs" color="fg.muted" mb="1" id={`${ids}-preview`}>
                    The prompt it makes
                  </Text>
                  <Text fontSize="sm" bg="bg.muted" rounded="md" p="2" aria-labelledby={`${ids}-preview`} css={{ overflowWrap: "anywhere" }}>
                    {renderTemplate(template, values) || "…"}
                  </Text>
                </Box>
              </Stack>
            ) : (
              <Field.Root required invalid={Boolean(errors.prompt)}>
                <Field.Label>Prompt</Field.Label>
                <Textarea
                  name="prompt"
                  data-field="prompt"
                  rows={4}
                  maxLength={MAX_PROMPT}
                  placeholder={
                    kind === "text" ? "A short welcome note for new customers" : kind === "image" ? "A lighthouse at dusk, watercolour" : "Waves rolling onto a beach at sunrise"
                  }
                  value={prompt}
                  onChange={(e) => {
                    setPrompt(e.target.value);
                    changed();
                  }}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
                  }}
                />
                {errors.prompt ? <Field.ErrorText>{errors.prompt}</Field.ErrorText> : <Field.HelperText>Ctrl+Enter or ⌘+Enter sends it.</Field.HelperText>}
              </Field.Root>
            )}

            <Box>
              <Button
                size="xs"
                variant="ghost"
                px="1"
                aria-expanded={showOptions}
                aria-controls={`${ids}-options`}
                onClick={() => setShowOptions((open) => !open)}
              >
                {showOptions ? "▾" : "▸"} Provider options
              </Button>
              {showOptions && (
                <Stack id={`${ids}-options`} gap="3" mt="2" borderWidth="1px" rounded="md" p="3">
                  <Field.Root invalid={Boolean(errors.model)}>
                    <Field.Label>Model</Field.Label>
                    <Input
                      data-field="model"
                      list={`${ids}-models`}
                      value={model}
                      placeholder={models[0] ? `The server's default (${models[0]})` : "The server's default"}
                      onChange={(e) => {
                        setModel(e.target.value);
                        changed();
                      }}
                    />
                    <datalist id={`${ids}-models`}>
                      {models.map((name) => (
                        <option key={name} value={name} />
                      ))}
                    </datalist>
                    {errors.model ? <Field.ErrorText>{errors.model}</Field.ErrorText> : <Field.HelperText>Leave it empty to use the configured default.</Field.HelperText>}
                  </Field.Root>
                  {kind === "text" && (
                    <HStack gap="3" align="start" wrap="wrap">
                      <OptionInput label="Longest answer (tokens)" name="maxTokens" value={fields.maxTokens} error={errors.maxTokens} onChange={setField("maxTokens")} inputMode="numeric" placeholder="800" />
                      <OptionInput label="Temperature (0 to 2)" name="temperature" value={fields.temperature} error={errors.temperature} onChange={setField("temperature")} inputMode="decimal" placeholder="0.7" />
                    </HStack>
                  )}
                  {kind === "image" && (
                    <>
                      <HStack gap="3" align="start" wrap="wrap">
                        <OptionInput label="Size (pixels)" name="size" value={fields.size} error={errors.size} onChange={setField("size")} suggestions={IMAGE_SIZES} placeholder="1024x1024" />
                        <OptionSelect label="Quality" name="quality" value={fields.quality} error={errors.quality} onChange={setField("quality")} choices={QUALITIES.map((q) => [q, q])} />
                      </HStack>
                      <HStack gap="3" align="start" wrap="wrap">
                        <OptionInput label="Shape (Midjourney, Flux)" name="aspectRatio" value={fields.aspectRatio} error={errors.aspectRatio} onChange={setField("aspectRatio")} suggestions={ASPECT_RATIOS} placeholder="16:9" />
                        <OptionInput label="Leave out" name="negativePrompt" value={fields.negativePrompt} error={errors.negativePrompt} onChange={setField("negativePrompt")} placeholder="text, watermark" />
                      </HStack>
                    </>
                  )}
                  {kind === "video" && (
                    <HStack gap="3" align="start" wrap="wrap">
                      <OptionSelect label="Length" name="duration" value={fields.duration} error={errors.duration} onChange={setField("duration")} choices={[["5", "5 seconds"], ["10", "10 seconds"]]} />
                      <OptionSelect label="Mode" name="mode" value={fields.mode} error={errors.mode} onChange={setField("mode")} choices={[["std", "Standard"], ["pro", "Pro"]]} />
                      <OptionInput label="Shape" name="aspectRatio" value={fields.aspectRatio} error={errors.aspectRatio} onChange={setField("aspectRatio")} suggestions={ASPECT_RATIOS} placeholder="16:9" />
                    </HStack>
                  )}
                  <Flex as="label" gap="2" align="center" fontSize="sm">
                    <input
                      type="checkbox"
                      checked={fresh}
                      onChange={(e) => {
                        setFresh(e.target.checked);
                        changed();
                      }}
                    />
                    Make it anew even if the same request was answered before
                  </Flex>
                </Stack>
              )}
            </Box>

            {generate.isError && (
              <Alert.Root status="error" role="alert">
                <Alert.Indicator />
                <Alert.Content>
                  <Alert.Title>
                    {generate.error instanceof ApiError && generate.error.fieldProblems.length > 0 && fieldProblems.length === 0
                      ? "It wasn't started: see the marked fields above."
                      : messageOf(generate.error)}
                  </Alert.Title>
                  {fieldProblems.length > 0 && (
                    <Alert.Description>
                      {fieldProblems.map(([field, message]) => (
                        <div key={field}>{message}</div>
                      ))}
                    </Alert.Description>
                  )}
                </Alert.Content>
              </Alert.Root>
            )}
            <Box>
              <Button type="submit" colorPalette="blue" loading={generate.isPending} loadingText="Starting…">
                Generate
              </Button>
            </Box>
          </Stack>
        </form>
      </Card.Body>
    </Card.Root>
  );
}

/** The fields inside "Provider options", which open when one of them is at fault. */
const OPTION_FIELDS = new Set(["model", "size", "quality", "aspectRatio", "negativePrompt", "duration", "mode", "maxTokens", "temperature"]);

const KNOWN_FIELDS = new Set(["kind", "count", "prompt", "templateId", "model", "size", "quality", "aspectRatio", "negativePrompt", "duration", "mode", "maxTokens", "temperature"]);

function OptionInput({
  label,
  name,
  value,
  error,
  onChange,
  suggestions,
  placeholder,
  inputMode,
}: {
  label: string;
  name: string;
  value?: string;
  error?: string;
  onChange: (value: string) => void;
  suggestions?: string[];
  placeholder?: string;
  inputMode?: "numeric" | "decimal";
}) {
  const listId = useId();
  return (
    <Field.Root flex="1" minW="36" invalid={Boolean(error)}>
      <Field.Label>{label}</Field.Label>
      <Input
        data-field={name}
        size="sm"
        value={value ?? ""}
        placeholder={placeholder}
        inputMode={inputMode}
        list={suggestions ? listId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
      {error && <Field.ErrorText>{error}</Field.ErrorText>}
    </Field.Root>
  );
}

function OptionSelect({
  label,
  name,
  value,
  error,
  onChange,
  choices,
}: {
  label: string;
  name: string;
  value?: string;
  error?: string;
  onChange: (value: string) => void;
  choices: [string, string][];
}) {
  return (
    <Field.Root flex="1" minW="36" invalid={Boolean(error)}>
      <Field.Label>{label}</Field.Label>
      <NativeSelect.Root size="sm">
        <NativeSelect.Field data-field={name} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
          <option value="">The provider's default</option>
          {choices.map(([choice, words]) => (
            <option key={choice} value={choice}>
              {words}
            </option>
          ))}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
      {error && <Field.ErrorText>{error}</Field.ErrorText>}
    </Field.Root>
  );
}
