import { Alert, Box, Field, Flex, Input, Stack, Text } from "@chakra-ui/react";
import { useMemo } from "react";
import { Segmented } from "./Segmented";
import { formatRun, previewSchedule, scheduleText, type ScheduleInput } from "../lib/batch-form";

let zoneList: string[] | null = null;

function timeZones(): string[] {
  if (!zoneList) {
    try {
      zoneList = Intl.supportedValuesOf("timeZone");
    } catch {
      zoneList = ["UTC"];
    }
    if (!zoneList.includes("UTC")) zoneList = ["UTC", ...zoneList];
  }
  return zoneList;
}

/**
 * When a batch runs: once at a date and time, or on a cron, read in a time zone; with a preview in
 * words and the next runs, worked out in the browser as the person types.
 */
export function ScheduleFields({
  idPrefix,
  value,
  onChange,
  errors,
  now,
}: {
  idPrefix: string;
  value: ScheduleInput;
  onChange: (value: ScheduleInput) => void;
  errors: { schedule?: string; timeZone?: string };
  now: Date;
}) {
  const schedule = scheduleText(value);
  const preview = useMemo(() => previewSchedule(schedule, value.timeZone, now), [schedule, value.timeZone, now]);
  const previewId = `${idPrefix}-preview`;
  return (
    <Stack gap="3">
      <Segmented
        label="How often"
        options={[
          { value: "once", label: "Once" },
          { value: "cron", label: "Repeat (cron)" },
        ]}
        value={value.mode}
        onChange={(mode) => onChange({ ...value, mode })}
      />
      <Flex gap="3" wrap="wrap" align="start">
        {value.mode === "once" ? (
          <Field.Root required invalid={Boolean(errors.schedule)} flex="1 1 14rem">
            <Field.Label>Date and time</Field.Label>
            <Input
              type="datetime-local"
              value={value.onceAt}
              onChange={(event) => onChange({ ...value, onceAt: event.target.value })}
            />
            <Field.ErrorText>{errors.schedule}</Field.ErrorText>
          </Field.Root>
        ) : (
          <Field.Root required invalid={Boolean(errors.schedule)} flex="1 1 14rem">
            <Field.Label>Cron schedule</Field.Label>
            <Input
              value={value.cron}
              onChange={(event) => onChange({ ...value, cron: event.target.value })}
              placeholder="0 9 * * 1"
              fontFamily="mono"
              autoComplete="off"
              spellCheck={false}
            />
            <Field.HelperText>Minute, hour, day of month, month, day of week. “0 9 * * 1” is every Monday at 09:00.</Field.HelperText>
            <Field.ErrorText>{errors.schedule}</Field.ErrorText>
          </Field.Root>
        )}
        <Field.Root required invalid={Boolean(errors.timeZone)} flex="1 1 12rem">
          <Field.Label>Time zone</Field.Label>
          <Input
            value={value.timeZone}
            onChange={(event) => onChange({ ...value, timeZone: event.target.value })}
            list={`${idPrefix}-zones`}
            autoComplete="off"
            spellCheck={false}
          />
          <datalist id={`${idPrefix}-zones`}>
            {timeZones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <Field.ErrorText>{errors.timeZone}</Field.ErrorText>
        </Field.Root>
      </Flex>
      <Box id={previewId} role="status" aria-live="polite" aria-atomic="true">
        {preview.ok ? (
          <Box borderWidth="1px" rounded="md" p="3" bg="bg.muted">
            <Text fontWeight="medium">{preview.description}</Text>
            {preview.next.length > 0 && value.mode === "cron" && (
              <>
                <Text fontSize="sm" color="fg.muted" mt="1">
                  Next runs:
                </Text>
                <Box as="ol" fontSize="sm" ps="5" listStyleType="decimal">
                  {preview.next.map((date) => (
                    <li key={date.getTime()}>
                      <time dateTime={date.toISOString()}>{formatRun(date, value.timeZone)}</time>
                    </li>
                  ))}
                </Box>
              </>
            )}
            {preview.warning && (
              <Alert.Root status="warning" mt="2" size="sm">
                <Alert.Indicator />
                <Alert.Title>{preview.warning}</Alert.Title>
              </Alert.Root>
            )}
          </Box>
        ) : (
          !errors.schedule &&
          !errors.timeZone && (
            <Text fontSize="sm" color="fg.muted">
              {preview.error}
            </Text>
          )
        )}
      </Box>
    </Stack>
  );
}
