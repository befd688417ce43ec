import { describe, expect, it } from "vitest";
import { checkValues, initialValues, renderTemplate, templatesFor, valuesToSend, variableLabel } from "./template-form";
import type { Template, TemplateVariable } from "./api-types";

/** A variable as the server answers it, from the fields a test cares about. */
function variable(v: Partial<TemplateVariable> & Pick<TemplateVariable, "name" | "type">): TemplateVariable {
  const initial = v.defaultValue ?? null;
  return {
    label: v.name, required: false, default: initial, defaultValue: initial, choices: v.choices ?? [], maxLength: v.maxLength ?? null,
    ...v,
    limits: { maxLength: v.maxLength ?? null, min: null, max: null, options: v.type === "choice" ? (v.choices ?? []) : null, ...v.limits },
  };
}

/** What the server adds to a global template: no author, and the time and version it was seeded with. */
const globalStamps = { scope: "global" as const, createdBy: null, createdAt: "2026-11-01T00:00:00Z", updatedAt: "2026-11-01T00:00:00Z", version: 1 };

const template: Template = {
  id: "t1",
  projectId: null,
  name: "Product description",
  kind: "text",
  body: "Describe {{ product }} for {{audience}} in {{words}} words. {{tone}}",
  variables: [
    variable({ name: "product", type: "text", required: true, maxLength: 10 }),
    variable({ name: "audience", type: "text", defaultValue: "everyone" }),
    variable({ name: "words", type: "number", required: true }),
    variable({ name: "tone", type: "choice", required: true, choices: ["Warm", "Formal"] }),
  ],
  ...globalStamps,
};

describe("the variables form", () => {
  it("starts from the defaults and a required choice's first option", () => {
    expect(initialValues(template)).toEqual({ product: "", audience: "everyone", words: "", tone: "Warm" });
  });

  it("checks required, number, choice and length like the server", () => {
    expect(checkValues(template, { product: "", words: "ten", tone: "Loud" })).toEqual({
      product: "Fill this in.",
      words: "Enter a number.",
      tone: "Pick one of: Warm, Formal.",
    });
    expect(checkValues(template, { product: "a very long name", words: "1.5e2", tone: "Formal" })).toEqual({
      product: "Use at most 10 characters (now 16).",
    });
    expect(checkValues(template, { product: " Mug ", words: "40", tone: "Warm" })).toEqual({});
  });

  it("sends only filled-in values, trimmed", () => {
    expect(valuesToSend(template, { product: " Mug ", audience: "  ", words: "40", tone: "Warm", stray: "x" })).toEqual({
      product: "Mug",
      words: "40",
      tone: "Warm",
    });
  });

  it("renders the prompt as the server will", () => {
    expect(renderTemplate(template, { product: "a mug", words: "40", tone: "" })).toBe(
      "Describe a mug for everyone in 40 words.",
    );
  });

  it("checks a number's limits and a boolean like the server", () => {
    const limited: Template = {
      ...template,
      body: "{{n}} {{b}}",
      variables: [
        variable({ name: "n", type: "number", limits: { maxLength: null, min: 1, max: 5, options: null } }),
        variable({ name: "b", type: "boolean" }),
      ],
    };
    expect(checkValues(limited, { n: "9", b: "maybe" })).toEqual({ n: "Use at most 5.", b: "Choose true or false." });
    expect(checkValues(limited, { n: "0", b: "TRUE" })).toEqual({ n: "Use at least 1." });
  });

  it("keeps an escaped opening as a literal {{ and puts each value in once", () => {
    const escaped: Template = { ...template, body: "Write \\{{x}} as {{product}}" };
    expect(renderTemplate(escaped, { product: "{{audience}}" })).toBe("Write {{x}} as {{audience}}");
  });

  it("labels variables in words", () => {
    expect(variableLabel("productName")).toBe("Product name");
    expect(variableLabel("target_audience")).toBe("Target audience");
  });

  it("lists a kind's templates with the project's own first", () => {
    const all: Template[] = [
      { id: "g2", projectId: null, name: "Zeta", kind: "text", body: "", variables: [], ...globalStamps },
      { id: "p1", projectId: "p", name: "Mine", kind: "text", body: "", variables: [], ...globalStamps, scope: "project", createdBy: "u1" },
      { id: "g1", projectId: null, name: "Alpha", kind: "text", body: "", variables: [], ...globalStamps },
      { id: "i1", projectId: null, name: "Picture", kind: "image", body: "", variables: [], ...globalStamps },
    ];
    expect(templatesFor(all, "text").map((t) => t.id)).toEqual(["p1", "g1", "g2"]);
  });
});
