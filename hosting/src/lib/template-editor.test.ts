import { describe, expect, it } from "vitest";
import { emptyRow, filled, placeholdersOf, sampleValues, toInputs, toRows, undeclared } from "./template-editor";
import type { Template } from "./api-types";

describe("the template editor", () => {
  it("finds the placeholders a body uses, not an escaped opening", () => {
    expect(placeholdersOf("Hi {{ who }}, \\{{not}} {{who}} and {{what}}")).toEqual(["who", "what"]);
  });

  it("names what the body uses but the table does not declare", () => {
    expect(undeclared("{{a}} {{b}}", [{ ...emptyRow("a") }])).toEqual(["b"]);
  });

  it("sends each limit only where its type has it", () => {
    const rows = [
      { ...emptyRow("t"), maxLength: "40", min: "1" },
      { ...emptyRow("n"), type: "number" as const, min: "1", max: "9", maxLength: "3" },
      { ...emptyRow("c"), type: "choice" as const, options: "warm\n\n bold \n", initial: "bold", label: "Tone" },
    ];
    expect(toInputs(rows)).toEqual([
      { name: "t", type: "text", required: false, limits: { maxLength: 40 } },
      { name: "n", type: "number", required: false, limits: { min: 1, max: 9 } },
      { name: "c", type: "choice", required: false, limits: { options: ["warm", "bold"] }, label: "Tone", default: "bold" },
    ]);
  });

  it("reads a saved template back into rows", () => {
    const t = {
      variables: [
        { name: "tone", label: "Tone", type: "choice", required: true, default: "warm", choices: ["warm", "bold"], defaultValue: "warm",
          maxLength: null, limits: { maxLength: null, min: null, max: null, options: ["warm", "bold"] } },
      ],
    } as unknown as Template;
    expect(toRows(t)).toEqual([{ name: "tone", label: "Tone", type: "choice", required: true, initial: "warm", maxLength: "", min: "",
      max: "", options: "warm\nbold" }]);
  });

  it("starts samples from defaults, a choice's first option and false", () => {
    const rows = [emptyRow("a"), { ...emptyRow("c"), type: "choice" as const, options: "x\ny" }, { ...emptyRow("b"), type: "boolean" as const }];
    expect(sampleValues(rows)).toEqual({ a: "", c: "x", b: "false" });
    expect(filled({ a: "", c: "x", gone: "1" }, rows)).toEqual({ c: "x" });
  });
});
