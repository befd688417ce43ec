package dev.contentcreator.core.comments;

import dev.contentcreator.core.json.Inline;
import java.util.List;

/** A thread: its root comment's fields, and its replies oldest first ({@code Thread} in docs/openapi.yaml). */
public record ThreadView(@Inline CommentView root, List<CommentView> replies) {}
