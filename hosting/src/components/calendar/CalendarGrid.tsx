import { Box, Grid, Link, Text } from "@chakra-ui/react";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { Link as RouterLink } from "react-router";
import type { CalendarEntry } from "../../lib/api-types";
import { byDay, clockOf, colorOf, hourOf, isUpcoming, monthGrid, statusLabel, weekDays, whyFixed, type Day, type View } from "../../lib/calendar";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** The drag's data type: an entry's id, so a drop of anything else is ignored. */
const ENTRY_TYPE = "application/x-calendar-entry";

/** Where an entry was dropped: a day, and in the week view an hour of it. */
export interface Drop {
  entry: CalendarEntry;
  day: Day;
  hour?: number;
}

/**
 * The month or week of a calendar: days (and, for a week, hours) as drop targets, entries as
 * links to what they are, draggable when the person may move them.
 */
export function CalendarGrid({
  view,
  anchor,
  today,
  zone,
  entries,
  onDrop,
}: {
  view: View;
  anchor: Day;
  today: Day;
  zone: string;
  entries: CalendarEntry[];
  onDrop: (drop: Drop) => void;
}) {
  const [dragging, setDragging] = useState<CalendarEntry | null>(null);
  const days = byDay(entries, zone);
  const scroller = useRef<HTMLDivElement>(null);
  const week = weekDays(anchor);
  const firstHour = Math.min(7, ...week.flatMap((d) => (days.get(d) ?? []).map((e) => hourOf(e, zone))));

  // A week opens at its first entry's hour, or at 07:00: the night hours are a scroll away.
  useEffect(() => {
    const box = scroller.current;
    const row = box?.querySelector<HTMLElement>(`[data-row-hour="${firstHour}"]`);
    if (!box || !row) return;
    const header = box.firstElementChild as HTMLElement | null;
    box.scrollTop = row.offsetTop - (header?.offsetHeight ?? 0);
  }, [view, anchor, firstHour]);

  function dropHandlers(day: Day, hour?: number) {
    return {
      onDragOver: (e: DragEvent) => {
        if (dragging && e.dataTransfer.types.includes(ENTRY_TYPE)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "move";
        }
      },
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        const id = e.dataTransfer.getData(ENTRY_TYPE);
        const entry = entries.find((x) => x.id === id) ?? dragging;
        setDragging(null);
        if (entry && entry.id === id) onDrop({ entry, day, hour });
      },
    };
  }

  const chip = (e: CalendarEntry, compact: boolean) => (
    <EntryChip
      key={e.id}
      entry={e}
      zone={zone}
      compact={compact}
      onDragStart={(ev) => {
        ev.dataTransfer.setData(ENTRY_TYPE, e.id);
        ev.dataTransfer.setData("text/plain", e.title);
        ev.dataTransfer.effectAllowed = "move";
        setDragging(e);
      }}
      onDragEnd={() => setDragging(null)}
    />
  );

  if (view === "month") {
    const weeks = monthGrid(anchor);
    const month = anchor.slice(0, 7);
    return (
      <Box role="grid" aria-label="Month" borderWidth="1px" rounded="md" overflowX="auto">
        <Grid templateColumns="repeat(7, minmax(6rem, 1fr))" role="row">
          {WEEKDAYS.map((d) => (
            <Box key={d} role="columnheader" p="1" fontSize="xs" fontWeight="semibold" color="fg.muted" textAlign="center">
              {d}
            </Box>
          ))}
        </Grid>
        {weeks.map((week) => (
          <Grid key={week[0]} templateColumns="repeat(7, minmax(6rem, 1fr))" role="row">
            {week.map((day) => (
              <Box
                key={day}
                role="gridcell"
                aria-label={day}
                data-day={day}
                minH="24"
                p="1"
                borderTopWidth="1px"
                borderStartWidth="1px"
                bg={day.slice(0, 7) === month ? "bg" : "bg.muted"}
                {...dropHandlers(day)}
              >
                <Text fontSize="xs" fontWeight={day === today ? "bold" : "normal"} color={day === today ? "blue.fg" : "fg.muted"}>
                  {Number(day.slice(8))}
                </Text>
                {(days.get(day) ?? []).map((e) => chip(e, true))}
              </Box>
            ))}
          </Grid>
        ))}
      </Box>
    );
  }

  return (
    <Box ref={scroller} role="grid" aria-label="Week" borderWidth="1px" rounded="md" overflow="auto" maxH="70vh" position="relative">
      <Grid templateColumns="3.5rem repeat(7, minmax(7rem, 1fr))" role="row" position="sticky" top="0" bg="bg" zIndex="1">
        <Box role="columnheader" />
        {week.map((day, i) => (
          <Box key={day} role="columnheader" p="1" fontSize="xs" fontWeight={day === today ? "bold" : "semibold"} textAlign="center">
            {WEEKDAYS[i]} {Number(day.slice(8))}
          </Box>
        ))}
      </Grid>
      {HOURS.map((hour) => (
        <Grid key={hour} templateColumns="3.5rem repeat(7, minmax(7rem, 1fr))" role="row" data-row-hour={hour}>
          <Box role="rowheader" fontSize="xs" color="fg.muted" p="1" borderTopWidth="1px">
            {String(hour).padStart(2, "0")}:00
          </Box>
          {week.map((day) => (
            <Box
              key={day}
              role="gridcell"
              aria-label={`${day} ${String(hour).padStart(2, "0")}:00`}
              data-day={day}
              data-hour={hour}
              minH="10"
              p="0.5"
              borderTopWidth="1px"
              borderStartWidth="1px"
              bg={day === today ? "bg.subtle" : "bg"}
              {...dropHandlers(day, hour)}
            >
              {(days.get(day) ?? []).filter((e) => hourOf(e, zone) === hour).map((e) => chip(e, false))}
            </Box>
          ))}
        </Grid>
      ))}
    </Box>
  );
}

