package dev.contentcreator.core.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a view record's component that is itself a record: its fields are written in place of the
 * component, as members of the enclosing object ({@code {"id": ..., "usage": ...}}, not
 * {@code {"project": {"id": ...}, "usage": ...}}). A null one adds nothing. This is how an answer
 * that is a resource plus a few fields reuses the resource's view instead of repeating it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Inline {}
