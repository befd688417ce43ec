import { NativeSelect } from "@chakra-ui/react";
import type { Role } from "../lib/api";
import { ROLE_LABELS } from "../lib/roles";

const ROLES: Role[] = ["viewer", "editor", "owner"];

/** The three roles as a select; label it with a Field.Label around it. */
export function RoleSelect({
  value,
  onChange,
  size,
  disabled,
  width,
}: {
  value: Role;
  onChange: (role: Role) => void;
  size?: "sm" | "md";
  disabled?: boolean;
  width?: string;
}) {
  return (
    <NativeSelect.Root size={size} disabled={disabled} w={width}>
      <NativeSelect.Field value={value} onChange={(event) => onChange(event.target.value as Role)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </NativeSelect.Field>
      <NativeSelect.Indicator />
    </NativeSelect.Root>
  );
}
