import { NativeSelect } from "@chakra-ui/react";
import { ROLE_LABELS } from "../lib/roles";
import type { Role } from "../lib/api-types";

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
      <NativeSelect.Field
        value={value}
        onChange={(event) => {
          const picked = ROLES.find((role) => role === event.target.value);
          if (picked) onChange(picked);
        }}
      >
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
