import { ChakraProvider } from "@chakra-ui/react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import type { CalendarEntry } from "../../lib/api-types";
import { system } from "../../theme";
import { CalendarGrid } from "./CalendarGrid";

function entry(over: Partial<CalendarEntry>): CalendarEntry {
  return {
    id: "batch-b1-1",
    kind: "batch",
    projectId: "p1",
    projectName: "Launch",
    refId: "b1",
    title: "Posts",
    start: "2026-12-02T09:30:00.000Z",
    status: "scheduled",
    draggable: true,
    recurring: false,
    link: "/projects/p1/batches/b1",
    ...over,
  };
}


const onDrop = () => undefined;

/** The grid's markup, as the server would render it inside the app's providers. */
function markup(props: Omit<Parameters<typeof CalendarGrid>[0], "onDrop">): string {
  const grid = createElement(CalendarGrid, { ...props, onDrop });
  return renderToStaticMarkup(createElement(ChakraProvider, { value: system, children: createElement(MemoryRouter, { children: grid }) }));
}

describe("CalendarGrid", () => {
  const movable = entry({});
  const ran = entry({ id: "batchrun-b1_1", status: "completed", draggable: false, start: "2026-12-01T23:30:00.000Z" });

  it("puts each entry in its day and hour in the zone, draggable only when it may move", () => {
    const html = markup({ view: "week", anchor: "2026-12-02", today: "2026-12-03", zone: "Europe/Paris", entries: [movable, ran] });
    // 09:30Z is 10:30 in Paris on the 2nd; 23:30Z on the 1st is 00:30 on the 2nd there.
    expect(html).toMatch(/data-day="2026-12-02" data-hour="10"[^>]*>(?:(?!data-hour=).)*data-entry="batch-b1-1"[^>]*draggable="true"/s);
    expect(html).toMatch(/data-day="2026-12-02" data-hour="0"[^>]*>(?:(?!data-hour=).)*data-entry="batchrun-b1_1"[^>]*draggable="false"/s);
    expect(html).toContain('href="/projects/p1/batches/b1"');
    expect(html).toContain("10:30");
    expect(html).toContain("Launch · Completed");
  });

  it("shows a month as whole weeks of day cells with the entries on their days", () => {
    const html = markup({ view: "month", anchor: "2026-12-17", today: "2026-12-03", zone: "UTC", entries: [movable, ran] });
    expect(html.match(/role="gridcell"/g)).toHaveLength(35);
    expect(html).toMatch(/data-day="2026-11-30"/);
    expect(html).toMatch(/data-day="2027-01-03"/);
    expect(html).toMatch(/data-day="2026-12-01"[^>]*>(?:(?!data-day=).)*batchrun-b1_1/s);
    expect(html).toMatch(/data-day="2026-12-02"[^>]*>(?:(?!data-day=).)*batch-b1-1/s);
    expect(html).not.toMatch(/data-hour=/);
  });
});
