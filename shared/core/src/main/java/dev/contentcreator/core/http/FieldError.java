package dev.contentcreator.core.http;

/** What is wrong with one field of a request: {@code field} is a JSON path such as {@code name}. */
public record FieldError(String field, String message) {}
