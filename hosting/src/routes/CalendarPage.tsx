import { Alert, Badge, Box, Button, Field, Flex, Heading, Input, Link, NativeSelect, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link as RouterLink } from "react-router";
import { CalendarGrid, type Drop } from "../components/calendar/CalendarGrid";
import { CopyButton } from "../components/CopyButton";
import { PageTitle } from "../components/PageTitle";
import { Segmented } from "../components/Segmented";
import type { CalendarEntry, IssuedCalendarFeed } from "../lib/api-types";
import {
  browserZone,
  clockOf,
  colorOf,
  dayAt,
  fromLocalInput,
  movedStart,
  statusLabel,
  step,
  titleOf,
  today as todayIn,
  toLocalInput,
  unavailableNotice,
  visibleRange,
  whyFixed,
  type Day,
  type View,
} from "../lib/calendar";
import { createFeed, getCalendar, getFeed, moveEntry, revokeFeed } from "../lib/calendar-api";
import { messageOf } from "../lib/problem";
import { queryKeys } from "../lib/query-keys";
import { useApi } from "../session";

/** The zones the picker offers: the browser's list, with the person's own and UTC always in it. */
function zones(own: string): string[] {
  const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([own, "UTC", ...listed])].sort();
}

/**
 * The person's calendar: scheduled batch runs and publications (and what ran or went out) across
 * all their projects, in a month or a week, in their time zone (the browser's, or one they pick).
 * Dragging an entry to
 * another day or hour moves it; the list under the grid does the same with a date and time field,
 * for keyboards and screen readers. The private iCalendar feed is made and revoked below.
 */
