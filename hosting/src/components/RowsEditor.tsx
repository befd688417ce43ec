import { Alert, Box, Button, chakra, Field, Flex, Input, Stack, Text } from "@chakra-ui/react";
import { Fragment, useState, type ChangeEvent } from "react";
import { ChoiceSelect, sameWords } from "./ChoiceSelect";
import { Segmented } from "./Segmented";
import { emptyRow, parseCsv, type PlacedProblems, type RowProblem } from "../lib/batch-form";
import type { BatchRow, Template, TemplateVariable } from "../lib/api-types";

export type RowsSource = "grid" | "csv";

export interface RowsValue {
  source: RowsSource;
  grid: BatchRow[];
  file: File | null;
  /** The file's records, header first, for showing its rows. */
  csv: string[][] | null;
}

export function startRows(template: Template | undefined, rows: BatchRow[] = []): RowsValue {
  return { source: "grid", grid: rows.length > 0 ? rows.map((row) => ({ ...row })) : [emptyRow(template)], file: null, csv: null };
}

const MAX_PREVIEW = 200;

const Table = chakra("table");
const Thead = chakra("thead");
const Tr = chakra("tr");
const Th = chakra("th");
const Td = chakra("td");

/**
 * The rows of a batch: typed in a small grid with a column per template variable, or a CSV file
 * whose rows are shown. The API's problems are shown on the rows they name.
 */
export function RowsEditor({
  idPrefix,
  template,
  value,
  onChange,
  problems,
}: {
  idPrefix: string;
  template: Template;
  value: RowsValue;
  onChange: (value: RowsValue) => void;
  problems: PlacedProblems | null;
}) {
  const [fileError, setFileError] = useState("");
  const columns = template.variables;

  async function pickFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0] ?? null;
    setFileError("");
    if (!file) return onChange({ ...value, file: null, csv: null });
    if (file.size > 2 * 1024 * 1024) {
      setFileError("That file is larger than 2 MB, the most a batch's CSV file may be.");
      return onChange({ ...value, file: null, csv: null });
    }
    try {
      onChange({ ...value, file, csv: parseCsv(await file.text()) });
    } catch {
      setFileError("That file couldn't be read. Choose it again.");
    }
  }

  return (
    <Stack gap="3">
      <Segmented
        label="Where the rows come from"
        options={[
          { value: "grid", label: "Type the rows" },
          { value: "csv", label: "Upload a CSV file" },
        ]}
        value={value.source}
        onChange={(source) => onChange({ ...value, source })}
      />
      {problems && problems.general.length > 0 && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Title>{value.source === "csv" ? "The file can't be used yet:" : "The rows can't be used yet:"}</Alert.Title>
            <Box as="ul" ps="4" listStyleType="disc">
              {problems.general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </Box>
          </Alert.Content>
        </Alert.Root>
      )}
      {value.source === "grid" ? (
        <Grid idPrefix={idPrefix} template={template} value={value} onChange={onChange} problems={problems} />
      ) : (
        <Stack gap="3">
          <Field.Root invalid={Boolean(fileError)}>
            <Field.Label>CSV file</Field.Label>
            <Input type="file" accept=".csv,text/csv" onChange={pickFile} p="1" />
            <Field.HelperText>
              UTF-8, with a first line naming the columns: {columns.map((c) => c.name).join(", ")}. At most 1,000 rows.
            </Field.HelperText>
            <Field.ErrorText>{fileError}</Field.ErrorText>
          </Field.Root>
          {value.csv && <CsvRows idPrefix={idPrefix} records={value.csv} problems={problems} />}
        </Stack>
      )}
    </Stack>
  );
}

