package dev.contentcreator.core.users;

import dev.contentcreator.core.json.Inline;
import dev.contentcreator.core.json.OmitNulls;
import dev.contentcreator.core.usage.LimitsView;
import dev.contentcreator.core.usage.UsageView;

/**
 * The signed-in person as {@code GET /api/me} shows them: their record, with this month's usage
 * and the monthly limits beside it. Absent fields are left out, as this answer always has.
 */
@OmitNulls
public record MeView(@Inline UserView user, UsageView usage, LimitsView limits) {}