export default function CalendarPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [zone, setZone] = useState(browserZone);
  const [view, setView] = useState<View>("week");
  const [anchor, setAnchor] = useState<Day>(() => todayIn(browserZone()));
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const { days, from, to } = useMemo(() => visibleRange(view, anchor, zone), [view, anchor, zone]);
  const calendar = useQuery({
    queryKey: queryKeys.calendarWindow(from.toISOString(), to.toISOString(), zone),
    queryFn: () => getCalendar(api, from, to, zone),
  });
  const move = useMutation({
    mutationFn: ({ entry, start }: { entry: CalendarEntry; start: Date }) => moveEntry(api, entry, start),
    onSuccess: (moved) => {
      const when = `${dayAt(new Date(moved.start), zone)} at ${clockOf(new Date(moved.start), zone)}`;
      const publication = moved.kind === "publication";
      setNotice({ ok: true, text: `“${moved.title}” ${publication ? "now goes out" : "now runs"} ${when}.` });
      void queryClient.invalidateQueries({ queryKey: queryKeys.calendar() });
      if (publication) {
        // The item's Publishing panel lists it under the project: its key is ["publications", projectId, itemId].
        void queryClient.invalidateQueries({ queryKey: ["publications", moved.projectId] });
      } else {
        void queryClient.invalidateQueries({ queryKey: queryKeys.batch(moved.projectId, moved.refId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.batches(moved.projectId) });
      }
    },
    onError: (error) => setNotice({ ok: false, text: messageOf(error) }),
  });

  function dropped({ entry, day, hour }: Drop) {
    const start = movedStart(new Date(entry.start), day, zone, hour);
    if (start.getTime() === new Date(entry.start).getTime()) return;
    move.mutate({ entry, start });
  }

  const entries = calendar.data?.entries ?? [];
  const unavailable = unavailableNotice(calendar.data);
  const today = todayIn(zone);
  const shown = new Set(days);
  return (
    <Stack gap="5">
      <PageTitle>Calendar</PageTitle>
      <Flex gap="3" align="center" wrap="wrap">
        <Segmented
          label="View"
          options={[
            { value: "month", label: "Month" },
            { value: "week", label: "Week" },
          ]}
          value={view}
          onChange={setView}
        />
        <Flex gap="1">
          <Button size="sm" variant="outline" aria-label={`Previous ${view}`} onClick={() => setAnchor(step(view, anchor, -1))}>
            ‹
          </Button>
          <Button size="sm" variant="outline" onClick={() => setAnchor(today)}>
            Today
          </Button>
          <Button size="sm" variant="outline" aria-label={`Next ${view}`} onClick={() => setAnchor(step(view, anchor, 1))}>
            ›
          </Button>
        </Flex>
        <Heading as="h2" size="md" aria-live="polite">
          {titleOf(view, anchor)}
        </Heading>
        <Field.Root w="auto" ms={{ md: "auto" }} orientation="horizontal" gap="2">
          <Field.Label fontSize="sm" whiteSpace="nowrap">
            Time zone
          </Field.Label>
          <NativeSelect.Root size="sm" w="56">
            <NativeSelect.Field value={zone} onChange={(e) => setZone(e.target.value)}>
              {zones(browserZone()).map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
      </Flex>

      {notice && (
        <Alert.Root status={notice.ok ? "success" : "error"} role={notice.ok ? "status" : "alert"}>
          <Alert.Indicator />
          <Alert.Description>{notice.text}</Alert.Description>
        </Alert.Root>
      )}
      {unavailable && (
        <Alert.Root status="warning" role="status">
          <Alert.Indicator />
          <Alert.Description>{unavailable}</Alert.Description>
        </Alert.Root>
      )}
      {calendar.data?.truncated && (
        <Text color="fg.warning" fontSize="sm">
          There are more entries than one view shows; the week view shows them all.
        </Text>
      )}

      {calendar.isPending ? (
        <Skeleton height="80" />
      ) : calendar.isError ? (
        <Text color="fg.error">{messageOf(calendar.error)}</Text>
      ) : (
        <CalendarGrid view={view} anchor={anchor} today={today} zone={zone} entries={entries} onDrop={dropped} />
      )}

      <Agenda
        entries={entries.filter((e) => shown.has(dayAt(new Date(e.start), zone)))}
        zone={zone}
        moving={move.isPending}
        onMove={(entry, start) => move.mutate({ entry, start })}
      />
      <FeedPanel />
    </Stack>
  );
}

/** The same entries as a list, each movable with a date and time field: the grid's keyboard alternative. */
function Agenda({
  entries,
  zone,
  moving,
  onMove,
}: {
  entries: CalendarEntry[];
  zone: string;
  moving: boolean;
  onMove: (entry: CalendarEntry, start: Date) => void;
}) {
  return (
    <Stack as="section" aria-labelledby="agenda-title" gap="2">
      <Heading as="h2" size="md" id="agenda-title">
        Entries
      </Heading>
      {entries.length === 0 ? (
        <Text color="fg.muted">
          Nothing scheduled in this view. Batch runs of the batches you schedule, and the publications you
          schedule from a content item, appear here once they fall in these days.
        </Text>
      ) : (
        <Stack as="ul" gap="2" listStyleType="none" ms="0">
          {entries.map((e) => (
            <AgendaItem key={e.id} entry={e} zone={zone} moving={moving} onMove={onMove} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function AgendaItem({
  entry,
  zone,
  moving,
  onMove,
}: {
  entry: CalendarEntry;
  zone: string;
  moving: boolean;
  onMove: (entry: CalendarEntry, start: Date) => void;
}) {
  const [value, setValue] = useState(() => toLocalInput(new Date(entry.start), zone));
  const [error, setError] = useState("");
  const start = new Date(entry.start);
  const fieldId = `move-${entry.id}`;
  return (
    <Box as="li" borderWidth="1px" rounded="md" p="3" borderStartWidth="4px" borderStartColor={`${colorOf(entry.projectId)}.solid`}>
      <Flex gap="3" wrap="wrap" align="center">
        <Text fontWeight="semibold">
          {dayAt(start, zone)} {clockOf(start, zone)}
        </Text>
        {entry.link ? (
          <Link asChild>
            <RouterLink to={entry.link}>{entry.title}</RouterLink>
          </Link>
        ) : (
          <Text>{entry.title}</Text>
        )}
        <Text color="fg.muted" fontSize="sm">
          {entry.projectName}
        </Text>
        <Badge>{statusLabel(entry.status)}</Badge>
        {entry.detail && (
          <Text color="fg.muted" fontSize="sm">
            {entry.detail}
          </Text>
        )}
      </Flex>
      {entry.draggable ? (
        <form
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            const at = fromLocalInput(value, zone);
            if (!at) {
              setError("Give a date and time.");
              return;
            }
            setError("");
            onMove(entry, at);
          }}
        >
          <Flex mt="2" gap="2" align="end" wrap="wrap">
            <Field.Root w="auto" invalid={error !== ""}>
              <Field.Label htmlFor={fieldId} fontSize="sm">
                Move “{entry.title}” to…
              </Field.Label>
              <Input id={fieldId} type="datetime-local" size="sm" value={value} onChange={(ev) => setValue(ev.target.value)} />
              <Field.ErrorText>{error}</Field.ErrorText>
            </Field.Root>
            <Button type="submit" size="sm" variant="outline" loading={moving}>
              Move
            </Button>
          </Flex>
        </form>
      ) : (
        <Text mt="1" fontSize="sm" color="fg.muted">
          {whyFixed(entry)}
        </Text>
      )}
    </Box>
  );
}

/** The private iCalendar feed: make it (its address is shown once), copy it, replace or revoke it. */
function FeedPanel() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedCalendarFeed | null>(null);
  const feed = useQuery({ queryKey: queryKeys.calendarFeed(), queryFn: () => getFeed(api) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed() });
  const make = useMutation({
    mutationFn: () => createFeed(api),
    onSuccess: (made) => {
      setIssued(made);
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => revokeFeed(api),
    onSuccess: () => {
      setIssued(null);
      refresh();
    },
  });
  const active = feed.data?.active === true;
  return (
    <Stack as="section" aria-labelledby="feed-title" gap="3" borderWidth="1px" rounded="md" p="4" bg="bg">
      <Heading as="h2" size="md" id="feed-title">
        Calendar feed
      </Heading>
      <Text fontSize="sm" color="fg.muted">
        Subscribe to your calendar from another calendar application with a private address. Anyone who has the address sees
        what you see here, so keep it to yourself; making a new one ends the old one.
      </Text>
      {feed.isError && <Text color="fg.error">{messageOf(feed.error)}</Text>}
      {issued && (
        <Alert.Root status="warning" role="status">
          <Alert.Indicator />
          <Alert.Content gap="2">
            <Alert.Description>Copy the address now: it is shown only this once.</Alert.Description>
            <Field.Root>
              <Field.Label fontSize="sm">Feed address</Field.Label>
              <Input readOnly value={issued.url} size="sm" fontFamily="mono" onFocus={(e) => e.target.select()} />
            </Field.Root>
            <Flex gap="2">
              <CopyButton text={issued.url} label="Copy address" size="sm" />
              <Button size="sm" variant="ghost" onClick={() => setIssued(null)}>
                Done
              </Button>
            </Flex>
          </Alert.Content>
        </Alert.Root>
      )}
      <Text fontSize="sm">
        {feed.isPending
          ? "…"
          : active
            ? `You have a feed, made ${feed.data?.createdAt ? new Date(feed.data.createdAt).toLocaleString() : ""}.`
            : "You have no feed."}
      </Text>
      {(make.error || revoke.error) && <Text color="fg.error">{messageOf(make.error ?? revoke.error)}</Text>}
      <Flex gap="2" wrap="wrap">
        <Button size="sm" loading={make.isPending} onClick={() => make.mutate()}>
          {active ? "Make a new address" : "Make a feed address"}
        </Button>
        {active && (
          <Button size="sm" variant="outline" colorPalette="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            Revoke feed
          </Button>
        )}
      </Flex>
    </Stack>
  );
}