/** One entry: its time and title, coloured by project, a link to what it is. */
export function EntryChip({
  entry,
  zone,
  compact,
  onDragStart,
  onDragEnd,
}: {
  entry: CalendarEntry;
  zone: string;
  compact: boolean;
  onDragStart?: (e: DragEvent) => void;
  onDragEnd?: () => void;
}) {
  const color = colorOf(entry.projectId);
  const past = !isUpcoming(entry);
  const time = clockOf(new Date(entry.start), zone);
  const label = `${time} ${entry.title} (${entry.projectName}), ${statusLabel(entry.status)}`;
  const body = (
    <>
      <Text as="span" fontWeight="semibold">{time}</Text> {entry.title}
      {!compact && (
        <Text as="span" display="block" fontSize="2xs" opacity="0.8">
          {entry.projectName} · {statusLabel(entry.status)}
        </Text>
      )}
    </>
  );
  return (
    <Box
      data-entry={entry.id}
      draggable={entry.draggable}
      onDragStart={entry.draggable ? onDragStart : undefined}
      onDragEnd={onDragEnd}
      title={whyFixed(entry) ?? "Drag to another day or time to move it"}
      mt="0.5"
      px="1"
      py="0.5"
      rounded="sm"
      fontSize="xs"
      truncate={compact}
      cursor={entry.draggable ? "grab" : "default"}
      bg={past ? "transparent" : `${color}.subtle`}
      color={`${color}.fg`}
      borderWidth="1px"
      borderColor={`${color}.muted`}
      borderStyle={entry.status === "paused" ? "dashed" : "solid"}
      textDecoration={entry.status === "cancelled" || entry.status === "skipped" ? "line-through" : undefined}
    >
      {entry.link ? (
        <Link asChild color="inherit" aria-label={label} draggable={false}>
          <RouterLink to={entry.link} draggable={false}>{body}</RouterLink>
        </Link>
      ) : (
        <Text as="span" aria-label={label}>{body}</Text>
      )}
    </Box>
  );
}
