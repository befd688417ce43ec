import { Alert, Text } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { BudgetWarning, ForecastBody } from "../../lib/api-types";
import { forecast, forecastLine, warningLine } from "../../lib/budgets";
import { queryKeys } from "../../lib/query-keys";
import { useApi } from "../../session";

/** The body as it stands half a second after the last change, so typing asks once. */
function useSettled<T>(value: T, ms = 500): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * What the job or run would cost at most and leave of this month's budget, before it starts
 * ("≈ $0.42, 8% of this month's budget left after"); nothing while the form is not complete.
 */
export function ForecastLine({ projectId, body }: { projectId: string; body: ForecastBody | null }) {
  const api = useApi();
  const key = JSON.stringify(body);
  const settledKey = useSettled(key);
  const settled: ForecastBody | null = settledKey === "null" ? null : JSON.parse(settledKey);
  const answer = useQuery({
    queryKey: queryKeys.forecast(projectId, settled ?? {}),
    queryFn: () => forecast(api, projectId, settled as ForecastBody),
    enabled: settled !== null,
    staleTime: 15_000,
    retry: false,
  });
  if (settled === null || !answer.data) return null;
  const f = answer.data;
  return (
    <Text fontSize="sm" color={f.fits ? (f.warning ? "fg.warning" : "fg.muted") : "fg.error"} data-testid="forecast" title={f.method}>
      {forecastLine(f)}
    </Text>
  );
}

/** The banner of a job accepted past 80% of a budget. */
export function BudgetBanner({ warning }: { warning: BudgetWarning | undefined }) {
  if (!warning) return null;
  return (
    <Alert.Root status="warning" role="alert" data-testid="budget-warning">
      <Alert.Indicator />
      <Alert.Title>{warningLine(warning)}</Alert.Title>
    </Alert.Root>
  );
}
