package dev.contentcreator.core.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In an API answer, a null is left out instead of written as {@code null}: on a view record, for
 * each of its components and for every record, map and list inside it that does not say
 * otherwise; on one component, for that component. The API writes nulls unless told this, so a
 * view says it where its answer has always left absent fields out (see {@link ViewRecords}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT})
public @interface OmitNulls {}
