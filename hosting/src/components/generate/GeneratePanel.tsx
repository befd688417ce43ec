import { Box, Button, Flex, Stack } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { getHealth } from "../../lib/api";
import { listTemplates, startGeneration } from "../../lib/contents-api";
import { listBrandKits } from "../../lib/brand-kits";
import { ChoiceSelect } from "../ChoiceSelect";
import { buildOptions, describeFieldProblem, formField, modelsFromProblem, suggestedModels, type OptionFields } from "../../lib/generation";
import { ApiError } from "../../lib/problem";
import { queryKeys } from "../../lib/query-keys";
import { checkValues, initialValues, templatesFor, valuesToSend } from "../../lib/template-form";
import { useApi } from "../../session";
import { useIdempotentMutation } from "../useIdempotentMutation";
import { SectionCard } from "../SectionCard";
import { BrandVoiceRow } from "./BrandVoiceRow";
import { BudgetBanner, ForecastLine } from "./ForecastLine";
import { GenerateProblem } from "./GenerateProblem";
import { KindAndCount, MAX_COUNT } from "./KindAndCount";
import { PromptField } from "./PromptField";
import { OPTION_FIELDS, ProviderOptions } from "./ProviderOptions";
import { TemplateFields } from "./TemplateFields";
import { TemplatePicker } from "./TemplatePicker";
import type { BudgetWarning, GenerationBody, Job, Kind } from "../../lib/api-types";

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
  const kits = useQuery({ queryKey: queryKeys.brandKits(projectId), queryFn: () => listBrandKits(api, projectId), staleTime: 60_000 });
  const [kitId, setKitId] = useState("");

  const [kind, setKind] = useState<Kind>("text");
  const [templateId, setTemplateId] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [prompt, setPrompt] = useState("");
  const [count, setCount] = useState("1");
  const [model, setModel] = useState("");
  const [fields, setFields] = useState<OptionFields>({});
  const [fresh, setFresh] = useState(false);
  const [useKnowledge, setUseKnowledge] = useState(false);
  const [showOptions, setShowOptions] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [knownModels, setKnownModels] = useState<string[] | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [warning, setWarning] = useState<BudgetWarning | undefined>(undefined);

  const choices = templatesFor(templates.data ?? [], kind);
  const template = choices.find((t) => t.id === templateId);
  const models = knownModels ?? suggestedModels(kind, demo);

  const generate = useIdempotentMutation({
    mutationFn: (body: GenerationBody, key) => startGeneration(api, projectId, body, key()),
    onSuccess: (job) => {
      setPrompt("");
      setWarning(job.budgetWarning);
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

  /** Whatever the person changes makes it a new request. */
  function edited<A extends unknown[]>(set: (...args: A) => void) {
    return (...args: A) => {
      set(...args);
      generate.newIntent();
      generate.reset();
    };
  }

  function focusFirstError(found: Record<string, string>) {
    const first = Object.keys(found)[0];
    if (!first) return;
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(first)}"]`)?.focus());
  }

  const pickKind = edited((next: Kind) => {
    setKind(next);
    setTemplateId("");
    setValues({});
    setModel("");
    setKnownModels(null);
    setErrors({});
  });

  const pickTemplate = edited((id: string) => {
    setTemplateId(id);
    const chosen = choices.find((t) => t.id === id);
    setValues(chosen ? initialValues(chosen) : {});
    setErrors({});
  });

  /** The request as it stands, for the forecast: null while it is not complete enough to send. */
  function draft(): GenerationBody | null {
    const number = Number(count);
    if (!Number.isInteger(number) || number < 1 || number > MAX_COUNT) return null;
    const body: GenerationBody = { kind, count: number };
    if (template) {
      if (Object.keys(checkValues(template, values)).length > 0) return null;
      body.templateId = template.id;
      const sent = valuesToSend(template, values);
      if (Object.keys(sent).length > 0) body.variables = sent;
    } else if (prompt.trim()) {
      body.prompt = prompt.trim();
    } else {
      return null;
    }
    const built = buildOptions(kind, fields);
    if (Object.keys(built.errors).length > 0) return null;
    if (Object.keys(built.options).length > 0) body.options = built.options;
    if (model.trim()) body.model = model.trim();
    if (kitId) body.brandKitId = kitId;
    return body;
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
    if (kitId) body.brandKitId = kitId;
    if (fresh) body.fresh = true;
    if (useKnowledge && kind === "text") body.useKnowledge = true;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (Object.keys(built.errors).length > 0) setShowOptions(true);
      focusFirstError(found);
      return;
    }
    generate.mutate(body);
  }

  return (
    <SectionCard id="generate-title" title="Generate">
      <BrandVoiceRow project={project.data} kind={kind} />
      {kits.data && kits.data.length > 1 && kind !== "video" && (
        <Box mt="2" maxW="80">
          <ChoiceSelect
            aria-label="Brand kit"
            data-testid="brand-kit"
            size="sm"
            empty="The default brand kit"
            choices={kits.data.filter((k) => !k.isDefault).map((k) => [k.id, k.name] as const)}
            value={kitId}
            onChange={edited(setKitId)}
          />
        </Box>
      )}

      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="4">
          <KindAndCount kind={kind} count={count} errors={errors} demo={demo} onKind={pickKind} onCount={edited(setCount)} />
          <TemplatePicker choices={choices} templateId={templateId} error={errors.templateId} loadError={templates.error} onPick={pickTemplate} />
          {template ? (
            <TemplateFields
              template={template}
              values={values}
              errors={errors}
              onValue={edited((name: string, value: string) => setValues((all) => ({ ...all, [name]: value })))}
            />
          ) : (
            <PromptField kind={kind} prompt={prompt} error={errors.prompt} onChange={edited(setPrompt)} />
          )}
          <ProviderOptions
            kind={kind}
            open={showOptions}
            onToggle={() => setShowOptions((open) => !open)}
            model={model}
            models={models}
            onModel={edited(setModel)}
            fields={fields}
            onField={edited((name: keyof OptionFields, value: string) => setFields((all) => ({ ...all, [name]: value })))}
            fresh={fresh}
            onFresh={edited(setFresh)}
            errors={errors}
          />
          {kind === "text" && (
            <Flex as="label" gap="2" align="center" fontSize="sm">
              <input type="checkbox" checked={useKnowledge} onChange={(e) => setUseKnowledge(e.target.checked)} />
              Use brand knowledge (passages of this project's documents that match what you ask)
            </Flex>
          )}
          {generate.isError && <GenerateProblem error={generate.error} errors={errors} />}
          <ForecastLine projectId={projectId} body={draft()} />
          <BudgetBanner warning={warning} />
          <Box>
            <Button type="submit" colorPalette="blue" loading={generate.isPending} loadingText="Starting…">
              Generate
            </Button>
          </Box>
        </Stack>
      </form>
    </SectionCard>
  );
}