function Grid({
  idPrefix,
  template,
  value,
  onChange,
  problems,
}: {
  idPrefix: string;
  template: Template;
  value: RowsValue;
  onChange: (value: RowsValue) => void;
  problems: PlacedProblems | null;
}) {
  const columns = template.variables;
  const set = (index: number, name: string, text: string) =>
    onChange({ ...value, grid: value.grid.map((row, i) => (i === index ? { ...row, [name]: text } : row)) });
  return (
    <Stack gap="2">
      <Box overflowX="auto" borderWidth="1px" rounded="md" position="relative">
        <Table w="full" fontSize="sm" css={{ borderCollapse: "collapse", "& th, & td": { padding: "6px" } }}>
          <Thead bg="bg.muted">
            <tr>
              <Th scope="col" textAlign="start" w="3rem">
                Row
              </Th>
              {columns.map((column) => (
                <Th scope="col" key={column.name} textAlign="start" minW="10rem">
                  {column.name}
                  {column.required && !column.defaultValue ? " *" : ""}
                  {column.defaultValue && (
                    <Text as="span" fontWeight="normal" color="fg.muted">
                      {" "}
                      (default: {column.defaultValue})
                    </Text>
                  )}
                </Th>
              ))}
              <Th scope="col">
                <Text srOnly>Actions</Text>
              </Th>
            </tr>
          </Thead>
          <tbody>
            {value.grid.map((row, index) => {
              const rowProblems = problems?.byRow.get(index) ?? [];
              const errorId = `${idPrefix}-row-${index}-problems`;
              return (
                <Fragment key={index}>
                  <Tr borderTopWidth="1px" bg={rowProblems.length > 0 ? "red.subtle" : undefined}>
                    <Th scope="row" textAlign="start" fontWeight="normal" color="fg.muted">
                      {index + 1}
                    </Th>
                    {columns.map((column) => (
                      <td key={column.name}>
                        <Cell
                          column={column}
                          label={`Row ${index + 1}, ${column.name}`}
                          value={row[column.name] ?? ""}
                          invalid={rowProblems.some((p) => p.column === column.name || p.column === null)}
                          describedBy={rowProblems.length > 0 ? errorId : undefined}
                          onChange={(text) => set(index, column.name, text)}
                        />
                      </td>
                    ))}
                    <td>
                      <Button
                        size="xs"
                        variant="ghost"
                        aria-label={`Remove row ${index + 1}`}
                        disabled={value.grid.length === 1}
                        onClick={() => onChange({ ...value, grid: value.grid.filter((_, i) => i !== index) })}
                      >
                        Remove
                      </Button>
                    </td>
                  </Tr>
                  {rowProblems.length > 0 && <ProblemRow id={errorId} span={columns.length + 2} problems={rowProblems} />}
                </Fragment>
              );
            })}
          </tbody>
        </Table>
      </Box>
      <Flex gap="2" wrap="wrap" align="center">
        <Button
          size="sm"
          variant="outline"
          disabled={value.grid.length >= 1000}
          onClick={() => onChange({ ...value, grid: [...value.grid, emptyRow(template)] })}
        >
          Add a row
        </Button>
        <Text fontSize="sm" color="fg.muted">
          * required. Empty cells take the default; empty rows are left out.
        </Text>
      </Flex>
    </Stack>
  );
}

function Cell({
  column,
  label,
  value,
  invalid,
  describedBy,
  onChange,
}: {
  column: TemplateVariable;
  label: string;
  value: string;
  invalid: boolean;
  describedBy?: string;
  onChange: (text: string) => void;
}) {
  if (column.type === "choice" && column.choices && column.choices.length > 0) {
    return (
      <ChoiceSelect
        size="sm"
        invalid={invalid}
        aria-label={label}
        aria-describedby={describedBy}
        value={value}
        onChange={onChange}
        empty={column.defaultValue ? `Default (${column.defaultValue})` : "Choose…"}
        choices={sameWords(column.choices)}
      />
    );
  }
  return (
    <Input
      size="sm"
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      inputMode={column.type === "number" ? "decimal" : undefined}
      maxLength={column.maxLength ?? undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function ProblemRow({ id, span, problems }: { id: string; span: number; problems: RowProblem[] }) {
  return (
    <Tr bg="red.subtle">
      <Td colSpan={span} id={id} color="fg.error" fontSize="sm" pt="0">
        {problems.map((problem, i) => (
          <Text key={i}>
            {problem.column ? <strong>{problem.column}: </strong> : null}
            {problem.message}
          </Text>
        ))}
      </Td>
    </Tr>
  );
}

/** The file's rows, numbered from 1 below the header as the server counts them. */
function CsvRows({ idPrefix, records, problems }: { idPrefix: string; records: string[][]; problems: PlacedProblems | null }) {
  const [header, ...rows] = records;
  if (!header) return <Text color="fg.muted">The file is empty.</Text>;
  // Rows with problems are always shown; the rest up to a limit.
  const shown = rows
    .map((row, index) => ({ row, index }))
    .filter(({ index }) => index < MAX_PREVIEW || problems?.byRow.has(index));
  return (
    <Stack gap="1">
      <Text fontSize="sm" color="fg.muted">
        {rows.length} {rows.length === 1 ? "row" : "rows"} in the file
        {rows.length > shown.length ? `; the first ${MAX_PREVIEW} and any with problems are shown` : ""}.
      </Text>
      <Box overflowX="auto" borderWidth="1px" rounded="md" maxH="28rem" overflowY="auto" position="relative">
        <Table w="full" fontSize="sm" css={{ borderCollapse: "collapse", "& th, & td": { padding: "6px", verticalAlign: "top" } }}>
          <Thead bg="bg.muted" position="sticky" top="0">
            <tr>
              <Th scope="col" textAlign="start">
                Row
              </Th>
              {header.map((name, i) => (
                <Th scope="col" key={i} textAlign="start">
                  {name}
                </Th>
              ))}
            </tr>
          </Thead>
          <tbody>
            {shown.map(({ row, index }) => {
              const rowProblems = problems?.byRow.get(index) ?? [];
              return (
                <Fragment key={index}>
                  <Tr borderTopWidth="1px" bg={rowProblems.length > 0 ? "red.subtle" : undefined}>
                    <Th scope="row" textAlign="start" fontWeight="normal" color="fg.muted">
                      {index + 1}
                    </Th>
                    {header.map((_, c) => (
                      <Td key={c} whiteSpace="pre-wrap">
                        {row[c] ?? ""}
                      </Td>
                    ))}
                  </Tr>
                  {rowProblems.length > 0 && (
                    <ProblemRow id={`${idPrefix}-csv-${index}-problems`} span={header.length + 1} problems={rowProblems} />
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </Table>
      </Box>
    </Stack>
  );
}
