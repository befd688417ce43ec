// The typed variables form of a template: starting values, the same checks the server makes, and
// the prompt the server will render, so a person sees mistakes and the result before sending.

import type { Template } from "./api-types";

/** An escaped opening (\{{) or a placeholder ({{ name }}), as the server reads a body. */
const TOKEN = /\\\{\{|\{\{\s*([A-Za-z][A-Za-z0-9_]{0,39})\s*\}\}/g;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Every variable's starting value: its default, or the first choice of a required choice. */
export function initialValues(template: Template): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of template.variables) {
    values[variable.name] =
      variable.defaultValue ?? (variable.type === "choice" && variable.required ? (variable.choices?.[0] ?? "") : "");
  }
  return values;
}

/** What is wrong with each value, by variable name; empty when all is well. */
export function checkValues(template: Template, values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const variable of template.variables) {
    const value = (values[variable.name] ?? "").trim();
    if (!value) {
      if (variable.required) errors[variable.name] = "Fill this in.";
      continue;
    }
    const { min, max } = variable.limits ?? {};
    if (variable.type === "number" && !NUMBER.test(value)) errors[variable.name] = "Enter a number.";
    else if (variable.type === "number" && min != null && Number(value) < min) errors[variable.name] = `Use at least ${min}.`;
    else if (variable.type === "number" && max != null && Number(value) > max) errors[variable.name] = `Use at most ${max}.`;
    else if (variable.type === "boolean" && !["true", "false"].includes(value.toLowerCase()))
      errors[variable.name] = "Choose true or false.";
    else if (variable.type === "choice" && !(variable.choices ?? []).includes(value))
      errors[variable.name] = `Pick one of: ${(variable.choices ?? []).join(", ")}.`;
    else if ((variable.type === "text" || variable.type === "longText") && variable.maxLength && value.length > variable.maxLength)
      errors[variable.name] = `Use at most ${variable.maxLength} characters (now ${value.length}).`;
  }
  return errors;
}

/** The values to send: trimmed, and only those that were filled in (the server applies defaults). */
export function valuesToSend(template: Template, values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const variable of template.variables) {
    const value = (values[variable.name] ?? "").trim();
    if (value) out[variable.name] = value;
  }
  return out;
}

/**
 * The prompt as the server renders it: each {{name}} replaced once (a value is never expanded
 * again), each \{{ made a literal {{, runs of white space made one.
 */
export function renderTemplate(template: Template, values: Record<string, string>): string {
  const byName = new Map(template.variables.map((variable) => [variable.name, variable]));
  return template.body
    .replace(TOKEN, (_whole, name: string | undefined) => {
      if (name === undefined) return "{{";
      const value = (values[name] ?? "").trim();
      return value || (byName.get(name)?.defaultValue ?? "").trim();
    })
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** A variable's name as a label: "productName" and "product_name" read "Product name". */
export function variableLabel(name: string): string {
  const words = name
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The templates that make a kind, the project's own first, each group by name. */
export function templatesFor(templates: Template[], kind: Template["kind"]): Template[] {
  return templates
    .filter((template) => template.kind === kind)
    .sort((a, b) => Number(Boolean(b.projectId)) - Number(Boolean(a.projectId)) || a.name.localeCompare(b.name));
}
