import { Alert, Button, Field, Flex, Input, Skeleton, Stack, Table, Text } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { ProjectShell } from "../components/ProjectShell";
import type { Budget, BudgetLine, ProjectWithUsage } from "../lib/api-types";
import { dollars, getBudget, limitText, parseDollars, setBudget } from "../lib/budgets";
import { messageOf } from "../lib/problem";
import { queryKeys } from "../lib/query-keys";
import { useApi } from "../session";

/**
 * Project settings, Budget: this month's spent, held and remaining cost of the project and its
 * members (each member sees their own line, owners every line), and the owners' monthly budget and
 * caps per member.
 */
export default function BudgetPage() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Budget">
      {(project) => <BudgetOf project={project} />}
    </ProjectShell>
  );
}

function BudgetOf({ project }: { project: ProjectWithUsage }) {
  const api = useApi();
  const budget = useQuery({ queryKey: queryKeys.budget(project.id), queryFn: () => getBudget(api, project.id) });
  if (budget.isPending) return <Skeleton height="24" />;
  if (budget.isError) return <Text color="fg.error">{messageOf(budget.error)}</Text>;
  const b = budget.data;
  return (
    <Stack gap="5">
      <Text color="fg.muted">
        Every job holds the most it may cost when it starts, and is refused when that would pass the project's monthly
        budget or a member's cap; past {b.warnPercent}% the owners are told. Month {b.period} (UTC).
      </Text>
      <ProjectLine line={b.project} warnPercent={b.warnPercent} />
      <MembersTable budget={b} />
      {project.role === "owner" ? (
        <BudgetForm key={b.version} budget={b} />
      ) : (
        <Text color="fg.muted">Owners set the budget and the caps.</Text>
      )}
    </Stack>
  );
}

function ProjectLine({ line, warnPercent }: { line: BudgetLine; warnPercent: number }) {
  const limited = line.limitMicros > 0;
  const over = limited && (line.percentUsed ?? 0) >= warnPercent;
  return (
    <Stack gap="2" as="section" aria-label="This month">
      {over && (
        <Alert.Root status="warning" role="alert">
          <Alert.Indicator />
          <Alert.Title>
            {line.percentUsed}% of this month's budget is spent or held; {dollars(line.remainingMicros ?? 0)} is left.
          </Alert.Title>
        </Alert.Root>
      )}
      <Flex gap="6" wrap="wrap">
        <Figure label="Budget" value={limited ? dollars(line.limitMicros) : "No limit"} />
        <Figure label="Spent" value={dollars(line.spentMicros)} />
        <Figure label="Held for running jobs" value={dollars(line.reservedMicros)} />
        <Figure label="Remaining" value={limited ? dollars(line.remainingMicros ?? 0) : "—"} />
      </Flex>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap="0">
      <Text fontSize="sm" color="fg.muted">
        {label}
      </Text>
      <Text fontSize="xl" fontWeight="semibold" data-figure={label}>
        {value}
      </Text>
    </Stack>
  );
}

function MembersTable({ budget }: { budget: Budget }) {
  return (
    <Table.Root size="sm" aria-label="Members this month">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeader>Member</Table.ColumnHeader>
          <Table.ColumnHeader>Cap</Table.ColumnHeader>
          <Table.ColumnHeader>Spent</Table.ColumnHeader>
          <Table.ColumnHeader>Held</Table.ColumnHeader>
          <Table.ColumnHeader>Remaining</Table.ColumnHeader>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {budget.members.map((m) => (
          <Table.Row key={m.uid}>
            <Table.Cell>{m.name ?? m.uid}</Table.Cell>
            <Table.Cell>{m.limitMicros > 0 ? dollars(m.limitMicros) : "No cap"}</Table.Cell>
            <Table.Cell>{dollars(m.spentMicros)}</Table.Cell>
            <Table.Cell>{dollars(m.reservedMicros)}</Table.Cell>
            <Table.Cell>{m.remainingMicros !== undefined ? dollars(m.remainingMicros) : "—"}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  );
}

function BudgetForm({ budget }: { budget: Budget }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [monthly, setMonthly] = useState(limitText(budget.monthlyMicros));
  const [cap, setCap] = useState(limitText(budget.memberCapMicros));
  const [own, setOwn] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(budget.memberCaps).map(([uid, v]) => [uid, limitText(v)])),
  );
  const [tried, setTried] = useState(false);
  const monthlyMicros = parseDollars(monthly);
  const capMicros = parseDollars(cap);
  const ownMicros = Object.fromEntries(
    Object.entries(own).filter(([, v]) => v.trim() !== "").map(([uid, v]) => [uid, parseDollars(v)]),
  );
  const bad = monthlyMicros === null || capMicros === null || Object.values(ownMicros).some((v) => v === null);
  const save = useMutation({
    mutationFn: () =>
      setBudget(
        api,
        budget.projectId,
        { monthlyMicros: monthlyMicros ?? 0, memberCapMicros: capMicros ?? 0, memberCaps: ownMicros as Record<string, number> },
        budget.version,
      ),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.budget(budget.projectId), saved),
  });
  const problem = "Write an amount in dollars, such as 25 or 12.50; leave it empty for no limit.";
  return (
    <form
      aria-label="Set the budget"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!bad) save.mutate();
      }}
    >
      <Stack gap="3">
        <Flex gap="3" wrap="wrap">
          <Field.Root invalid={tried && monthlyMicros === null} maxW="60">
            <Field.Label>Monthly budget of the project ($)</Field.Label>
            <Input inputMode="decimal" value={monthly} onChange={(e) => setMonthly(e.target.value)} placeholder="No limit" />
            {tried && monthlyMicros === null && <Field.ErrorText>{problem}</Field.ErrorText>}
          </Field.Root>
          <Field.Root invalid={tried && capMicros === null} maxW="60">
            <Field.Label>Monthly cap of each member ($)</Field.Label>
            <Input inputMode="decimal" value={cap} onChange={(e) => setCap(e.target.value)} placeholder="No cap" />
            {tried && capMicros === null && <Field.ErrorText>{problem}</Field.ErrorText>}
          </Field.Root>
        </Flex>
        {budget.members.map((m) => (
          <Field.Root key={m.uid} invalid={tried && ownMicros[m.uid ?? ""] === null} maxW="80">
            <Field.Label>Own cap of {m.name ?? m.uid} ($), in place of each member's</Field.Label>
            <Input
              inputMode="decimal"
              value={own[m.uid ?? ""] ?? ""}
              onChange={(e) => setOwn((all) => ({ ...all, [m.uid ?? ""]: e.target.value }))}
              placeholder="As each member"
            />
          </Field.Root>
        ))}
        <Flex>
          <Button type="submit" colorPalette="blue" loading={save.isPending}>
            Save budget
          </Button>
        </Flex>
        {save.isError && (
          <Alert.Root status="error" size="sm" role="alert">
            <Alert.Indicator />
            <Alert.Title>{messageOf(save.error)}</Alert.Title>
          </Alert.Root>
        )}
        {save.isSuccess && <Text color="fg.success">Saved.</Text>}
      </Stack>
    </form>
  );
}
