package dev.contentcreator.core.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In an API answer, a null is written as {@code null} even inside a view that leaves nulls out
 * ({@link OmitNulls}): on a view record, for its components; on one component, for that one. For
 * fields a client finds in every answer of a kind, set or not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT})
public @interface WriteNulls {}
